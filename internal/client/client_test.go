package client

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

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var clock = time.Date(2025, 1, 1, 5, 0, 0, 0, time.UTC) // 12:00 in Vietnam

// received is what the test server saw.
type received struct {
	header http.Header
	body   []byte
	query  url.Values
	verify error
}

func server(t *testing.T, answer func(w http.ResponseWriter)) (*httptest.Server, *received) {
	t.Helper()
	got := &received{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.header = r.Header.Clone()
		got.body, _ = io.ReadAll(r.Body)
		got.query = r.URL.Query()
		got.verify = signing.Verify(r.Header, got.body, []byte(credentials.MockSecret), clock)
		answer(w)
	}))
	t.Cleanup(srv.Close)
	return srv, got
}

func ok(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"code":"00","message":"Success","data":{}}`)
}

func newClient(base string) *Client {
	return &Client{BaseURL: base, Credentials: credentials.Mock(), Now: func() time.Time { return clock }}
}

func TestSendSignsExactBytes(t *testing.T) {
	srv, got := server(t, ok)
	body := []byte(`{"bankName":"OCB", "confirmId":"x","otpNumber":"123456"}`) // not minified on purpose
	x := newClient(srv.URL).Send(context.Background(), Request{Operation: "confirmVa", Method: "POST", Path: "/v1/confirm-va", Body: body})

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
	srv, got := server(t, ok)
	q := url.Values{"vaAccountNumber": {"TNG1"}, "bankBin": {"970448"}}
	x := newClient(srv.URL).Send(context.Background(), Request{Method: "POST", Path: "/v1/delete-va", Query: q, Body: []byte("{}")})
	if got.verify != nil || x.TransportError != "" {
		t.Fatalf("verify %v, transport %q", got.verify, x.TransportError)
	}
	if got.query.Get("vaAccountNumber") != "TNG1" {
		t.Fatalf("query %v", got.query)
	}
	x = newClient(srv.URL).Send(context.Background(), Request{Method: "GET", Path: "/v1/get-banks"})
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
		tamper Tamper
		want   error
		check  func(t *testing.T, h http.Header)
	}{
		{"body changed after signing", Tamper{SignBody: []byte(`{"a":2}`)}, signing.ErrBadSignature, nil},
		{"another secret", Tamper{Secret: []byte("other")}, signing.ErrBadSignature, nil},
		{"empty string signed", Tamper{SignEmpty: true}, signing.ErrBadSignature, nil},
		{"11 minutes old", Tamper{TimestampOffset: -11 * time.Minute}, signing.ErrStaleTimestamp, nil},
		{"11 minutes ahead", Tamper{TimestampOffset: 11 * time.Minute}, signing.ErrFutureTimestamp, nil},
		{"9 minutes old", Tamper{TimestampOffset: -9 * time.Minute}, nil, nil},
		{"malformed timestamp", Tamper{RawTimestamp: "2025-01-01T12:00"}, signing.ErrMalformedTimestamp, nil},
		{"missing signature", Tamper{Omit: signing.HeaderSignature}, signing.ErrMissingHeader, nil},
		{"upper-case hex", Tamper{UpperHex: true}, nil, func(t *testing.T, h http.Header) {
			if s := h.Get(signing.HeaderSignature); s != strings.ToUpper(s) || len(s) != 128 {
				t.Fatalf("signature %q is not upper-case hex", s)
			}
		}},
		{"other client id", Tamper{ClientID: "someone-else"}, nil, func(t *testing.T, h http.Header) {
			if h.Get(signing.HeaderClientID) != "someone-else" {
				t.Fatalf("client id %q", h.Get(signing.HeaderClientID))
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, got := server(t, ok)
			newClient(srv.URL).Send(context.Background(), Request{Method: "POST", Path: "/v1/x", Body: body, Tamper: tc.tamper})
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

type fakeSpec struct{ calls int }

func (f *fakeSpec) ValidateResponse(method, path string, status int, h http.Header, body []byte) []evidence.Finding {
	f.calls++
	return []evidence.Finding{{Operation: method + " " + path, Pointer: "/status", Expected: "200"}}
}

func (f *fakeSpec) ValidateBody(component string, body []byte) []evidence.Finding {
	f.calls++
	return []evidence.Finding{{Operation: component, Expected: "a " + component}}
}

func TestSendValidatesEveryAnswerButControlCalls(t *testing.T) {
	srv, _ := server(t, ok)
	v := &fakeSpec{}
	c := newClient(srv.URL)
	c.Spec = v
	x := c.Send(context.Background(), Request{Method: "POST", Path: "/v1/get-va-paging", Body: []byte(`{}`)})
	if len(x.Findings) != 1 || x.Findings[0].Operation != "POST /v1/get-va-paging" {
		t.Fatalf("findings %+v", x.Findings)
	}
	c.Send(context.Background(), Request{Method: "POST", Path: "/_mock/transfers", Body: []byte(`{}`), Control: true})
	if v.calls != 1 {
		t.Fatalf("validator called %d times, want 1", v.calls)
	}
	x = c.Send(context.Background(), Request{Method: "POST", Path: "/v1/nothing", Body: []byte(`{}`), Component: "HttpError404"})
	if len(x.Findings) != 1 || x.Findings[0].Operation != "HttpError404" {
		t.Fatalf("findings against a component %+v", x.Findings)
	}
}

func TestSendCapsResponse(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter) { io.WriteString(w, strings.Repeat("x", 100)) })
	c := newClient(srv.URL)
	c.MaxResponse = 10
	x := c.Send(context.Background(), Request{Method: "GET", Path: "/v1/get-banks"})
	if !strings.Contains(x.TransportError, ErrResponseTooLarge.Error()) || len(x.ResponseBody) != 10 {
		t.Fatalf("transport error %q, body %d bytes", x.TransportError, len(x.ResponseBody))
	}
}

func TestSendTimeoutAndUnreachable(t *testing.T) {
	block := make(chan struct{})
	srv, _ := server(t, func(w http.ResponseWriter) { <-block })
	defer close(block)
	c := newClient(srv.URL)
	c.Timeout = 50 * time.Millisecond
	if x := c.Send(context.Background(), Request{Method: "GET", Path: "/v1/get-banks"}); x.TransportError == "" {
		t.Fatal("no transport error after the timeout")
	}
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	if x := newClient(dead.URL).Send(context.Background(), Request{Method: "GET", Path: "/v1/get-banks"}); x.TransportError == "" || x.Curl == "" {
		t.Fatalf("unreachable target: %+v", x)
	}
}

// TestAnswerBrokenOffMidBodyKeepsOnlyItsPrefix: an answer that breaks off
// after more than KeptPrefix bytes is a transport failure whose evidence
// keeps only its first KeptPrefix bytes, as for an answer over the cap.
func TestAnswerBrokenOffMidBodyKeepsOnlyItsPrefix(t *testing.T) {
	const sent = 4 * KeptPrefix
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1048576") // promises more than it sends
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(strings.Repeat("x", sent)))
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Credentials: credentials.Mock(), Now: func() time.Time { return clock }}
	x := c.Send(context.Background(), Request{Operation: "createVa", Method: http.MethodPost, Path: "/v1/create-va", Body: []byte(`{}`)})
	if x.TransportError == "" {
		t.Fatalf("an answer broken off mid-body must be a transport failure, got HTTP %d", x.Status)
	}
	if len(x.ResponseBody) != KeptPrefix || cap(x.ResponseBody) > 2*KeptPrefix {
		t.Errorf("kept %d bytes (capacity %d) of the %d received, want the first %d", len(x.ResponseBody), cap(x.ResponseBody), sent, KeptPrefix)
	}
}
