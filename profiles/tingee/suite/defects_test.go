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
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// A defect breaks the mock in one way a bank's implementer could; the suite
// must catch it at the level of the requirement it breaks: a must-level
// defect fails the run (a must scenario of that requirement fails), a
// should-level one only warns (a should scenario of it warns, nothing fails).
type defect struct {
	name  string
	req   string // the requirement it breaks, e.g. TG-SIG-06
	level string // evidence.LevelMust or evidence.LevelShould
	wrap  func(http.Handler) http.Handler
	want  []string // optional: pieces the failing scenario's message must hold
}

// resign makes the mock see a correctly signed request, after edit has changed its headers.
func resign(edit func(h http.Header)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if r.Header.Get(signing.HeaderSignature) != "" && !strings.HasPrefix(r.URL.Path, "/_mock/") {
				edit(r.Header)
				c := auth.Mock()
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
			c := auth.Mock()
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

const (
	must   = evidence.LevelMust
	should = evidence.LevelShould
)

// defects is the catalogue: BENCHMARKS.md lists it with the result.
var defects = []defect{
	// Who may call: the auth guard.
	{"no 401 for an unknown client", "TG-SIG-04", must, resign(func(h http.Header) { h.Set(signing.HeaderClientID, auth.MockClientID) }),
		[]string{"TG-SIG-04 (", "expected HTTP 401 for an unknown client id"}},
	{"a missing signing header accepted", "TG-SIG-05", must, completeHeaders,
		[]string{"TG-SIG-05 (", "HTTP 401 body): expected HTTP 401 for a request without x-"}},
	{"an error body reshaped (401 message not a string)", "TG-SIG-04", must, rewrite(http.StatusUnauthorized, func(b map[string]any) { b["message"] = []any{1, 2} }),
		[]string{"TG-SIG-04 (", "breaks openapi.yaml", "/message"}},

	// The signature.
	{"bad signatures accepted", "TG-SIG-02", must, resign(func(http.Header) {}),
		[]string{"TG-SIG-02 (doc 6.2.2, x-signature): expected code 97 with data null, or HTTP 401, for a body changed after signing, got HTTP 200 code 00"}},
	{"only the first 64 hex digits compared", "TG-SIG-13", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.equal = func(got, want string) bool { return len(got) >= 64 && hmac.Equal([]byte(got[:64]), []byte(want[:64])) }
		return v.rule()
	}()), nil},
	{"the body case-folded before hashing", "TG-SIG-01", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.signed = func(_ *http.Request, body []byte) [][]byte { return [][]byte{bytes.ToLower(signing.BodyToSign(body))} }
		return v.rule()
	}()), nil},
	{"the body re-serialised (Python json.dumps) before hashing", "TG-SIG-01", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.signed = func(_ *http.Request, body []byte) [][]byte { return [][]byte{pythonDumps(signing.BodyToSign(body))} }
		return v.rule()
	}()), nil},
	{"the query string signed too", "TG-SIG-11", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.signed = func(r *http.Request, body []byte) [][]byte {
			if r.URL.RawQuery == "" {
				return [][]byte{signing.BodyToSign(body)}
			}
			return [][]byte{append(signing.BodyToSign(body), "?"+r.URL.RawQuery...)}
		}
		return v.rule()
	}()), nil},
	{"the empty string accepted as the signed body", "TG-SIG-10", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.signed = func(_ *http.Request, body []byte) [][]byte { return [][]byte{signing.BodyToSign(body), body} }
		return v.rule()
	}()), nil},

	// The timestamp.
	{"no code 90 for a stale timestamp", "TG-SIG-06", must, resign(func(h http.Header) { h.Del(signing.HeaderTimestamp) }),
		[]string{"TG-SIG-06 (", "x-request-timestamp): expected code 90"}},
	{"the window one minute too wide", "TG-SIG-06", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.past, v.future = signing.Tolerance+time.Minute+30*time.Second, signing.Tolerance+time.Minute+30*time.Second
		return v.rule()
	}()), nil},
	{"no bound on future timestamps", "TG-SIG-07", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.future = 24 * time.Hour
		return v.rule()
	}()), nil},
	{"the window two minutes too narrow", "TG-SIG-08", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.past, v.future = 8*time.Minute, 8*time.Minute
		return v.rule()
	}()), nil},
	{"the timestamp read as UTC, not Vietnam time", "TG-SIG-01", must, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.zone = time.UTC
		return v.rule()
	}()), nil},
	{"a malformed timestamp let through", "TG-SIG-09", should, plantedVerifier(func() verifierRule {
		v := correctVerifier()
		v.lenient = true
		return v.rule()
	}()), nil},

	// Validation and the documented error bodies.
	{"400 body reshaped", "TG-VAL-01", must, rewrite(http.StatusBadRequest, func(b map[string]any) { delete(b, "error"); b["statusCode"] = "400" }),
		[]string{"TG-VAL-01 (", "response schema): the answer to", "/error: expected required property error"}},
	{"the 400 body echoes the wrong statusCode", "TG-VAL-01", must, rewrite(http.StatusBadRequest, func(b map[string]any) { b["statusCode"] = 401 }),
		[]string{"/statusCode"}},
	{"no 400 for invalid data", "TG-VAL-01", must, restatus(http.StatusBadRequest, http.StatusOK, successOK),
		[]string{"TG-VAL-01 (", "HTTP 400 body): expected HTTP 400"}},
	{"a wrongly typed field accepted", "TG-VAL-02", should, answerWith("", func(status *int, b any) any {
		if *status == http.StatusBadRequest && strings.Contains(messageOf(b), " must be a ") {
			*status = http.StatusOK
			return businessError()
		}
		return b
	}), nil},
	{"an enum not checked", "TG-VAL-03", should, answerWith("", func(status *int, b any) any {
		if *status == http.StatusBadRequest && strings.Contains(messageOf(b), "must be one of") {
			*status = http.StatusOK
			return businessError()
		}
		return b
	}), nil},
	{"no 404 for an unknown path", "TG-ERR-03", must, restatus(http.StatusNotFound, http.StatusOK, successOK),
		[]string{"TG-ERR-03 (doc 6.2.2, response schema)", "expected required property statusCode", "got 200"}},
	{"a wrong method answered 400", "TG-ERR-04", should, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet && !strings.HasSuffix(r.URL.Path, "get-banks") && !strings.HasPrefix(r.URL.Path, "/_mock/") {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				w.WriteHeader(http.StatusBadRequest)
				io.WriteString(w, `{"message":"Not have access.","error":"Bad Request","statusCode":400}`)
				return
			}
			next.ServeHTTP(w, r)
		})
	}, nil},
	{"500 instead of 403", "TG-ERR-05", must, restatus(http.StatusForbidden, http.StatusInternalServerError, body500),
		[]string{"TG-ERR-05 (doc 6.2.2, HTTP 403 body): expected HTTP 403"}},
	{"no 500 for an unexpected failure", "TG-ERR-05", must, restatus(http.StatusInternalServerError, http.StatusOK, successOK),
		[]string{"TG-ERR-05 (", "response schema)", "got 200"}},
	{"no 501 for what is not implemented", "TG-ERR-05", must, restatus(http.StatusNotImplemented, http.StatusOK, successOK),
		[]string{"TG-ERR-05 (", "response schema)", "got 200"}},

	// The envelope.
	{"items dropped from a paged success", "TG-ENV-01", must, rewrite(http.StatusOK, func(b map[string]any) {
		if d, ok := b["data"].(map[string]any); ok {
			delete(d, "items")
		}
	}), []string{"TG-ENV-01 (openapi.yaml getVaPaging, response schema)", "items"}},
	{"answers not declared JSON", "TG-ENV-01", must, plainText, []string{"TG-ENV-01 (openapi.yaml getVaPaging, response schema)", "Content-Type"}},
	{"a success answered HTTP 201", "TG-ENV-01", must, answerWith("", func(status *int, b any) any {
		if *status == http.StatusOK && codeOf(b) == "00" {
			*status = http.StatusCreated
		}
		return b
	}), nil},
	{"a success with code \"0\"", "TG-ENV-01", must, answerWith("", func(_ *int, b any) any {
		if m, ok := b.(map[string]any); ok && codeOf(b) == "00" {
			m["code"] = "0"
		}
		return b
	}), nil},
	{"a success with data null", "TG-ENV-01", must, answerWith("get-va-paging", func(_ *int, b any) any {
		if m, ok := b.(map[string]any); ok && codeOf(b) == "00" {
			m["data"] = nil
		}
		return b
	}), nil},
	{"a wrong type deep in the bank list", "TG-ENV-02", must, answerWith("get-banks", func(_ *int, b any) any {
		if list, ok := b.([]any); ok && len(list) > 0 {
			if bank, ok := list[len(list)-1].(map[string]any); ok {
				bank["bin"] = 970423
			}
		}
		return b
	}), []string{"/bin"}},
	{"a business error with data", "TG-LINK-04", must, rewrite(http.StatusOK, func(b map[string]any) {
		if c, _ := b["code"].(string); len(c) == 4 {
			b["data"] = map[string]any{}
		}
	}), []string{"TG-LINK-04 (openapi.yaml confirmVa, response schema)", "/data"}},
	{"a business error answered HTTP 400", "TG-LINK-04", must, answerWith("confirm-va", func(status *int, b any) any {
		if *status == http.StatusOK && len(codeOf(b)) == 4 {
			*status = http.StatusBadRequest
		}
		return b
	}), nil},

	// Linking a VA.
	{"an unknown confirmId confirmed", "TG-LINK-04", must, answerWith("confirm-va", func(_ *int, b any) any {
		if len(codeOf(b)) == 4 {
			return map[string]any{"code": "00", "message": "Success", "data": map[string]any{
				"accountType": "personal-account", "bankName": "OCB", "accountNumber": "0123456789", "vaAccountNumber": "TNG00000000001"}}
		}
		return b
	}), nil},
	{"any OTP accepted", "TG-LINK-02", must, requestWith("confirm-va", func(b map[string]any) { b["otpNumber"] = mockOTP }), nil},
	{"a wrong OTP does not spend it", "TG-LINK-03", must, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(raw))
			var m map[string]any
			if strings.HasSuffix(r.URL.Path, "/confirm-va") && json.Unmarshal(raw, &m) == nil && m["otpNumber"] != mockOTP {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				io.WriteString(w, `{"code":"1023","message":"wrong OTP","data":null}`)
				return
			}
			next.ServeHTTP(w, r)
		})
	}, nil},
	{"confirm-va answers no vaAccountNumber", "TG-LINK-01", must, answerWith("confirm-va", func(_ *int, b any) any {
		if d := dataOf(b); d != nil {
			delete(d, "vaAccountNumber")
		}
		return b
	}), nil},
	{"create-va answers no confirmId", "TG-LINK-01", must, answerWith("create-va", func(_ *int, b any) any {
		if d := dataOf(b); d != nil {
			delete(d, "confirmId")
		}
		return b
	}), nil},
	{"masking lost in get-va-paging", "TG-LINK-01", must, answerWith("get-va-paging", func(_ *int, b any) any {
		items, _ := dataOf(b)["items"].([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				if n, _ := m["accountNumber"].(string); strings.HasSuffix(mockAccount, strings.TrimLeft(n, "*")) {
					m["accountNumber"] = mockAccount
				}
			}
		}
		return b
	}), []string{"masked"}},
	{"paging ignored (skipCount read as 0)", "TG-ENV-05", must, requestWith("get-va-paging", func(b map[string]any) { b["skipCount"] = 0 }), nil},

	// QR codes.
	{"a field retyped in a success body", "TG-QR-01", must, rewrite(http.StatusOK, func(b map[string]any) {
		if d, ok := b["data"].(map[string]any); ok && d["qrCode"] != nil {
			d["qrCode"] = 42
		}
	}), []string{"TG-QR-01 (doc 6.3, response schema)", "qrCode"}},
	{"a VietQR whose CRC is wrong", "TG-QR-01", must, answerWith("generate-viet-qr", func(_ *int, b any) any {
		if d := dataOf(b); d != nil {
			if qr, _ := d["qrCode"].(string); len(qr) > 4 {
				d["qrCode"] = qr[:len(qr)-4] + "0000"
			}
		}
		return b
	}), nil},
	{"a VietQR for another account", "TG-QR-03", should, answerWith("generate-viet-qr", func(_ *int, b any) any {
		if d := dataOf(b); d != nil {
			if qr, _ := d["qrCode"].(string); qr != "" {
				d["qrCode"] = otherAccountQR(qr)
			}
		}
		return b
	}), nil},
}

