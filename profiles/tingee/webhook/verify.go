package webhook

import (
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
	if err := signing.CheckHeaders(h, signing.WebhookHeaders...); err != nil {
		return err
	}
	return signing.CheckSigned(h, raw, secret, now)
}
