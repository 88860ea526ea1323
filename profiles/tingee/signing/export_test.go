package signing

import (
	"net/http"
	"time"
)

// Verify checks the three signing headers of a request whose raw body is body
// (an empty body is verified as "{}"), against the secret and the clock now:
// presence, then the timestamp, then the signature, as Tingee does. Only the
// tests verify a whole request in one call (the mock's guard and the webhook
// receiver compose the same checks themselves), so it lives here.
func Verify(h http.Header, body, secret []byte, now time.Time) error {
	if err := CheckHeaders(h, RequestHeaders...); err != nil {
		return err
	}
	return CheckSigned(h, BodyToSign(body), secret, now)
}
