package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// DefaultBackoff is the wait before the first retry when Client.Backoff is
// zero; each further retry waits twice as long as the one before.
const DefaultBackoff = 250 * time.Millisecond

// retryable tells whether an attempt at an idempotent call is worth another:
// the connection failed before an answer or broke off in the middle of its
// body, or a gateway answered 502, 503 or 504. A timeout is not retried (the target had its --timeout), nor an answer
// over the size cap, nor anything once ctx is done.
func retryable(ctx context.Context, x evidence.Exchange, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	if err == nil {
		switch x.Status {
		case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrResponseTooLarge) || (errors.As(err, &ne) && ne.Timeout()) {
		return false
	}
	return true
}

// wait sleeps d, or less when ctx ends first; it reports whether the full wait passed.
func wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
