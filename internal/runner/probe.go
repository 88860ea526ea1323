package runner

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// probe watches every round trip to the target: it measures the clock skew
// from the first Date header and tells an outage (requests failing at the
// transport level, threshold of them in a row) from answers, whatever they say.
type probe struct {
	base      http.RoundTripper
	threshold int // this many requests failing in a row is an outage

	mu        sync.Mutex
	attempts  int
	failures  int // transport failures, cancellations aside
	inARow    int // transport failures since the last answer
	lastError string
	skew      *time.Duration
}

func (p *probe) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := p.base.RoundTrip(r)
	received := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil && errors.Is(r.Context().Err(), context.Canceled) {
		return resp, err // an interrupt, not an outage
	}
	p.attempts++
	if err != nil {
		p.failures++
		p.inARow++
		p.lastError = err.Error()
		return resp, err
	}
	p.inARow = 0
	if p.skew == nil {
		if t, perr := http.ParseTime(resp.Header.Get("Date")); perr == nil {
			d := t.Sub(received.Truncate(time.Second))
			p.skew = &d
		}
	}
	return resp, nil
}

// outage reports whether the target looks unreachable: the last threshold
// requests all failed at the transport level.
func (p *probe) outage() (bool, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inARow >= p.threshold, p.lastError
}

// everyRequestFailed is the end-of-run check: at least one request, and none answered.
func (p *probe) everyRequestFailed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.attempts > 0 && p.failures == p.attempts
}

func (p *probe) clockSkew() *time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.skew
}

// minSkew is the smallest clock skew worth correcting: Date has whole seconds.
const minSkew = 2 * time.Second

// targetNow is our clock moved by the measured skew, so that timestamps
// "11 minutes old" or "9 minutes old" are so by the target's clock.
func (p *probe) targetNow() time.Time {
	now := time.Now()
	if s := p.clockSkew(); s != nil && (*s >= minSkew || *s <= -minSkew) {
		return now.Add(*s)
	}
	return now
}
