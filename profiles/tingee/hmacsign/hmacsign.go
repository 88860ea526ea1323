// Package hmacsign is Tingee's client.Signer: the three HMAC-SHA512 headers
// of package signing over the exact bytes a request sends, and the Tamper
// matrix with which the signing scenarios break a request on purpose.
package hmacsign

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// Signer signs every request with one client id and secret token.
type Signer struct {
	Credentials credentials.Credentials
}

// Tamper lists the ways the signing matrix breaks a request on purpose
// (client.Request.Tamper). The zero value signs correctly.
type Tamper struct {
	SignBody        []byte        // sign these bytes instead of the body sent (nil: the body, or "{}")
	SignEmpty       bool          // sign the empty string instead of "{}" (bodyless calls)
	Secret          []byte        // sign with this secret instead of the client's
	ClientID        string        // send this x-client-id instead of the client's
	Omit            string        // leave this header out (e.g. x-signature)
	TimestampOffset time.Duration // move the timestamp away from the clock (negative: in the past)
	RawTimestamp    string        // send (and sign) this x-request-timestamp verbatim
	UpperHex        bool          // send the signature in upper-case hex
	FlipLastHex     bool          // send the signature with its last hex digit changed
}

// Sign returns the x-client-id, x-request-timestamp and x-signature of r at
// now, with r.Tamper (a Tamper, or nil) applied.
func (s Signer) Sign(r client.Request, now time.Time) (http.Header, client.Signature) {
	t, _ := r.Tamper.(Tamper)
	timestamp := signing.Timestamp(now.Add(t.TimestampOffset))
	if t.RawTimestamp != "" {
		timestamp = t.RawTimestamp
	}
	secret := []byte(s.Credentials.Secret)
	if t.Secret != nil {
		secret = t.Secret
	}
	signed := signedBody(r.Body, t)
	signature := signing.Sign(secret, timestamp, signed)
	if t.UpperHex {
		signature = strings.ToUpper(signature)
	}
	if t.FlipLastHex && signature != "" {
		last := "0"
		if signature[len(signature)-1] == '0' {
			last = "1"
		}
		signature = signature[:len(signature)-1] + last
	}
	clientID := s.Credentials.ClientID
	if t.ClientID != "" {
		clientID = t.ClientID
	}
	h := http.Header{}
	h.Set(signing.HeaderClientID, clientID)
	h.Set(signing.HeaderTimestamp, timestamp)
	h.Set(signing.HeaderSignature, signature)
	sig := client.Signature{DigestSHA256: signing.StringToSignSHA256(timestamp, signed), Note: CurlNote(timestamp)}
	if t.Omit != "" {
		sig.Deleted = []string{t.Omit}
	}
	return h, sig
}

// signedBody is what the signature covers: the body, "{}" for none, or a tampered choice.
func signedBody(body []byte, t Tamper) []byte {
	switch {
	case t.SignEmpty:
		return []byte{}
	case t.SignBody != nil:
		return t.SignBody
	}
	return signing.BodyToSign(body)
}

// CurlNote is the first line of a signed request's curl replay: when its timestamp stops being accepted.
func CurlNote(timestamp string) string {
	return fmt.Sprintf("x-request-timestamp %s expires %s after it; re-sign with `conformance sign` to replay later", timestamp, signing.Tolerance)
}
