// Package mock is a strict, stateful stand-in for the Tingee Open API: it
// checks signatures, validates requests against openapi.yaml and answers
// with the documented bodies, in the order of the real service.
package mock

import (
	"io"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/fixtures"
)

// Config is what a mock is built from.
type Config struct {
	ClientID  string
	Secret    []byte
	Fixtures  *fixtures.File
	Now       func() time.Time // the mock's clock; time.Now when nil
	Control   bool             // serve /_mock/… control endpoints
	SelfCheck bool             // validate every answer against openapi.yaml and log findings
	Log       io.Writer        // where self-check findings and notes go; discarded when nil
	// WebhookURL receives payment notifications for VAs that named none (--webhook-url).
	WebhookURL string
	// Webhooks delivers notifications; nil sends none.
	Webhooks Notifier
}

// Notifier delivers a signed webhook body to a partner's URL (implemented by internal/webhook).
type Notifier interface {
	Send(url string, payload any)
}

// New builds the mock's http.Handler.
func New(cfg Config) (http.Handler, error) {
	panic("not yet")
}
