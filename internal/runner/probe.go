package runner

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// probe watches every call to the target (client.Client.Observe): it
// measures the clock skew from the first Date header and tells an outage
// (threshold calls in a row failing at the transport level) from answers,
// whatever they say. A call counts once, however often it was retried, and
// fails whether no answer came, the answer broke off mid-body or it went past
// the size cap.
type probe struct {
	threshold int // this many calls failing in a row is an outage

	mu        sync.Mutex
	calls     int
	failures  int // transport failures, cancellations aside
	inARow    int // transport failures since the last answer
	lastError string
	skew      *time.Duration
}

// observe counts one call; ctx is the one it was sent under.
func (p *probe) observe(ctx context.Context, x evidence.Exchange) {
	received := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if x.TransportError != "" && errors.Is(ctx.Err(), context.Canceled) {
		return // an interrupt, not an outage
	}
	p.calls++
	if x.TransportError != "" {
		p.failures++
		p.inARow++
		p.lastError = x.TransportError
		return
	}
	p.inARow = 0
	if p.skew == nil {
		if t, err := http.ParseTime(x.ResponseHeader.Get("Date")); err == nil {
			d := t.Sub(received.Truncate(time.Second))
			p.skew = &d
		}
	}
}

// outage reports whether the target looks unreachable: the last threshold
// calls all failed at the transport level.
func (p *probe) outage() (bool, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inARow >= p.threshold, p.lastError
}

// everyCallFailed is the end-of-run check: at least one call, and none answered.
func (p *probe) everyCallFailed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls > 0 && p.failures == p.calls
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
