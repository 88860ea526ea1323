package webhook

import (
	"context"
	"crypto/rand"
	"net/http"
	"sync"
	"time"
)

// Delivery defaults, from the notes (section Webhooks).
const (
	// DefaultRetries: Tingee "retries up to 5 times". Read as 5 retries after
	// the first attempt, so a notification is tried at most 6 times in all.
	DefaultRetries = 5
	// DefaultInterval between attempts (the notes hesitate between 1 and 5 minutes).
	DefaultInterval = time.Minute
	// DefaultTimeout is how long a partner has to acknowledge one attempt.
	DefaultTimeout = 10 * time.Second
)

// MaxKeptAttempts bounds the record of attempts (each keeps its body): a long-running mock
// keeps the newest ones and forgets older ones.
const MaxKeptAttempts = 1000

// DispatcherConfig configures a Dispatcher. Zero fields take the defaults.
type DispatcherConfig struct {
	Secret   []byte        // the partner's secret token; signs every body
	Retries  int           // retries after the first attempt; DefaultRetries when 0
	Interval time.Duration // wait between attempts; DefaultInterval when 0
	Timeout  time.Duration // per attempt; DefaultTimeout when 0
	Client   *http.Client  // http.DefaultClient's transport when nil
	Now      func() time.Time
}

// Dispatcher delivers webhooks as Tingee does: signed over the raw bytes,
// retried until acknowledged, every attempt recorded (the newest MaxKeptAttempts). It implements the
// mock's Notifier. Send never blocks; Close stops pending retries.
type Dispatcher struct {
	secret   []byte
	retries  int
	interval time.Duration
	timeout  time.Duration
	client   *http.Client
	now      func() time.Time

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	closed   bool
	attempts []Attempt
}

// NewDispatcher returns a Dispatcher; Close it to stop its retries.
func NewDispatcher(cfg DispatcherConfig) *Dispatcher {
	d := &Dispatcher{
		secret:   cfg.Secret,
		retries:  orDefault(cfg.Retries, DefaultRetries),
		interval: orDefault(cfg.Interval, DefaultInterval),
		timeout:  orDefault(cfg.Timeout, DefaultTimeout),
		client:   cfg.Client,
		now:      cfg.Now,
	}
	if d.client == nil {
		d.client = &http.Client{}
	}
	if d.now == nil {
		d.now = time.Now
	}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	return d
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Send delivers payload (marshalled as Tingee does, see Marshal) to url in
// the background: a PaymentNotification, a LinkResult, or any JSON value.
// After Close it does nothing.
func (d *Dispatcher) Send(url string, payload any) {
	id := rand.Text()
	body, err := Marshal(payload)
	if err != nil {
		d.record(Attempt{RequestID: id, URL: url, Attempt: 1, Time: d.now(), Error: "cannot marshal the payload: " + err.Error(), GaveUp: true})
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return
	}
	d.wg.Add(1)
	go d.deliver(url, id, body)
}

// deliver tries until the partner acknowledges, the retries run out, or Close.
func (d *Dispatcher) deliver(url, id string, body []byte) {
	defer d.wg.Done()
	for n := 1; n <= 1+d.retries; n++ {
		if n > 1 && !d.wait() {
			return
		}
		a := d.post(d.ctx, url, id, n, body)
		a.GaveUp = !a.Delivered && n == 1+d.retries
		d.record(a)
		if a.Delivered {
			return
		}
	}
}

// wait sleeps one interval; false when the Dispatcher was closed meanwhile.
func (d *Dispatcher) wait() bool {
	t := time.NewTimer(d.interval)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-d.ctx.Done():
		return false
	}
}

// record keeps an attempt, forgetting the oldest beyond MaxKeptAttempts.
func (d *Dispatcher) record(a Attempt) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.attempts = append(d.attempts, a)
	if over := len(d.attempts) - MaxKeptAttempts; over > 0 {
		d.attempts = d.attempts[over:] // append reallocates from here on: the memory stays bounded
	}
}

// Attempts returns the attempts so far (the newest MaxKeptAttempts), oldest first.
func (d *Dispatcher) Attempts() []Attempt {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Attempt{}, d.attempts...)
}

// Deliveries is Attempts for the mock's GET /_mock/deliveries, which knows no webhook types.
func (d *Dispatcher) Deliveries() any { return d.Attempts() }

// Close cancels pending retries and in-flight attempts and waits for them to end.
func (d *Dispatcher) Close() error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.cancel()
	d.wg.Wait()
	return nil
}
