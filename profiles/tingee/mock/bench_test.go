package mock

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// BenchmarkConfirmVaRoundTrip measures a signed confirm-va through the handler: guard,
// timestamp, signature, validation (rules and openapi.yaml), handler and answer. The confirmId
// is unknown, so every iteration runs the whole path and answers business code 1001.
func BenchmarkConfirmVaRoundTrip(b *testing.B) {
	h := newMock(b)
	pair := auth.Mock()
	body := []byte(confirmBody)
	hr := httptest.NewRequest(http.MethodPost, "/v1/confirm-va", nil)
	hr.Header.Set("Content-Type", "application/json")
	signing.SetHeaders(hr.Header, pair.ClientID, pair.Secret, body, testNow)
	b.ReportAllocs()
	for b.Loop() {
		hr.Body = io.NopCloser(bytes.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, hr)
		if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte(`"1001"`)) {
			b.Fatalf("answer %d %s", rec.Code, rec.Body)
		}
	}
}
