// Package mock is a stand-in for OCB's Open API in one http.Handler: the IBM
// API Connect gateway (client id and secret, subscriptions, approval, rate
// limits, 401/403/404/405/429), the OAuth provider (password grant with
// expiring tokens, PAR that refuses unregistered redirect URIs) and the
// backend (Bearer token, detached-JWS X-Signature against the app's
// certificate, {trace, data} envelope, 417 errors). Its apps come from
// fixtures (testdata/fixtures.yaml by default). Rules and sources:
// docs/ocb-open-api.md.
package mock

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

// Paths of the OAuth provider [obs].
const (
	TokenPath = "/ocb-oauth-provider/oauth2/token"
	PARPath   = "/oauth2/v2/par/request"
)

// DefaultTokenTTL is how long a token lives unless an app says otherwise
// (3600 s in OCB's PAR guide [obs]).
const DefaultTokenTTL = time.Hour

// Config configures a mock.
type Config struct {
	Fixtures *Fixtures          // DefaultFixtures() when nil
	Packages []packages.Package // packages.Default() when nil: the route of each package
	Now      func() time.Time   // time.Now when nil
}

// Mock is the handler. Safe for concurrent use.
type Mock struct {
	apps     map[string]*App // by client id
	accounts map[string]bool
	routes   map[string]string // path → package id
	now      func() time.Time

	mu     sync.Mutex
	tokens map[string]token           // access token → its grant
	seen   map[string]map[string]bool // client id → clientTransIds used
	calls  map[string]rateWindow      // client id + package → calls this minute
	refs   int                        // bankRefNo counter
}

type token struct {
	clientID string
	expires  time.Time
}

type rateWindow struct {
	start time.Time
	n     int
}

// New builds the mock.
func New(cfg Config) *Mock {
	fx := cfg.Fixtures
	if fx == nil {
		fx = DefaultFixtures()
	}
	pk := cfg.Packages
	if pk == nil {
		pk = packages.Default()
	}
	m := &Mock{
		apps: map[string]*App{}, accounts: map[string]bool{}, routes: map[string]string{}, now: cfg.Now,
		tokens: map[string]token{}, seen: map[string]map[string]bool{}, calls: map[string]rateWindow{},
	}
	if m.now == nil {
		m.now = time.Now
	}
	for i := range fx.Apps {
		m.apps[fx.Apps[i].ClientID] = &fx.Apps[i]
	}
	for _, a := range fx.Accounts {
		m.accounts[a] = true
	}
	for _, p := range pk {
		m.routes[p.Path] = p.ID
	}
	return m
}

// ServeHTTP routes a request as the gateway does: OAuth paths, then the
// packages' operations, else 404.
func (m *Mock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	oauth := m.oauthHandler(path)
	pkg, isPackage := m.routes[path]
	switch {
	case oauth == nil && !isPackage:
		gatewayError(w, http.StatusNotFound)
	case r.Method != http.MethodPost: // every operation is a POST [obs]
		gatewayError(w, http.StatusMethodNotAllowed)
	case oauth != nil:
		oauth(w, r)
	default:
		m.serveResource(w, r, pkg)
	}
}

// oauthHandler is the OAuth provider's handler for path, or nil.
func (m *Mock) oauthHandler(path string) http.HandlerFunc {
	switch path {
	case TokenPath:
		return m.serveToken
	case PARPath:
		return m.servePAR
	}
	return nil
}
