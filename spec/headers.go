package spec

import (
	"net/http"
	"net/textproto"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// transportHeaders are the response headers any HTTP server, proxy or CDN
// may add whatever the API is, so openapi.yaml not documenting them is not
// drift: framing and connection (Content-Type is checked on its own),
// caching, cookies (load balancers' stickiness cookies; the HMAC-signed API
// reads none), and the browser-security headers, which address browsers, not
// API clients. Names are canonical (textproto); transportPrefixes adds the
// CORS and cross-origin families. Everything else an answer does not document
// — X-Powered-By, a request id, rate limits, Retry-After — is drift.
var transportHeaders = canonicalSet(
	// framing and connection
	"Date", "Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding", "Trailer",
	"Connection", "Keep-Alive", "Upgrade", "Server", "Via", "Alt-Svc", "Accept-Ranges",
	// caching
	"Cache-Control", "Pragma", "Expires", "Age", "ETag", "Last-Modified", "Vary",
	// cookies
	"Set-Cookie",
	// browser security
	"Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options",
	"X-Frame-Options", "X-XSS-Protection", "Referrer-Policy", "Permissions-Policy",
)

// transportPrefixes are header families treated like transportHeaders.
var transportPrefixes = []string{"Access-Control-", "Cross-Origin-"}

func canonicalSet(names ...string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[textproto.CanonicalMIMEHeaderKey(n)] = true
	}
	return set
}

// isTransportHeader says whether a canonical header name is one any server may send.
func isTransportHeader(name string) bool {
	if transportHeaders[name] {
		return true
	}
	for _, p := range transportPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// headerDrift reports, sorted by name, each header of h that is neither a
// transport header nor documented by the answer (nil when the status is not
// documented), at /header/<Name>.
func headerDrift(base Finding, answer *openapi3.ResponseRef, h http.Header) []Finding {
	var out []Finding
	for name, values := range h {
		canonical := textproto.CanonicalMIMEHeaderKey(name)
		if isTransportHeader(canonical) || documentsHeader(answer, canonical) {
			continue
		}
		f := base
		f.Pointer = pointer([]string{"header", canonical})
		f.Expected, f.Got, f.Drift = "only documented headers", shorten(strings.Join(values, ", ")), true
		out = append(out, f)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Pointer < out[b].Pointer })
	return out
}

// documentsHeader says whether the answer declares the header (names compare case-insensitively).
func documentsHeader(answer *openapi3.ResponseRef, name string) bool {
	if answer == nil || answer.Value == nil {
		return false
	}
	for declared := range answer.Value.Headers {
		if strings.EqualFold(declared, name) {
			return true
		}
	}
	return false
}