// The first fixture account of features/fixtures/mock.yaml, and its OTP.
const (
	mockAccount = "0123456789"
	mockOTP     = "123456"
)

// TestSuiteFailsAgainstABrokenMock plants each defect of the catalogue in
// turn and expects the suite to catch it at its level: a must-level defect
// fails a must scenario of its requirement (naming the rule), a should-level
// one warns on its requirement and fails nothing. It logs caught / total per
// level, the figures BENCHMARKS.md states.
func TestSuiteFailsAgainstABrokenMock(t *testing.T) {
	caught, total := map[string]int{}, map[string]int{}
	for _, d := range defects {
		total[d.level]++
		t.Run(d.name, func(t *testing.T) {
			f := mockFixtures(t)
			srv := mockServer(t, f, d.wrap)
			res, _ := runSuite(t, nil, srv.URL, "", 1, f)
			var broken, warned []evidence.Scenario
			for _, s := range res.byStatus(evidence.Failed) {
				if s.Warned() {
					warned = append(warned, s)
				} else {
					broken = append(broken, s)
				}
			}
			if d.level == should {
				if len(broken) > 0 {
					t.Fatalf("a should-level defect failed %d must scenarios, e.g. %s: %s", len(broken), broken[0].Name, firstLine(failures(broken[0])))
				}
				if !anyOf(warned, d.req, nil) {
					t.Fatalf("no warning on %s (%d warnings)", d.req, len(warned))
				}
				caught[d.level]++
				return
			}
			if !anyOf(broken, d.req, d.want) {
				for _, s := range broken[:min(3, len(broken))] {
					t.Logf("failed: %s: %s", s.Name, failures(s))
				}
				t.Fatalf("no failing %s scenario (of %d failed) says %q", d.req, len(broken), d.want)
			}
			caught[d.level]++
		})
	}
	t.Logf("defect catalogue: must-level %d/%d failed the run; should-level %d/%d warned", caught[must], total[must], caught[should], total[should])
	if total[must]+total[should] < 30 {
		t.Errorf("the catalogue has %d defects, want at least 30", total[must]+total[should])
	}
}

// anyOf tells whether a scenario of requirement req is in scenarios, its
// failure message holding every piece of want.
func anyOf(scenarios []evidence.Scenario, req string, want []string) bool {
	for _, s := range scenarios {
		if s.Requirement() == req && containsAll(failures(s), want) {
			return true
		}
	}
	return false
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
