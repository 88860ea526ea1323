package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
)

// sdkReceiver is a partner's receiver built the way the official Node SDK's
// verifyWebhookSignature (tingeehub/tingee-node, src/signature/signer.ts)
// verifies: x-signature and x-request-timestamp required, the timestamp only
// checked to be 17 digits (no window), the required body fields present, and
// the HMAC-SHA512 computed over JSON.stringify of the parsed body — a
// re-serialisation, not the bytes received — compared as decoded hex. The
// unsigned dashboard ping has no signature, so it is refused with 401 as the
// SDK's README example does. On top, as any partner must, each
// transactionCode is processed once; a repeat is answered code "02".
func sdkReceiver(secret string) http.Handler {
	required := []string{"clientId", "transactionCode", "amount", "bank", "transactionDate"}
	timestamp := regexp.MustCompile(`^\d{17}$`)
	var mu sync.Mutex
	done := map[string]bool{}
	refuse := func(w http.ResponseWriter, code, msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		json.NewEncoder(w).Encode(map[string]string{"code": code, "message": msg})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var body map[string]any
		if err := json.Unmarshal(raw, &body); err != nil { // express.json() refuses the body first
			http.Error(w, `{"message":"Unexpected token in JSON"}`, http.StatusBadRequest)
			return
		}
		sig, ts := r.Header.Get("x-signature"), r.Header.Get("x-request-timestamp")
		switch {
		case sig == "":
			refuse(w, "MISSING_SIGNATURE", "x-signature header is required")
			return
		case ts == "":
			refuse(w, "MISSING_TIMESTAMP", "x-request-timestamp header is required")
			return
		case !timestamp.MatchString(ts):
			refuse(w, "INVALID_TIMESTAMP", "x-request-timestamp must be 17 digits")
			return
		}
		for _, f := range required {
			if v, ok := body[f]; !ok || v == nil || v == "" || v == 0.0 {
				refuse(w, "MISSING_BODY_FIELD", "body."+f+" is required")
				return
			}
		}
		mac := hmac.New(sha512.New, []byte(secret))
		mac.Write([]byte(ts + ":"))
		mac.Write(jsStringify(raw))
		got, err := hex.DecodeString(sig)
		if err != nil || !hmac.Equal(got, mac.Sum(nil)) {
			refuse(w, "INVALID_SIGNATURE", "Signature does not match")
			return
		}
		code, _ := body["transactionCode"].(string)
		mu.Lock()
		repeat := done[code]
		done[code] = true
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if repeat {
			io.WriteString(w, `{"code":"02","message":"Already processed"}`)
			return
		}
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	})
}

// jsStringify is JavaScript's JSON.stringify(JSON.parse(raw)) for the bodies
// Tingee sends: keys kept in order, no whitespace, strings escaped only where
// JSON requires it (non-ASCII and "/" as they are), numbers as JavaScript
// prints them.
func jsStringify(raw []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out bytes.Buffer
	writeJS(dec, &out)
	return out.Bytes()
}

func writeJS(dec *json.Decoder, out *bytes.Buffer) {
	tok, err := dec.Token()
	if err != nil {
		return
	}
	switch v := tok.(type) {
	case json.Delim:
		out.WriteRune(rune(v))
		for n := 0; dec.More(); n++ {
			if n > 0 {
				out.WriteByte(',')
			}
			if v == '{' {
				key, _ := dec.Token()
				writeJSString(out, key.(string))
				out.WriteByte(':')
			}
			writeJS(dec, out)
		}
		end, _ := dec.Token()
		out.WriteRune(rune(end.(json.Delim)))
	case string:
		writeJSString(out, v)
	case json.Number:
		f, _ := strconv.ParseFloat(string(v), 64)
		out.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	case bool:
		out.WriteString(strconv.FormatBool(v))
	case nil:
		out.WriteString("null")
	}
}

func writeJSString(out *bytes.Buffer, s string) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	out.Truncate(out.Len() - 1) // Encode's newline
}

