package webhook

import (
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// HeaderRequestID names one notification; every attempt to deliver it carries the same id.
const HeaderRequestID = "x-request-id"

// SignHeaders signs the raw body at time now and sets the headers Tingee
// puts on a webhook: x-request-timestamp and x-signature (no x-client-id;
// the body carries clientId). It returns the timestamp and signature set.
func SignHeaders(h http.Header, secret, body []byte, now time.Time) (timestamp, signature string) {
	timestamp = signing.Timestamp(now)
	signature = signing.Sign(secret, timestamp, body)
	h.Set(signing.HeaderTimestamp, timestamp)
	h.Set(signing.HeaderSignature, signature)
	return timestamp, signature
}
