package suite_test

import (
	"bytes"
	"crypto/hmac"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/vietqr"
)

// Wrappers that plant one defect each in the mock, as a bank's implementer
// could write it; defects_test.go lists them.

// verifierRule is how a planted verifier judges one signed request: accept it,
// or refuse it with code (90 timestamp, 97 signature).
type verifierRule func(r *http.Request, body []byte, ts, sig string, now time.Time) (ok bool, code string)

// plantedVerifier replaces the mock's own timestamp and signature check by
// rule, for requests that carry all three headers and the mock's client id:
// an accepted request is re-signed for the mock, a refused one is answered
// with code and data null, as the mock would.
func plantedVerifier(rule verifierRule) func(http.Handler) http.Handler {
	pair := auth.Mock()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := r.Header
			ts, sig := h.Get(signing.HeaderTimestamp), h.Get(signing.HeaderSignature)
			if strings.HasPrefix(r.URL.Path, "/_mock/") || ts == "" || sig == "" || h.Get(signing.HeaderClientID) != pair.ClientID {
				next.ServeHTTP(w, r)
				return
			}
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if ok, code := rule(r, body, ts, sig, time.Now()); !ok {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				io.WriteString(w, `{"code":"`+code+`","message":"refused","data":null}`)
				return
			}
			signing.SetHeaders(h, pair.ClientID, pair.Secret, body, time.Now())
			next.ServeHTTP(w, r)
		})
	}
}

// verifier is a correct verifier with its pieces replaceable: the window
// (past and future), the clock zone, the bytes signed and the comparison.
type verifier struct {
	past, future time.Duration
	zone         *time.Location
	lenient      bool                                        // a timestamp that does not parse skips the window check
	signed       func(r *http.Request, body []byte) [][]byte // the messages a signature may cover (after "ts:")
	equal        func(got, want string) bool                 // compares hex signatures
}

func correctVerifier() verifier {
	return verifier{past: signing.Tolerance, future: signing.Tolerance, zone: signing.Vietnam,
		signed: func(_ *http.Request, body []byte) [][]byte { return [][]byte{signing.BodyToSign(body)} },
		equal:  func(got, want string) bool { return hmac.Equal([]byte(got), []byte(want)) }}
}

func (v verifier) rule() verifierRule {
	secret := auth.Mock().Secret
	return func(r *http.Request, body []byte, ts, sig string, now time.Time) (bool, string) {
		t, err := time.ParseInLocation("20060102150405.000", tsLayout(ts), v.zone)
		switch {
		case err != nil && !v.lenient:
			return false, contract.CodeBadTimestamp
		case err == nil && (now.Sub(t) > v.past || t.Sub(now) > v.future):
			return false, contract.CodeBadTimestamp
		}
		for _, m := range v.signed(r, body) {
			if v.equal(sig, signing.Sign(secret, ts, m)) {
				return true, ""
			}
		}
		return false, contract.CodeBadSignature
	}
}

// tsLayout puts a dot before the milliseconds of a 17-digit timestamp.
func tsLayout(ts string) string {
	if len(ts) != 17 {
		return ts
	}
	return ts[:14] + "." + ts[14:]
}

// pythonDumps is json.dumps(json.loads(body)) with Python's default
// separators: ", " and ": ".
func pythonDumps(body []byte) []byte {
	var out bytes.Buffer
	inString, escaped := false, false
	for _, c := range bytes.TrimSpace(body) {
		out.WriteByte(c)
		switch {
		case escaped:
			escaped = false
		case c == '\\' && inString:
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ',' || c == ':'):
			out.WriteByte(' ')
		}
	}
	return out.Bytes()
}

// answerWith lets the mock answer, then lets edit change status and body
// (the body decoded as any JSON) of the answers to path.
func answerWith(path string, edit func(status *int, body any) any) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			status, body := rec.Code, rec.Body.Bytes()
			var v any
			if (path == "" || strings.HasSuffix(r.URL.Path, path)) && json.Unmarshal(body, &v) == nil {
				v = edit(&status, v)
				body, _ = json.Marshal(v)
			}
			for k, vs := range rec.Header() {
				w.Header()[k] = vs
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(status)
			w.Write(body)
		})
	}
}

// requestWith changes the JSON body of requests to path before the mock
// sees them, re-signed: the server reads something else than was sent.
func requestWith(path string, edit func(body map[string]any)) func(http.Handler) http.Handler {
	pair := auth.Mock()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, _ := io.ReadAll(r.Body)
			var m map[string]any
			if strings.HasSuffix(r.URL.Path, path) && r.Header.Get(signing.HeaderSignature) != "" && json.Unmarshal(raw, &m) == nil {
				edit(m)
				raw, _ = json.Marshal(m)
				signing.SetHeaders(r.Header, r.Header.Get(signing.HeaderClientID), pair.Secret, raw, time.Now())
				r.ContentLength = int64(len(raw))
			}
			r.Body = io.NopCloser(bytes.NewReader(raw))
			next.ServeHTTP(w, r)
		})
	}
}

// dataOf is the data object of an envelope, nil when there is none.
func dataOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	d, _ := m["data"].(map[string]any)
	return d
}

// codeOf is the envelope's code, "" when there is none.
func codeOf(v any) string {
	m, _ := v.(map[string]any)
	c, _ := m["code"].(string)
	return c
}

// messageOf is a 400 body's message, joined when it is a list.
func messageOf(v any) string {
	m, _ := v.(map[string]any)
	switch msg := m["message"].(type) {
	case string:
		return msg
	case []any:
		var parts []string
		for _, p := range msg {
			s, _ := p.(string)
			parts = append(parts, s)
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

// businessError is what a server that skips a validation answers instead of 400.
func businessError() any {
	return map[string]any{"code": "1001", "message": "invalid request", "data": nil}
}

// otherAccountQR re-encodes a VietQR payload for another account, with a valid CRC.
func otherAccountQR(qr string) string {
	p, err := vietqr.Parse(qr)
	if err != nil {
		return qr
	}
	p.Account = "9999" + p.Account
	out, err := vietqr.Build(p)
	if err != nil {
		return qr
	}
	return out
}
