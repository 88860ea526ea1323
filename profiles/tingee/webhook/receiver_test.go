package webhook

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var receiverNow = time.Date(2025, 12, 1, 9, 30, 0, 0, signing.Vietnam)

const validPayment = `{"clientId":"c","transactionCode":"FT1","amount":150000,"content":"Thanh toán 12/2025",` +
	`"bank":"OCB","bankBin":"970448","accountNumber":"0123","vaAccountNumber":"TNG1","transactionDate":"20251201093000","additionalData":[]}`

// post sends body to r; sign edits the headers after the body was signed at receiverNow.
func post(r http.Handler, method, body string, sign func(h http.Header)) (int, string) {
	req := httptest.NewRequest(method, "/webhook", strings.NewReader(body))
	SignHeaders(req.Header, testSecret, []byte(body), receiverNow)
	if sign != nil {
		sign(req.Header)
	}
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

func newReceiver(credited *[]string) *Receiver {
	return &Receiver{Secret: testSecret, Now: func() time.Time { return receiverNow }, OnPayment: func(n PaymentNotification) error {
		*credited = append(*credited, n.TransactionCode)
		return nil
	}}
}

func TestReceiverAnswers(t *testing.T) {
	unsigned := func(h http.Header) { h.Del(signing.HeaderTimestamp); h.Del(signing.HeaderSignature) }
	tests := []struct {
		name, method, body string
		edit               func(http.Header)
		status             int
		answer             string
	}{
		{"valid payment", "POST", validPayment, nil, 200, `{"code":"00","message":"Success"}`},
		{"unsigned ping", "POST", `{"event":"ping","message":"hi","timestamp":1764556200000}`, unsigned, 200, `{"code":"00","message":"Success"}`},
		{"unsigned payment", "POST", validPayment, unsigned, 401, `"code":"97"`},
		{"other secret", "POST", validPayment, func(h http.Header) {
			h.Set(signing.HeaderSignature, signing.Sign([]byte("other"), h.Get(signing.HeaderTimestamp), []byte(validPayment)))
		}, 401, `"code":"97"`},
		{"malformed timestamp", "POST", validPayment, func(h http.Header) { h.Set(signing.HeaderTimestamp, "2025-12-01T09:30") }, 401, `"code":"90"`},
		{"stale timestamp", "POST", validPayment, func(h http.Header) {
			SignHeaders(h, testSecret, []byte(validPayment), receiverNow.Add(-11*time.Minute))
		}, 401, `"code":"90"`},
		{"not JSON", "POST", `{"clientId":`, nil, 400, `"code":"99"`},
		{"required field missing", "POST", `{"transactionCode":"FT9"}`, nil, 400, `lacks clientId amount bank accountNumber transactionDate`},
		{"link result", "POST", `{"requestId":"R1","status":"confirm-va-success"}`, nil, 200, `"code":"00"`},
		{"link result without requestId", "POST", `{"requestId":"","status":"delete-va-success","vaAccountNumber":"TNG1"}`, nil, 200, `"code":"00"`},
		{"link result, unknown status", "POST", `{"requestId":"R1","status":"linked"}`, nil, 400, `link result: unknown status \"linked\"`},
		{"unsigned link result", "POST", `{"requestId":"R1","status":"confirm-va-success"}`, unsigned, 401, `"code":"97"`},
		{"neither kind", "POST", `{"requestId":"R1"}`, nil, 400, `neither a payment notification nor a link result`},
		{"GET", "GET", "", nil, 405, `"code":"99"`},
		{"too large", "POST", strings.Repeat(" ", MaxBody+1), nil, 413, `"code":"99"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var credited []string
			status, answer := post(newReceiver(&credited), tt.method, tt.body, tt.edit)
			assert.Equal(t, tt.status, status)
			assert.Contains(t, answer, tt.answer)
			assert.Equal(t, tt.status == 200 && strings.Contains(tt.body, "transactionCode"), len(credited) == 1, "credited once, or not at all")
		})
	}
}

func TestReceiverProcessesATransactionCodeOnce(t *testing.T) {
	var credited []string
	r := newReceiver(&credited)
	post(r, "POST", validPayment, nil)
	status, answer := post(r, "POST", validPayment, nil)
	assert.Equal(t, 200, status)
	assert.Equal(t, `{"code":"00","message":"Already processed"}`, answer)
	assert.Equal(t, []string{"FT1"}, credited)
}

func TestReceiverAsksForARetryWhenRecordingFails(t *testing.T) {
	var credited []string
	r := newReceiver(&credited)
	record := r.OnPayment
	r.OnPayment = func(PaymentNotification) error { return errors.New("database down") }
	status, _ := post(r, "POST", validPayment, nil)
	assert.Equal(t, 500, status, "Tingee must retry")
	r.OnPayment = record
	status, answer := post(r, "POST", validPayment, nil)
	assert.Equal(t, 200, status)
	assert.Contains(t, answer, "Success", "the retry is processed, not taken for a repeat")
	assert.Equal(t, []string{"FT1"}, credited)
}