// TestJSStringifyMatchesNode pins jsStringify to what Node prints for
// JSON.stringify(JSON.parse(x)) on these inputs.
func TestJSStringifyMatchesNode(t *testing.T) {
	for in, want := range map[string]string{
		"{\n  \"b\": 1,\n  \"a\": [1.50, \"x/y\", null, true]\n}": `{"b":1,"a":[1.5,"x/y",null,true]}`,
		`{"content":"Thanh to\u00e1n 12/2025","amount":150000}`:   `{"content":"Thanh toán 12/2025","amount":150000}`,
	} {
		if got := string(jsStringify([]byte(in))); got != want {
			t.Errorf("jsStringify(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestAnSDKBuiltReceiverIsConformantWithWarnings (done-when (a)): a receiver
// built on the official SDK's verifier keeps every must and exits 0 with
// CONFORMANT WITH WARNINGS, warning on exactly what the SDK does differently
// (the refused ping, no timestamp window, the re-serialised body), each
// warning saying why it is only one; --strict makes it exit 1.
func TestAnSDKBuiltReceiverIsConformantWithWarnings(t *testing.T) {
	srv := httptest.NewServer(sdkReceiver(auth.MockSecret))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", mockEnv)
	if code := f.run("webhook-check", "--url", srv.URL, "--report-dir", dir); code != exitOK {
		t.Fatalf("exit %d, want 0:\n%s%s", code, f.out.String(), f.errOut.String())
	}
	var doc struct {
		Verdict struct {
			Result   string
			Warnings []struct{ Requirement, Expected, Got, Why string }
		}
		Counts struct{ Warnings int }
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Verdict.Result != "CONFORMANT WITH WARNINGS" {
		t.Fatalf("verdict %q, want CONFORMANT WITH WARNINGS", doc.Verdict.Result)
	}
	var warned []string
	for _, w := range doc.Verdict.Warnings {
		warned = append(warned, w.Requirement)
		if w.Expected == "" || w.Got == "" || strings.Count(strings.TrimSuffix(w.Why, "."), ". ") > 0 || w.Why == "" {
			t.Errorf("warning %+v: want expected, got and a one-sentence why", w)
		}
	}
	// TG-WH-03 ping refused [live], TG-WH-08 no window [unconfirmed], TG-WH-11 re-serialised body [unconfirmed].
	if strings.Join(warned, ",") != "TG-WH-03,TG-WH-08,TG-WH-11" || doc.Counts.Warnings != 3 {
		t.Errorf("warnings %v (count %d), want TG-WH-03, TG-WH-08, TG-WH-11", warned, doc.Counts.Warnings)
	}
	if !strings.Contains(f.out.String(), "WARNING ") {
		t.Errorf("the summary does not show the warnings apart:\n%s", f.out.String())
	}
	f = newFakeCLI("", mockEnv)
	if code := f.run("webhook-check", "--url", srv.URL, "--report-dir", t.TempDir(), "--strict"); code != exitFail { // a fresh folder: one bundle a folder
		t.Errorf("--strict: exit %d, want 1", code)
	}
}

// TestSDKReceiverMistakesStayNotConformant: what a receiver must never do
// keeps the verdict NOT CONFORMANT, SDK or not.
func TestSDKReceiverMistakesStayNotConformant(t *testing.T) {
	base := sdkReceiver(auth.MockSecret)
	acksBadSignature := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("x-signature", strings.Repeat("0", 128)) // compares, then ignores the result
		rec := httptest.NewRecorder()
		base.ServeHTTP(rec, r)
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	})
	var mu sync.Mutex
	ledger := map[string]bool{}
	processesTwice := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// verifies like the SDK, then credits with no check for a repeat: the
		// ledger's unique key on transactionCode makes the second credit fail
		rec := httptest.NewRecorder()
		raw, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(raw))
		sdkReceiver(auth.MockSecret).ServeHTTP(rec, r) // a fresh verifier: no memory of what it processed
		var n struct{ TransactionCode string }
		json.Unmarshal(raw, &n)
		mu.Lock()
		dup := rec.Code == http.StatusOK && ledger[n.TransactionCode]
		ledger[n.TransactionCode] = ledger[n.TransactionCode] || rec.Code == http.StatusOK
		mu.Unlock()
		if dup {
			http.Error(w, `{"code":"99","message":"duplicate key transactionCode"}`, http.StatusInternalServerError)
			return
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	})
	for name, h := range map[string]http.Handler{"acks a bad signature": acksBadSignature, "processes a repeat twice": processesTwice} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			defer srv.Close()
			dir := filepath.Join(t.TempDir(), "bundle")
			f := newFakeCLI("", mockEnv)
			tags := "@TG-WH-01,@TG-WH-02,@TG-WH-04,@TG-WH-05"
			if code := f.run("webhook-check", "--url", srv.URL, "--report-dir", dir, "--tags", tags); code != exitFail {
				t.Fatalf("exit %d, want 1:\n%s", code, f.out.String())
			}
			data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
			if !strings.Contains(string(data), `"result": "NOT CONFORMANT"`) {
				t.Errorf("report.json verdict is not NOT CONFORMANT")
			}
		})
	}
}
