package webhook

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var testSecret = []byte("conformance-test-secret")

// answering returns a receiver that answers the n-th request (from 1) with answer(n).
func answering(t *testing.T, answer func(n int32) (int, string)) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status, body := answer(count.Add(1))
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &count
}

// waitAttempts polls until d has recorded n attempts or a second has passed.
func waitAttempts(t *testing.T, d *Dispatcher, n int) []Attempt {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for len(d.Attempts()) < n && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	got := d.Attempts()
	require.Len(t, got, n, "attempts recorded")
	return got
}

func fastDispatcher(t *testing.T) *Dispatcher {
	d := NewDispatcher(DispatcherConfig{Secret: testSecret, Interval: 5 * time.Millisecond, Timeout: time.Second})
	t.Cleanup(func() { d.Close() })
	return d
}

func TestDispatcherRetriesUntilAcknowledged(t *testing.T) {
	srv, count := answering(t, func(n int32) (int, string) {
		switch n {
		case 1:
			return http.StatusInternalServerError, `{"message":"down"}`
		case 2:
			return http.StatusOK, `{"code":"99","message":"not now"}`
		}
		return http.StatusOK, `{"code":"00","message":"Success"}`
	})
	d := fastDispatcher(t)
	d.Send(srv.URL, PaymentNotification{ClientID: "c", TransactionCode: "T1", Amount: 1000})

	got := waitAttempts(t, d, 3)
	require.NoError(t, d.Close())
	assert.EqualValues(t, 3, count.Load(), "requests received")
	for i, a := range got {
		assert.Equal(t, i+1, a.Attempt)
		assert.Equal(t, got[0].RequestID, a.RequestID, "one x-request-id for every attempt")
		assert.Equal(t, i == 2, a.Delivered, "attempt %d delivered", i+1)
		assert.False(t, a.GaveUp, "attempt %d gave up", i+1)
	}
	assert.Equal(t, 500, got[0].Status)
	assert.Equal(t, "99", got[1].Code)
	assert.Contains(t, got[1].Error, "not acknowledged")
	assert.Equal(t, "00", got[2].Code)
	assert.Empty(t, got[2].Error)
}

func TestDispatcherGivesUpAfterFiveRetries(t *testing.T) {
	srv, count := answering(t, func(int32) (int, string) { return http.StatusOK, `{"code":"01"}` })
	d := fastDispatcher(t)
	d.Send(srv.URL, PaymentNotification{TransactionCode: "T2"})

	waitAttempts(t, d, 1+DefaultRetries)
	time.Sleep(30 * time.Millisecond) // six intervals: a seventh attempt would have come
	require.NoError(t, d.Close())
	assert.Len(t, d.Attempts(), 6, "the first attempt and 5 retries")
	assert.EqualValues(t, 6, count.Load())
	for i, a := range d.Attempts() {
		assert.False(t, a.Delivered)
		assert.Equal(t, i == 5, a.GaveUp, "only the last attempt says the dispatcher gave up")
	}
}

func TestDispatcherTimesOutASlowAttempt(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	}))
	defer srv.Close()
	defer close(release)
	d := NewDispatcher(DispatcherConfig{Secret: testSecret, Retries: 1, Interval: time.Millisecond, Timeout: 20 * time.Millisecond})
	defer d.Close()
	d.Send(srv.URL, PaymentNotification{TransactionCode: "T3"})

	got := waitAttempts(t, d, 2)
	assert.False(t, got[0].Delivered)
	assert.Contains(t, got[0].Error, "no answer within 20ms")
	assert.GreaterOrEqual(t, got[0].DurationMS, 20.0)
}

func TestDispatcherSignsTheRawBytesItSends(t *testing.T) {
	type seen struct {
		header http.Header
		body   []byte
	}
	var mu sync.Mutex
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, seen{r.Header.Clone(), body})
		mu.Unlock()
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	}))
	defer srv.Close()
	at := time.Date(2025, 12, 1, 9, 30, 0, 0, signing.Vietnam)
	d := NewDispatcher(DispatcherConfig{Secret: testSecret, Now: func() time.Time { return at }})
	d.Send(srv.URL, PaymentNotification{
		ClientID: "conformance-test-client", TransactionCode: "FT25335", Amount: 150000,
		Content: "Thanh toán đơn hàng 12/2025", Bank: "OCB", BankBin: "970448",
		AccountNumber: "0123456789", VaAccountNumber: "TNG60716171228",
		TransactionDate: "20251201093000", AdditionalData: []any{},
	})
	waitAttempts(t, d, 1)
	require.NoError(t, d.Close())

	require.Len(t, got, 1)
	want := `{"clientId":"conformance-test-client","transactionCode":"FT25335","amount":150000,` +
		`"content":"Thanh toán đơn hàng 12/2025","bank":"OCB","bankBin":"970448","accountNumber":"0123456789",` +
		`"vaAccountNumber":"TNG60716171228","transactionDate":"20251201093000","additionalData":[]}`
	assert.Equal(t, want, string(got[0].body), "minified, unescaped, no trailing newline")
	h := got[0].header
	assert.Equal(t, "20251201093000000", h.Get(signing.HeaderTimestamp))
	assert.NoError(t, signing.CheckSignature(testSecret, h.Get(signing.HeaderTimestamp), got[0].body, h.Get(signing.HeaderSignature)))
	assert.NoError(t, VerifyRaw(h, got[0].body, testSecret, at))
	assert.NotEmpty(t, h.Get(HeaderRequestID))
	assert.Empty(t, h.Get(signing.HeaderClientID), "webhooks carry no x-client-id")
	assert.Equal(t, "application/json", h.Get("Content-Type"))
}

