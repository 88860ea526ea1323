package hmacsign_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var clock = time.Date(2025, 1, 1, 5, 0, 0, 0, time.UTC) // 12:00 in Vietnam

// received is what the test server saw, and whether Tingee's verifier accepts it.
type received struct {
	header http.Header
	body   []byte
	query  url.Values
	verify error
}

func server(t *testing.T) (*httptest.Server, *received) {
	t.Helper()
	got := &received{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.header = r.Header.Clone()
		got.body, _ = io.ReadAll(r.Body)
		got.query = r.URL.Query()
		got.verify = signing.Verify(r.Header, got.body, []byte(auth.MockSecret), clock)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"code":"00","message":"Success","data":{}}`)
	}))
	t.Cleanup(srv.Close)
	return srv, got
}

func newClient(base string) *client.Client {
	return &client.Client{BaseURL: base, Signer: hmacsign.Signer{Credentials: auth.Mock()}, Now: func() time.Time { return clock }}
}

func TestSendSignsExactBytes(t *testing.T) {
	srv, got := server(t)
	body := []byte(`{"bankName":"OCB", "confirmId":"x","otpNumber":"123456"}`) // not minified on purpose
	x := newClient(srv.URL).Send(context.Background(), client.Request{Operation: "confirmVa", Method: "POST", Path: "/v1/confirm-va", Body: body})

	if x.TransportError != "" {
		t.Fatal(x.TransportError)
	}
	if got.verify != nil {
		t.Fatalf("server could not verify the request: %v", got.verify)
	}
	if string(got.body) != string(body) {
		t.Fatalf("body sent %q, want %q", got.body, body)
	}
	if ts := got.header.Get(signing.HeaderTimestamp); ts != "20250101120000000" {
		t.Fatalf("timestamp %q", ts)
	}
	sum := sha256.Sum256(signing.StringToSign("20250101120000000", body))
	if x.StringToSignSHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("string-to-sign digest %s", x.StringToSignSHA256)
	}
	if x.Status != 200 || string(x.ResponseBody) != `{"code":"00","message":"Success","data":{}}` {
		t.Fatalf("answer %d %s", x.Status, x.ResponseBody)
	}
	if x.RequestHeader.Get(signing.HeaderSignature) != got.header.Get(signing.HeaderSignature) {
		t.Fatal("evidence header differs from the header sent")
	}
	if !strings.Contains(x.Curl, "--data-binary '"+string(body)+"'") || !strings.Contains(x.Curl, "expires") {
		t.Fatalf("curl line:\n%s", x.Curl)
	}
}

func TestSendBodylessSignsBraces(t *testing.T) {
	srv, got := server(t)
	q := url.Values{"vaAccountNumber": {"TNG1"}, "bankBin": {"970448"}}
	x := newClient(srv.URL).Send(context.Background(), client.Request{Method: "POST", Path: "/v1/delete-va", Query: q, Body: []byte("{}")})
	if got.verify != nil || x.TransportError != "" {
		t.Fatalf("verify %v, transport %q", got.verify, x.TransportError)
	}
	if got.query.Get("vaAccountNumber") != "TNG1" {
		t.Fatalf("query %v", got.query)
	}
	x = newClient(srv.URL).Send(context.Background(), client.Request{Method: "GET", Path: "/v1/get-banks"})
	if got.verify != nil || len(got.body) != 0 {
		t.Fatalf("GET: verify %v, body %q", got.verify, got.body)
	}
	if strings.Contains(x.Curl, "--data-binary") {
		t.Fatalf("curl sends a body for a bodyless call:\n%s", x.Curl)
	}
}

func TestTamper(t *testing.T) {
	body := []byte(`{"a":1}`)
	cases := []struct {
		name   string
		tamper hmacsign.Tamper
		want   error
		check  func(t *testing.T, h http.Header)
	}{
		{"body changed after signing", hmacsign.Tamper{SignBody: []byte(`{"a":2}`)}, signing.ErrBadSignature, nil},
		{"another secret", hmacsign.Tamper{Secret: []byte("other")}, signing.ErrBadSignature, nil},
		{"empty string signed", hmacsign.Tamper{SignEmpty: true}, signing.ErrBadSignature, nil},
		{"11 minutes old", hmacsign.Tamper{TimestampOffset: -11 * time.Minute}, signing.ErrStaleTimestamp, nil},
		{"11 minutes ahead", hmacsign.Tamper{TimestampOffset: 11 * time.Minute}, signing.ErrFutureTimestamp, nil},
		{"9 minutes old", hmacsign.Tamper{TimestampOffset: -9 * time.Minute}, nil, nil},
		{"malformed timestamp", hmacsign.Tamper{RawTimestamp: "2025-01-01T12:00"}, signing.ErrMalformedTimestamp, nil},
		{"missing signature", hmacsign.Tamper{Omit: signing.HeaderSignature}, signing.ErrMissingHeader, nil},
		{"upper-case hex", hmacsign.Tamper{UpperHex: true}, nil, func(t *testing.T, h http.Header) {
			if s := h.Get(signing.HeaderSignature); s != strings.ToUpper(s) || len(s) != 128 {
				t.Fatalf("signature %q is not upper-case hex", s)
			}
		}},
		{"other client id", hmacsign.Tamper{ClientID: "someone-else"}, nil, func(t *testing.T, h http.Header) {
			if h.Get(signing.HeaderClientID) != "someone-else" {
				t.Fatalf("client id %q", h.Get(signing.HeaderClientID))
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, got := server(t)
			newClient(srv.URL).Send(context.Background(), client.Request{Method: "POST", Path: "/v1/x", Body: body, Tamper: tc.tamper})
			if !errors.Is(got.verify, tc.want) {
				t.Fatalf("server verify = %v, want %v", got.verify, tc.want)
			}
			if string(got.body) != string(body) {
				t.Fatalf("body sent %q", got.body)
			}
			if tc.check != nil {
				tc.check(t, got.header)
			}
		})
	}
}
