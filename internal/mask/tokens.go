package mask

import "regexp"

// TokenRedacted replaces an OAuth token's value (rule 0).
const TokenRedacted = "[token redacted]"

var (
	// "access_token": "…", also inside a quoted JSON: an OAuth token answer (RFC 6749 §5.1, OpenID's id_token).
	tokenField = regexp.MustCompile(`(?i)(\\?"(?:access_token|refresh_token|id_token)\\?"\s*:\s*\\?")((?:[^"\\]|\\[^"])+)`)
	// Authorization: Bearer … (RFC 6750 §2.1's b64token characters), at least
	// 16 of them: a token, not an English word after "Bearer" in a step's
	// text ("token_type Bearer and a positive expires_in", review-last 4).
	bearer = regexp.MustCompile(`(?i)(\bBearer\s+)([A-Za-z0-9._~+/=-]{16,})`)
)

// Tokens is rule 0: the value of an OAuth access, refresh or id token, and a
// Bearer credential, become TokenRedacted. A token is a secret (whoever holds
// it can call the API), never shown in part.
func Tokens(s string) string {
	s = tokenField.ReplaceAllString(s, "${1}"+TokenRedacted)
	return bearer.ReplaceAllString(s, "${1}"+TokenRedacted)
}
