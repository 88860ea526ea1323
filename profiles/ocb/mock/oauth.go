package mock

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"mime"
	"net/http"
	"net/url"
	"slices"
)

// serveToken is the password grant [obs]: form-encoded client id, secret,
// user and password; errors as RFC 6749 §5.2 [oauth].
func (m *Mock) serveToken(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the form cannot be parsed")
		return
	}
	f := r.PostForm
	app := m.client(f.Get("client_id"), f.Get("client_secret"))
	switch {
	case app == nil:
		oauthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
	case f.Get("grant_type") != "password":
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be password")
	case f.Get("scope") != "" && f.Get("scope") != "OCB":
		oauthError(w, http.StatusBadRequest, "invalid_scope", "scope must be OCB")
	case !app.Approved:
		// No API user exists before approval (steps 8-9) [seed].
		oauthError(w, http.StatusBadRequest, "invalid_grant", "the application is not approved; no API user is issued yet")
	case !app.hasUser(f.Get("username"), f.Get("password")):
		oauthError(w, http.StatusBadRequest, "invalid_grant", "wrong username or password")
	default:
		ttl := app.TokenTTL
		if ttl <= 0 {
			ttl = DefaultTokenTTL
		}
		tok := randomHex(16)
		m.mu.Lock()
		m.tokens[tok] = token{clientID: app.ClientID, expires: m.now().Add(ttl)}
		m.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{
			"access_token": tok, "token_type": "Bearer", "expires_in": int(ttl.Seconds()), "scope": "OCB",
		})
	}
}

// servePAR is the pushed authorization request [obs, RFC 9126]: Basic client
// authentication; a redirect_uri not registered exactly is refused [oauth].
func (m *Mock) servePAR(w http.ResponseWriter, r *http.Request) {
	id, secret, ok := r.BasicAuth()
	id, _ = url.QueryUnescape(id) // RFC 6749 §2.3.1 form-encodes both before base64
	secret, _ = url.QueryUnescape(secret)
	app := m.client(id, secret)
	if !ok || app == nil {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the form cannot be parsed")
		return
	}
	f := r.PostForm
	switch {
	case f.Get("response_type") != "code":
		oauthError(w, http.StatusBadRequest, "invalid_request", "response_type must be code")
	case !slices.Contains(app.RedirectURLs, f.Get("redirect_uri")):
		oauthError(w, http.StatusBadRequest, "invalid_request", "redirect_uri is not registered for this application")
	default:
		writeJSON(w, http.StatusCreated, map[string]any{
			"request_uri": "urn:ietf:params:oauth:request_uri:" + randomHex(12), "expires_in": 60,
		})
	}
}

// client is the app with this id and secret, or nil.
func (m *Mock) client(id, secret string) *App {
	app := m.apps[id]
	if app == nil || subtle.ConstantTimeCompare([]byte(app.ClientSecret), []byte(secret)) != 1 {
		return nil
	}
	return app
}

func (a *App) hasUser(name, password string) bool {
	for _, u := range a.Users {
		if u.Username == name && subtle.ConstantTimeCompare([]byte(u.Password), []byte(password)) == 1 {
			return true
		}
	}
	return false
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
