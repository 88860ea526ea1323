package mock_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// fuzzNow is the mock's clock, and the signing time of the requests the fuzzer asks to sign.
var fuzzNow = time.Date(2026, 11, 23, 13, 0, 0, 0, signing.Vietnam)

// Fuzz input flags (the last argument).
const (
	fuzzSign        = 1 << iota // sign method+body correctly with the test pair at fuzzNow
	fuzzHeadersLast             // apply the fuzzed headers after signing (so they may break it)
)

// The fixtures' 500 trigger: the only request allowed to end in the documented 500 body,
// which is otherwise what a recovered panic looks like.
const panicTrigger = "0999999500"

// FuzzHandler sends any method, path, headers and body to the mock built on
// the embedded fixtures. Every answer to an operation of openapi.yaml must
// validate against it (drift aside), every other /v1… request gets the
// documented 404, the control endpoints answer JSON, and nothing panics —
// not even into the recovered 500.
func FuzzHandler(f *testing.F) {
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret, Now: func() time.Time { return fuzzNow }, Control: true})
	if err != nil {
		f.Fatal(err)
	}
	sp, err := contract.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, target, headers string, body []byte, flags byte) {
		r, ok := fuzzRequest(method, target, headers, body, flags)
		if !ok {
			t.Skip("not a request net/http would hand a handler")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if fault := answerFault(sp, r, body, rec); fault != "" {
			t.Fatal(fault)
		}
	})
}

// fuzzRequest builds the request a server would hand the handler, or false
// when net/http would have refused it before (bad method token, bad target).
func fuzzRequest(method, target, headers string, body []byte, flags byte) (*http.Request, bool) {
	u, err := url.ParseRequestURI(target)
	if err != nil || !strings.HasPrefix(u.Path, "/") || u.Host != "" || !isToken(method) {
		return nil, false
	}
	r := &http.Request{
		Method: method, URL: u, RequestURI: target, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/json"}}, Host: "127.0.0.1",
		Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
	}
	if flags&fuzzHeadersLast == 0 {
		addHeaders(r.Header, headers)
	}
	if flags&fuzzSign != 0 {
		pair := auth.Mock()
		signing.SetHeaders(r.Header, pair.ClientID, pair.Secret, body, fuzzNow)
	}
	if flags&fuzzHeadersLast != 0 {
		addHeaders(r.Header, headers)
	}
	return r, true
}

// addHeaders sets each "Name: value" line of s.
func addHeaders(h http.Header, s string) {
	for line := range strings.SplitSeq(s, "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && isToken(name) {
			h.Set(name, strings.TrimSpace(value))
		}
	}
}

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// answerFault says how an answer to r breaks the fuzz property, or "".
func answerFault(sp *spec.Spec, r *http.Request, sent []byte, rec *httptest.ResponseRecorder) string {
	got := rec.Body.Bytes()
	if rec.Code == http.StatusInternalServerError && !bytes.Contains(sent, []byte(panicTrigger)) {
		return fmt.Sprintf("%s %s: 500 without the fixtures' trigger (a recovered panic?): %s", r.Method, r.URL, got)
	}
	_, routed := sp.Find(r.Method, r.URL.Path)
	switch {
	case strings.HasPrefix(r.URL.Path, "/_mock/"):
		if !json.Valid(got) {
			return fmt.Sprintf("%s %s: control endpoint answered %d with non-JSON %q", r.Method, r.URL, rec.Code, got)
		}
	case routed:
		for _, f := range sp.ValidateResponse(r.Method, r.URL.RequestURI(), rec.Code, rec.Header(), got) {
			if !f.Drift {
				return fmt.Sprintf("%s %s → %d %s\nbreaks the spec at %s: expected %s, got %s", r.Method, r.URL, rec.Code, got, f.Pointer, f.Expected, f.Got)
			}
		}
	case rec.Code != http.StatusNotFound:
		return fmt.Sprintf("%s %s: unrouted request answered %d, want 404", r.Method, r.URL, rec.Code)
	default:
		if findings := sp.ValidateBody("HttpError404", got); len(findings) > 0 {
			return fmt.Sprintf("%s %s: 404 body %s breaks HttpError404 at %s", r.Method, r.URL, got, findings[0].Pointer)
		}
	}
	return ""
}

// The property can fail: a recovered panic, a success body off the schema and
// a wrong answer to an unknown route are each caught.
func TestFuzzPropertyCatchesBrokenAnswers(t *testing.T) {
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	pagingBody := []byte(`{"skipCount":0,"maxResultCount":10}`)
	for name, c := range map[string]struct {
		method, target string
		status         int
		answer         string
	}{
		"recovered panic":    {"POST", "/v1/get-va-paging", 500, `{"statusCode":500,"message":"Internal server error"}`},
		"success off schema": {"POST", "/v1/get-va-paging", 200, `{"code":"00","message":"ok","data":{"totalCount":"one"}}`},
		"not JSON":           {"GET", "/v1/get-banks", 200, `<html>`},
		"unknown route 200":  {"POST", "/v1/nothing", 200, `{}`},
		"control non-JSON":   {"GET", "/_mock/deliveries", 200, `nope`},
	} {
		r, ok := fuzzRequest(c.method, c.target, "", pagingBody, fuzzSign)
		if !ok {
			t.Fatalf("%s: request refused", name)
		}
		rec := httptest.NewRecorder()
		rec.Header().Set("Content-Type", "application/json")
		rec.WriteHeader(c.status)
		rec.WriteString(c.answer)
		if answerFault(sp, r, pagingBody, rec) == "" {
			t.Errorf("%s: %d %s passed the fuzz property", name, c.status, c.answer)
		}
	}
}
