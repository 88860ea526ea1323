package webhook_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// The mock and the Dispatcher together, as `conformance mock --webhook-url` runs them:
// a transfer into a linked VA reaches a receiver that fails twice, then the reference
// receiver, and every attempt is listed at GET /_mock/deliveries.
func TestMockDeliversATransferWithRetries(t *testing.T) {
	pair := auth.Mock()
	var mu sync.Mutex
	var received [][]byte
	var credited []string
	reference := &webhook.Receiver{Secret: pair.Secret, OnPayment: func(n webhook.PaymentNotification) error {
		credited = append(credited, n.TransactionCode)
		return nil
	}}
	partner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		received = append(received, body)
		n := len(received)
		mu.Unlock()
		if n <= 2 {
			http.Error(w, "database down", http.StatusServiceUnavailable)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		reference.ServeHTTP(w, r)
	}))
	defer partner.Close()
	d := webhook.NewDispatcher(webhook.DispatcherConfig{Secret: pair.Secret, Interval: 5 * time.Millisecond})
	defer d.Close()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret, Control: true, WebhookURL: partner.URL, Webhooks: d})
	require.NoError(t, err)
	api := httptest.NewServer(h)
	defer api.Close()

	created := signedCall(t, api.URL+"/v1/create-va", pair, `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789"}`)
	confirmed := signedCall(t, api.URL+"/v1/confirm-va", pair,
		`{"bankBin":"970448","confirmId":"`+created["confirmId"].(string)+`","otpNumber":"123456"}`)
	va := confirmed["vaAccountNumber"].(string)
	resp, err := http.Post(api.URL+"/_mock/transfers", "application/json",
		bytes.NewReader([]byte(`{"vaAccountNumber":"`+va+`","amount":50000,"content":"Thanh toán đơn hàng 12/2025"}`)))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	var attempts []webhook.Attempt
	for deadline := time.Now().Add(2 * time.Second); len(attempts) < 3 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		attempts = nil
		resp, err := http.Get(api.URL + "/_mock/deliveries")
		require.NoError(t, err)
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&attempts))
		resp.Body.Close()
	}
	require.Len(t, attempts, 3, "two failures, then the acknowledged attempt")
	for i, a := range attempts {
		assert.Equal(t, i+1, a.Attempt)
		assert.Equal(t, partner.URL, a.URL)
		assert.Equal(t, attempts[0].RequestID, a.RequestID)
		assert.Equal(t, i == 2, a.Delivered, "attempt %d delivered", i+1)
		assert.False(t, a.GaveUp)
	}
	assert.Equal(t, 503, attempts[0].Status)
	assert.Equal(t, "00", attempts[2].Code)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, received, 3)
	assert.Contains(t, string(received[2]), `"vaAccountNumber":"`+va+`"`)
	assert.Contains(t, string(received[2]), `"content":"Thanh toán đơn hàng 12/2025"`, "sent unescaped")
	assert.Len(t, credited, 1)
}

// signedCall POSTs body to url signed with pair and returns the answer's data.
func signedCall(t *testing.T, url string, pair credentials.Credentials, body string) map[string]any {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader([]byte(body)))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	signing.SetHeaders(req.Header, pair.ClientID, pair.Secret, []byte(body), time.Now())
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var answer struct {
		Code string         `json:"code"`
		Data map[string]any `json:"data"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&answer))
	require.Equal(t, "00", answer.Code, "%s answered %+v", url, answer)
	return answer.Data
}
