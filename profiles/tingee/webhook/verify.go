package webhook

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// VerifyRaw checks a webhook's x-request-timestamp and x-signature against
// raw, the body bytes exactly as received. Never verify a value decoded and
// re-encoded: another encoder orders keys, escapes '/' or 'á', or spaces the
// JSON differently, and the signature no longer matches (or, worse, a forged
// body matches). Webhooks carry no x-client-id; the body names the client.
//
// The errors are signing's sentinels: ErrMissingHeader, ErrMalformedTimestamp,
// ErrStaleTimestamp, ErrFutureTimestamp, ErrBadSignature.
func VerifyRaw(h http.Header, raw, secret []byte, now time.Time) error {
	for _, name := range []string{signing.HeaderTimestamp, signing.HeaderSignature} {
		if h.Get(name) == "" {
			return fmt.Errorf("%w: %s", signing.ErrMissingHeader, name)
		}
	}
	ts, sig := h.Get(signing.HeaderTimestamp), h.Get(signing.HeaderSignature)
	if _, err := signing.CheckTimestamp(ts, now); err != nil {
		return err
	}
	return signing.CheckSignature(secret, ts, raw, sig)
}

// isTimestampError reports whether VerifyRaw failed on the timestamp's form or age.
func isTimestampError(err error) bool {
	return errors.Is(err, signing.ErrMalformedTimestamp) ||
		errors.Is(err, signing.ErrStaleTimestamp) ||
		errors.Is(err, signing.ErrFutureTimestamp)
}
