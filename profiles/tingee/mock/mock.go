// Package mock is a strict, stateful stand-in for the Tingee Open API: it
// checks signatures, validates requests and answers with the documented
// bodies, in the order of the real (NestJS) service: route, auth guard,
// timestamp, signature, validation, rights, handler. State lives in memory.
package mock

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/spec"
)

// Config is what a mock is built from.
type Config struct {
	ClientID  string
	Secret    []byte
	Fixtures  *fixtures.File   // the embedded features/fixtures/mock.yaml when nil
	Now       func() time.Time // the mock's clock; time.Now when nil
	Control   bool             // serve /_mock/… control endpoints
	SelfCheck bool             // validate every answer against openapi.yaml and log findings
	Log       io.Writer        // where self-check findings go, one line each; discarded when nil
	// WebhookURL receives the webhooks (payments, link results) of VAs that named none (--webhook-url).
	WebhookURL string
	// Webhooks delivers notifications; nil sends none.
	Webhooks Notifier
}

// Notifier delivers a signed webhook body to a partner's URL (implemented by profiles/tingee/webhook).
type Notifier interface {
	Send(url string, payload any)
}

// FixturesPath is where the default fixtures sit inside harness.Features.
const FixturesPath = "features/fixtures/mock.yaml"

// server is the mock: configuration, routes and the state they share.
type server struct {
	cfg      Config
	now      func() time.Time
	fixtures *fixtures.File
	routes   map[string]*operation // by path
	contract *spec.Spec            // openapi.yaml: the backstop of validation, and the self-check

	mu sync.Mutex
	st *store
}

// New builds the mock's http.Handler.
func New(cfg Config) (http.Handler, error) {
	if cfg.ClientID == "" || len(cfg.Secret) == 0 {
		return nil, errors.New("mock: a client id and a secret are required")
	}
	contract, err := contract.Load()
	if err != nil {
		return nil, fmt.Errorf("mock: %w", err)
	}
	s, err := newServer(cfg, contract)
	if err != nil {
		return nil, err
	}
	var h http.Handler = recoverer(s)
	if cfg.SelfCheck {
		h = selfCheck(h, contract, s.cfg.Log)
	}
	return h, nil
}

// newServer builds the mock on a given contract.
func newServer(cfg Config, contract *spec.Spec) (*server, error) {
	s := &server{cfg: cfg, now: cfg.Now, fixtures: cfg.Fixtures, routes: routeTable(contract), contract: contract, st: newStore()}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cfg.Log == nil {
		s.cfg.Log = io.Discard
	}
	if s.fixtures == nil {
		f, err := defaultFixtures()
		if err != nil {
			return nil, err
		}
		s.fixtures = f
	}
	if err := checkOTPs(s.fixtures); err != nil {
		return nil, err
	}
	return s, nil
}

func defaultFixtures() (*fixtures.File, error) {
	data, err := harness.Features.ReadFile(FixturesPath)
	if err != nil {
		return nil, fmt.Errorf("mock: %w", err)
	}
	return fixtures.Parse(data)
}

// checkOTPs requires fixed OTPs of the OTP banks' accounts: the mock's bank "sends" them, nobody
// types them. A redirect bank's account needs none.
func checkOTPs(f *fixtures.File) error {
	for i, a := range f.Accounts {
		if slices.Contains(redirectBanks, a.BankName) || slices.Contains(redirectBanks, bankShortName(a.BankBin)) {
			continue
		}
		if kind, _, err := fixtures.ParseOTP(a.OTP); err != nil || kind != fixtures.OTPFixed {
			return fmt.Errorf("mock: fixtures accounts[%d] (%s): the mock needs otp fixed:DIGITS, got %q", i, a.AccountNumber, a.OTP)
		}
	}
	return nil
}

// recoverer answers the documented 500 body when a handler panics.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				write(w, documented(http.StatusInternalServerError))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// ServeHTTP runs the checks in the order of the real service, then the operation's handler.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Control && isControl(r.URL.Path) {
		s.control(w, r)
		return
	}
	op, ok := s.routes[r.URL.Path]
	if !ok || op.method != r.Method {
		write(w, documented(http.StatusNotFound))
		return
	}
	write(w, s.answer(op, w, r))
}

// answer decides the answer to a routed request.
func (s *server) answer(op *operation, w http.ResponseWriter, r *http.Request) result {
	if res, ok := s.guard(r); !ok {
		return res
	}
	raw, tooBig := readBody(w, r)
	if tooBig != nil {
		return *tooBig
	}
	if res, ok := s.verify(r, raw); !ok {
		return res
	}
	body, faults := s.validate(op, r, raw)
	if len(faults) > 0 {
		return badRequest(faults...)
	}
	c := &call{op: op, body: body, query: r.URL.Query(), now: s.now()}
	if c.has("merchantId") { // the mock's client is no master merchant
		return documented(http.StatusForbidden)
	}
	if status, ok := s.triggered(c); ok {
		if status == http.StatusInternalServerError {
			panic("mock: fixtures trigger 500") // recovered into the documented 500 body
		}
		return documented(status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return op.handle(s, c)
}