func TestDispatcherSendsALinkResult(t *testing.T) {
	var body atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		body.Store(string(b))
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	}))
	defer srv.Close()
	d := fastDispatcher(t)
	d.Send(srv.URL, LinkResult{RequestID: "R1", Status: LinkConfirmSuccess, VaAccountNumber: "TNG1", AccountNumber: "1234", AccountName: "NGUYEN VAN A"})

	got := waitAttempts(t, d, 1)
	assert.True(t, got[0].Delivered)
	assert.Equal(t, `{"requestId":"R1","status":"confirm-va-success","vaAccountNumber":"TNG1","accountNumber":"1234","accountName":"NGUYEN VAN A"}`, body.Load())
}

func TestDispatcherCloseStopsPendingRetries(t *testing.T) {
	srv, count := answering(t, func(int32) (int, string) { return http.StatusServiceUnavailable, "" })
	d := NewDispatcher(DispatcherConfig{Secret: testSecret, Interval: time.Hour})
	d.Send(srv.URL, PaymentNotification{TransactionCode: "T4"})
	waitAttempts(t, d, 1)

	closed := make(chan struct{})
	go func() { d.Close(); close(closed) }()
	select {
	case <-closed: // Close waited for the delivery goroutine, which left its hour-long wait
	case <-time.After(time.Second):
		t.Fatal("Close did not stop the pending retry")
	}
	d.Send(srv.URL, PaymentNotification{TransactionCode: "T5"})
	time.Sleep(20 * time.Millisecond)
	assert.Len(t, d.Attempts(), 1, "no attempt after Close")
	assert.EqualValues(t, 1, count.Load())
}

func TestDispatcherRecordsAnUnmarshallablePayload(t *testing.T) {
	d := fastDispatcher(t)
	d.Send("http://127.0.0.1:1/", func() {})
	got := d.Attempts()
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Error, "cannot marshal the payload")
	assert.False(t, got[0].Delivered)
	assert.True(t, got[0].GaveUp, "nothing to retry")
}

func TestDispatcherToReferenceReceiver(t *testing.T) {
	var credited []string
	var linked []LinkResult
	srv := httptest.NewServer(&Receiver{Secret: testSecret, OnPayment: func(n PaymentNotification) error {
		credited = append(credited, n.TransactionCode)
		return nil
	}, OnLinkResult: func(l LinkResult) error {
		linked = append(linked, l)
		return nil
	}})
	defer srv.Close()
	d := fastDispatcher(t)
	n := PaymentNotification{ClientID: "c", TransactionCode: "FT7", Amount: 1, Content: "Thanh toán 12/2025",
		Bank: "OCB", AccountNumber: "1", TransactionDate: "20251201093000", AdditionalData: []any{}}
	d.Send(srv.URL, n)
	waitAttempts(t, d, 1)
	d.Send(srv.URL, n) // Tingee sending the same payment again
	waitAttempts(t, d, 2)
	link := LinkResult{Status: LinkConfirmSuccess, VaAccountNumber: "TNG1", AccountNumber: "1", AccountName: "NGUYEN VAN A"}
	d.Send(srv.URL, link) // a VCB link whose create-va gave no requestId
	got := waitAttempts(t, d, 3)
	require.NoError(t, d.Close())
	for i, a := range got {
		assert.True(t, a.Delivered, "attempt %d acknowledged: %s", i+1, a.Error)
	}
	assert.Equal(t, []string{"FT7"}, credited, "credited once")
	assert.Equal(t, []LinkResult{link}, linked)
}

func TestDispatcherKeepsTheNewestAttempts(t *testing.T) {
	d := fastDispatcher(t)
	for n := 1; n <= MaxKeptAttempts+5; n++ {
		d.record(Attempt{Attempt: n})
	}
	got := d.Attempts()
	require.Len(t, got, MaxKeptAttempts)
	assert.Equal(t, 6, got[0].Attempt, "the 5 oldest are forgotten")
	assert.Equal(t, MaxKeptAttempts+5, got[len(got)-1].Attempt)
}
