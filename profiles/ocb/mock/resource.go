package mock

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// maxBody caps a request body the backend reads.
const maxBody = 1 << 20

// apicSecurityText is API Connect's answer to a missing or bad OAuth token [apic].
const apicSecurityText = "Cannot pass the security checks that are required by the target API or operation, Enable debug headers for more details."

// serveResource is one call of a package's operation: the gateway's checks
// [apic], then the backend's [obs].
func (m *Mock) serveResource(w http.ResponseWriter, r *http.Request, pkg string) {
	app := m.apps[r.Header.Get("X-IBM-Client-Id")]
	switch {
	case app == nil:
		gatewayError(w, http.StatusUnauthorized)
		return
	case subtle.ConstantTimeCompare([]byte(app.ClientSecret), []byte(r.Header.Get("X-IBM-Client-Secret"))) != 1:
		gatewayErrorText(w, http.StatusUnauthorized, "Invalid client id or secret.")
		return
	case !app.Approved:
		gatewayErrorText(w, http.StatusForbidden, "Application is not active.")
		return
	case !app.subscribed(pkg):
		gatewayError(w, http.StatusForbidden)
		return
	case !m.withinLimit(app, pkg):
		gatewayError(w, http.StatusTooManyRequests)
		return
	case !m.tokenValid(app, r.Header.Get("Authorization")):
		gatewayErrorText(w, http.StatusUnauthorized, apicSecurityText)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		backendError(w, trace{}, "", "VALIDATION", "BODY_UNREADABLE", "the body cannot be read or is over 1 MiB", "body")
		return
	}
	var env envelope
	jsonErr := json.Unmarshal(body, &env)
	if f := checkSignature(app, r.Header, body, m.now()); f != nil {
		backendError(w, env.trace(), "", "SECURITY", f.code, f.details, f.location)
		return
	}
	if jsonErr != nil {
		backendError(w, env.trace(), "", "VALIDATION", "INVALID_JSON", "the body is not a JSON object", "body")
		return
	}
	if f := env.check(); f != nil {
		backendError(w, env.trace(), "", "VALIDATION", f.code, f.details, f.location)
		return
	}
	if !m.firstUse(app.ClientID, env.trace().ClientTransID) {
		backendError(w, env.trace(), "", "VALIDATION", "DUPLICATE_CLIENT_TRANS_ID", "clientTransId was already used by this application", "trace.clientTransId")
		return
	}
	ref := m.bankRef()
	data, f := m.operation(pkg, env.Data)
	if f != nil {
		backendError(w, env.trace(), ref, "BUSINESS", f.code, f.details, f.location)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"trace": answerTrace(env.trace(), ref), "data": data})
}

// failure is why the backend refuses a call: the 417 error's code, details, location.
type failure struct{ code, details, location string }

// backendError is HTTP 417 {"trace", "error": {type, code, details, location}} [obs].
func backendError(w http.ResponseWriter, t trace, ref, typ, code, details, location string) {
	if ref == "" {
		ref = "-"
	}
	writeJSON(w, http.StatusExpectationFailed, map[string]any{
		"trace": answerTrace(t, ref),
		"error": map[string]string{"type": typ, "code": code, "details": details, "location": location},
	})
}

func answerTrace(t trace, ref string) map[string]string {
	return map[string]string{"clientTransId": t.ClientTransID, "bankRefNo": ref, "clientTimestamp": t.ClientTimestamp}
}

// tokenValid: a Bearer token this app was issued that has not expired.
func (m *Mock) tokenValid(app *App, authorization string) bool {
	tok, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok || tok == "" {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.tokens[tok]
	return ok && t.clientID == app.ClientID && m.now().Before(t.expires)
}

// withinLimit counts the call against the app's plan for this package, a
// fixed one-minute window [apic: rate limits per plan].
func (m *Mock) withinLimit(app *App, pkg string) bool {
	if app.RateLimit <= 0 {
		return true
	}
	key, now := app.ClientID+" "+pkg, m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	win := m.calls[key]
	if now.Sub(win.start) >= time.Minute {
		win = rateWindow{start: now}
	}
	win.n++
	m.calls[key] = win
	return win.n <= app.RateLimit
}

// firstUse records a clientTransId; false when this app used it before [obs: unique per request].
func (m *Mock) firstUse(clientID, transID string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	used := m.seen[clientID]
	if used == nil {
		used = map[string]bool{}
		m.seen[clientID] = used
	}
	if used[transID] {
		return false
	}
	used[transID] = true
	return true
}

func (m *Mock) bankRef() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.refs++
	return fmt.Sprintf("MOCK%012d", m.refs)
}
