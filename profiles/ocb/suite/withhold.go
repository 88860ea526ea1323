package suite

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// payloadWithheld stands in for a JWS payload segment in evidence.
const payloadWithheld = "[payload withheld]"

// keptValue is what evidence keeps of a request header's value. A value in
// the JWS compact form (base64url segments joined by dots, as OCB-SIG-04's
// "whole compact JWS" sends in X-Signature) carries the request body
// base64url-encoded, and with it the company's account numbers: only its
// protected header (a JSON object naming "alg") and its last segment, the
// signature, are kept; every other non-empty segment is withheld
// (review-last finding 1; README: no request body is kept). Any other value
// is kept as it is.
func keptValue(v string) string {
	segs := strings.Split(v, ".")
	if len(segs) < 2 || strings.Trim(v, base64URLAlphabet+".") != "" {
		return v
	}
	for i, s := range segs[:len(segs)-1] {
		if s != "" && !(i == 0 && protectedHeader(s)) {
			segs[i] = payloadWithheld
		}
	}
	return strings.Join(segs, ".")
}

const base64URLAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// protectedHeader says whether s is a JWS protected header: base64url of a
// JSON object with "alg" (RFC 7515 §4.1.1).
func protectedHeader(s string) bool {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return false
	}
	var h map[string]any
	if json.Unmarshal(raw, &h) != nil {
		return false
	}
	_, ok := h["alg"]
	return ok
}
