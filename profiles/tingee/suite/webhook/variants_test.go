package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
	"unicode/utf8"

	wh "github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// Receivers under test: the reference one, and broken variants of it, each
// with one mistake partners make.

func reference() http.Handler {
	return &wh.Receiver{Secret: testSecret}
}

// acceptsUnsigned processes whatever arrives, signed or not.
func acceptsUnsigned() http.Handler {
	var mu sync.Mutex
	done := map[string]bool{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n wh.PaymentNotification
		json.NewDecoder(r.Body).Decode(&n)
		mu.Lock()
		done[n.TransactionCode] = true
		mu.Unlock()
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	})
}

// reserialising verifies the body decoded and encoded again by encode,
// instead of the bytes received.
func reserialising(encode func(wh.PaymentNotification) []byte) http.Handler {
	next := reference()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var n wh.PaymentNotification
		if json.Unmarshal(raw, &n) == nil && n.TransactionCode != "" {
			raw = encode(n)
		}
		r.Body = io.NopCloser(bytes.NewReader(raw))
		next.ServeHTTP(w, r)
	})
}

// goEncode is json.Marshal, as a Go receiver re-encoding its struct would.
func goEncode(n wh.PaymentNotification) []byte {
	b, _ := json.Marshal(n)
	return b
}

// phpEncode is PHP's json_encode default: '/' as "\/", non-ASCII as \uXXXX.
func phpEncode(n wh.PaymentNotification) []byte {
	var out bytes.Buffer
	for _, r := range string(goEncode(n)) {
		switch {
		case r == '/':
			out.WriteString(`\/`)
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&out, `\u%04x`, r)
		default:
			out.WriteRune(r)
		}
	}
	return out.Bytes()
}

// noIdempotency forgets what it processed, so a repeat hits the ledger's
// unique key on transactionCode and fails with 500: Tingee retries forever.
func noIdempotency() http.Handler {
	var mu sync.Mutex
	ledger := map[string]bool{}
	credit := func(n wh.PaymentNotification) error {
		mu.Lock()
		defer mu.Unlock()
		if ledger[n.TransactionCode] {
			return errors.New("duplicate key transactionCode")
		}
		ledger[n.TransactionCode] = true
		return nil
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(&wh.Receiver{Secret: testSecret, OnPayment: credit}).ServeHTTP(w, r)
	})
}

// slowAck calls another service before answering, and takes delay to.
func slowAck(delay time.Duration) http.Handler {
	next := reference()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		next.ServeHTTP(w, r)
	})
}

// hangsUpOnBadJSON drops the connection when the body is not JSON.
func hangsUpOnBadJSON() http.Handler {
	next := reference()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		if !json.Valid(raw) {
			panic(http.ErrAbortHandler)
		}
		r.Body = io.NopCloser(bytes.NewReader(raw))
		next.ServeHTTP(w, r)
	})
}
