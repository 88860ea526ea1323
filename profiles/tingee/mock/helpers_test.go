package mock

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// testNow is the mock's clock in tests.
var testNow = time.Date(2026, 11, 23, 13, 0, 0, 0, signing.Vietnam)

// recordingNotifier records webhook sends and serves them as its deliveries.
type recordingNotifier struct{ sent []sent }

type sent struct {
	URL     string `json:"url"`
	Payload any    `json:"payload"`
}

func (n *recordingNotifier) Send(url string, payload any) {
	n.sent = append(n.sent, sent{url, payload})
}
func (n *recordingNotifier) Deliveries() any { return n.sent }

// lockedNotifier is a recordingNotifier safe for parallel clients.
type lockedNotifier struct {
	mu sync.Mutex
	recordingNotifier
}

func (n *lockedNotifier) Send(url string, payload any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.recordingNotifier.Send(url, payload)
}

// newMock builds a mock on the test pair and the embedded fixtures, with control endpoints on.
func newMock(t testing.TB, edit ...func(*Config)) http.Handler {
	t.Helper()
	pair := auth.Mock()
	cfg := Config{ClientID: pair.ClientID, Secret: pair.Secret, Now: func() time.Time { return testNow }, Control: true}
	for _, e := range edit {
		e(&cfg)
	}
	h, err := New(cfg)
	require.NoError(t, err)
	return h
}

// req is one request to the mock; zero fields mean "signed correctly now with the test pair".
type req struct {
	method, path, body string
	clientID           string    // "" = the test pair's
	at                 time.Time // signing time; zero = testNow
	tamper             func(h http.Header, body *string)
	contentType        string // "" = application/json
}

// answer is what the mock said.
type answer struct {
	Status int
	Raw    string
	JSON   map[string]any // nil when the body is not an object
}

func (a answer) code() any { return a.JSON["code"] }

func (a answer) data() map[string]any {
	d, _ := a.JSON["data"].(map[string]any)
	return d
}

// send signs and sends r through h.
func send(t testing.TB, h http.Handler, r req) answer {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodPost
	}
	at := r.at
	if at.IsZero() {
		at = testNow
	}
	hr := httptest.NewRequest(r.method, r.path, nil)
	pair := auth.Mock()
	clientID := pair.ClientID
	if r.clientID != "" {
		clientID = r.clientID
	}
	signing.SetHeaders(hr.Header, clientID, pair.Secret, []byte(r.body), at)
	ct := r.contentType
	if ct == "" {
		ct = "application/json"
	}
	hr.Header.Set("Content-Type", ct)
	body := r.body
	if r.tamper != nil {
		r.tamper(hr.Header, &body)
	}
	hr.Body = io.NopCloser(strings.NewReader(body))
	hr.ContentLength = int64(len(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, hr)
	a := answer{Status: rec.Code, Raw: rec.Body.String()}
	_ = json.Unmarshal(rec.Body.Bytes(), &a.JSON)
	return a
}

// mustJSON encodes v for a request body.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// linkVA links the fixture account of a bank and returns its vaAccountNumber.
func linkVA(t testing.TB, h http.Handler, bin, account, otp string) string {
	t.Helper()
	a := send(t, h, req{path: "/v1/create-va", body: mustJSON(t, map[string]any{
		"accountType": "personal-account", "bankBin": bin, "accountNumber": account,
	})})
	require.Equal(t, "00", a.code(), a.Raw)
	a = send(t, h, req{path: "/v1/confirm-va", body: mustJSON(t, map[string]any{
		"bankBin": bin, "confirmId": a.data()["confirmId"], "otpNumber": otp,
	})})
	require.Equal(t, "00", a.code(), a.Raw)
	return a.data()["vaAccountNumber"].(string)
}
