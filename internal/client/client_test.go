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

	"github.com/tingee-conformance/harness/internal/evidence"
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
		got.verify = testSigner{}.verify(r.Header, got.body)
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
	return &Client{BaseURL: base, Signer: testSigner{}, Spec: reads, Now: func() time.Time { return clock }}
}

// testSigner signs a request with the hex SHA-256 of its body in X-Test-Signature.
type testSigner struct{}

func (testSigner) Sign(r Request, now time.Time) (http.Header, Signature) {
	sum := sha256.Sum256(r.Body)
	h := http.Header{"X-Test-Signature": {hex.EncodeToString(sum[:])}}
	return h, Signature{DigestSHA256: hex.EncodeToString(sum[:]), Note: "signed at " + now.Format(time.RFC3339)}
}

func (testSigner) verify(h http.Header, body []byte) error {
	sum := sha256.Sum256(body)
	if h.Get("X-Test-Signature") != hex.EncodeToString(sum[:]) {
		return errors.New("bad test signature")
	}
	return nil
}

// contract is a Validator that finds nothing and marks its operations idempotent.
type contract map[string]bool

func (contract) ValidateResponse(string, string, int, http.Header, []byte) []evidence.Finding {
	return nil
}
func (contract) ValidateBody(string, []byte) []evidence.Finding { return nil }
func (c contract) Idempotent(operationID string) bool           { return c[operationID] }

// reads are the operations the tests' contract marks idempotent.
var reads = contract{"getBanks": true, "getVaPaging": true}

// The client signs over the exact bytes it sends, keeps the signer's digest
// and note in the evidence, and sends the signer's headers.
func TestSendSignsExactBytesThroughTheSigner(t *testing.T) {
	srv, got := server(t, ok)
	body := []byte(`{"b":1, "a":2}`) // not minified on purpose
	x := newClient(srv.URL).Send(context.Background(), Request{Operation: "createVa", Method: "POST", Path: "/v1/create-va", Body: body})
	if x.TransportError != "" || got.verify != nil {
		t.Fatalf("transport %q, verify %v", x.TransportError, got.verify)
	}
	sum := sha256.Sum256(body)
	if string(got.body) != string(body) || x.StringToSignSHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("body sent %q, digest %s", got.body, x.StringToSignSHA256)
	}
	if x.RequestHeader.Get("X-Test-Signature") == "" || got.header.Get("User-Agent") != UserAgent {
		t.Fatalf("headers sent %v", got.header)
	}
	if !strings.HasPrefix(x.Curl, "# signed at 2025-01-01T05:00:00Z\n") {
		t.Fatalf("curl line does not start with the signer's note:\n%s", x.Curl)
	}
}

// A signer's Deleted headers are left out, even the client's own.
type omitting struct{ testSigner }

func (o omitting) Sign(r Request, now time.Time) (http.Header, Signature) {
	h, sig := o.testSigner.Sign(r, now)
	sig.Deleted = []string{"Accept"}
	return h, sig
}

func TestSignerMayDeleteHeaders(t *testing.T) {
	srv, got := server(t, ok)
	c := newClient(srv.URL)
	c.Signer = omitting{}
	c.Send(context.Background(), Request{Method: "POST", Path: "/v1/x", Body: []byte(`{}`)})
	if _, has := got.header["Accept"]; has || got.verify != nil {
		t.Fatalf("headers sent %v, verify %v", got.header, got.verify)
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

func (f *fakeSpec) Idempotent(string) bool { return false }

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
	c := newClient(srv.URL)
	x := c.Send(context.Background(), Request{Operation: "createVa", Method: http.MethodPost, Path: "/v1/create-va", Body: []byte(`{}`)})
	if x.TransportError == "" {
		t.Fatalf("an answer broken off mid-body must be a transport failure, got HTTP %d", x.Status)
	}
	if len(x.ResponseBody) != KeptPrefix || cap(x.ResponseBody) > 2*KeptPrefix {
		t.Errorf("kept %d bytes (capacity %d) of the %d received, want the first %d", len(x.ResponseBody), cap(x.ResponseBody), sent, KeptPrefix)
	}
}
