package steps_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/signing"
)

// A defect breaks the mock in one way; the suite must fail, naming the rule.
type defect struct {
	name string
	wrap func(http.Handler) http.Handler
	want []string // every piece must appear in one failing scenario's message
}

// resign makes the mock see a correctly signed request, after edit has changed its headers.
func resign(edit func(h http.Header)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if r.Header.Get(signing.HeaderSignature) != "" && !strings.HasPrefix(r.URL.Path, "/_mock/") {
				edit(r.Header)
				c := credentials.Mock()
				signing.SetHeaders(r.Header, r.Header.Get(signing.HeaderClientID), c.Secret, body, time.Now())
			}
			next.ServeHTTP(w, r)
		})
	}
}

// completeHeaders signs, for the mock, a request sent without one of the three signing headers.
func completeHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header
		if !strings.HasPrefix(r.URL.Path, "/_mock/") &&
			(h.Get(signing.HeaderClientID) == "" || h.Get(signing.HeaderTimestamp) == "" || h.Get(signing.HeaderSignature) == "") {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			c := credentials.Mock()
			signing.SetHeaders(h, c.ClientID, c.Secret, body, time.Now())
		}
		next.ServeHTTP(w, r)
	})
}

// rewrite lets the mock answer, then changes answers of a status with edit.
func rewrite(status int, edit func(body map[string]any)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			var m map[string]any
			if rec.Code == status && json.Unmarshal(body, &m) == nil {
				edit(m)
				body, _ = json.Marshal(m)
			}
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(rec.Code)
			w.Write(body)
		})
	}
}

// restatus answers to instead of from, with body.
func restatus(from, to int, body string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			if rec.Code != from {
				for k, v := range rec.Header() {
					w.Header()[k] = v
				}
				w.WriteHeader(rec.Code)
				w.Write(rec.Body.Bytes())
				return
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(to)
			io.WriteString(w, body)
		})
	}
}

// plainText answers every JSON answer as text/plain.
func plainText(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	})
}

const (
	body500   = `{"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500}`
	successOK = `{"code":"00","message":"Success","data":{}}`
)

var defects = []defect{
	{"no 401 for an unknown client", resign(func(h http.Header) { h.Set(signing.HeaderClientID, credentials.MockClientID) }),
		[]string{"TG-SIG-04 (doc ", "expected HTTP 401 for an unknown client id"}},
	{"bad signatures accepted", resign(func(http.Header) {}),
		[]string{"TG-SIG-02 (doc ", "x-signature): expected code 97 with data null for a body changed after signing, got HTTP 200 code 00"}},
	{"no code 90 for a stale timestamp", resign(func(h http.Header) { h.Del(signing.HeaderTimestamp) }),
		[]string{"TG-SIG-06 (doc ", "x-request-timestamp): expected code 90"}},
	{"400 body reshaped", rewrite(http.StatusBadRequest, func(b map[string]any) { delete(b, "error"); b["statusCode"] = "400" }),
		[]string{"TG-VAL-01 (doc ", "response schema): the answer to", "/error: expected required property error"}},
	{"a field dropped from a success body", rewrite(http.StatusOK, func(b map[string]any) {
		if d, ok := b["data"].(map[string]any); ok {
			delete(d, "totalCount")
		}
	}), []string{"TG-ENV-01 (doc 6.2.7, response schema)", "totalCount"}},
	{"a field retyped in a success body", rewrite(http.StatusOK, func(b map[string]any) {
		if d, ok := b["data"].(map[string]any); ok && d["qrCode"] != nil {
			d["qrCode"] = 42
		}
	}), []string{"TG-QR-01 (doc 6.3, response schema)", "qrCode"}},
	{"an error body reshaped", rewrite(http.StatusUnauthorized, func(b map[string]any) { b["message"] = []any{1, 2} }),
		[]string{"TG-SIG-04 (doc ", "breaks openapi.yaml", "/message"}},
	{"no 404 for an unknown path", restatus(http.StatusNotFound, http.StatusOK, successOK),
		[]string{"TG-ERR-03 (doc 6.2.2, response schema)", "expected required property statusCode", "got 200"}},
	{"no 400 for invalid data", restatus(http.StatusBadRequest, http.StatusOK, successOK),
		[]string{"TG-VAL-01 (doc ", "HTTP 400 body): expected HTTP 400"}},
	{"a missing signing header accepted", completeHeaders,
		[]string{"TG-SIG-05 (doc ", "HTTP 401 body): expected HTTP 401 for a request without x-"}},
	{"500 instead of 403", restatus(http.StatusForbidden, http.StatusInternalServerError, body500),
		[]string{"TG-ERR-05 (doc 6.2.7, HTTP 403 body): expected HTTP 403"}},
	{"no 500 for an unexpected failure", restatus(http.StatusInternalServerError, http.StatusOK, successOK),
		[]string{"TG-ERR-05 (doc ", "response schema)", "got 200"}},
	{"no 501 for what is not implemented", restatus(http.StatusNotImplemented, http.StatusOK, successOK),
		[]string{"TG-ERR-05 (doc ", "response schema)", "got 200"}},
	{"a business error with data", rewrite(http.StatusOK, func(b map[string]any) {
		if c, _ := b["code"].(string); len(c) == 4 {
			b["data"] = map[string]any{}
		}
	}), []string{"TG-LINK-04 (doc 6.2.2, response schema)", "/data"}},
	{"answers not declared JSON", plainText, []string{"TG-ENV-01 (doc 6.2.7, response schema)", "Content-Type"}},
}

// TestSuiteFailsAgainstABrokenMock breaks each row of the mock's answer table
// in turn, and success and error bodies, and expects a failure naming the rule.
func TestSuiteFailsAgainstABrokenMock(t *testing.T) {
	for _, d := range defects {
		t.Run(d.name, func(t *testing.T) {
			f := mockFixtures(t)
			srv := mockServer(t, f, d.wrap)
			res, status := runSuite(t, nil, srv.URL, "", 1, f)
			if status == 0 {
				t.Fatal("the suite passed against a broken mock")
			}
			failed := res.byStatus(evidence.Failed)
			for _, s := range failed {
				if msg := failures(s); containsAll(msg, d.want) {
					t.Logf("%d scenarios failed; e.g. %s: %s", len(failed), s.Name, firstLine(msg))
					return
				}
			}
			for _, s := range failed[:min(3, len(failed))] {
				t.Logf("failed: %s: %s", s.Name, failures(s))
			}
			t.Fatalf("no failing scenario (of %d) says %q", len(failed), d.want)
		})
	}
}

func failures(s evidence.Scenario) string {
	var msgs []string
	for _, st := range s.Steps {
		if st.Error != "" {
			msgs = append(msgs, st.Error)
		}
	}
	return strings.Join(msgs, "\n")
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
