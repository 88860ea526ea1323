package client

import (
	"crypto/sha256"
	"encoding/base64"
	"net/url"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// pkceChallenge is the PKCE S256 code_challenge of a verifier [oauth, RFC 7636].
func pkceChallenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// basic is HTTP Basic's base64(urlencoded id : urlencoded secret) [oauth, RFC 6749 §2.3.1].
func basic(id string, secret credentials.Secret) string {
	return base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(id) + ":" + url.QueryEscape(string(secret))))
}
