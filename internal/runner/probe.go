package runner

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// probe watches every round trip to the target: it measures the clock skew
// from the first Date header and tells an outage (the first requests all
// failing at the transport level) from answers, whatever they say.
type probe struct {
	base      http.RoundTripper
	threshold int // this many first requests failing in a row is an outage

	mu        sync.Mutex
	attempts  int
	failures  int // transport failures, cancellations aside
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
		p.lastError = err.Error()
		return resp, err
	}
	if p.skew == nil {
		if t, perr := http.ParseTime(resp.Header.Get("Date")); perr == nil {
			d := t.Sub(received.Truncate(time.Second))
			p.skew = &d
		}
	}
	return resp, nil
}

// outage reports whether the target looks unreachable: the first threshold
// requests all failed, or every request of the run did.
func (p *probe) outage() (bool, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	down := p.attempts > 0 && p.failures == p.attempts && p.attempts >= p.threshold
	return down, p.lastError
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
