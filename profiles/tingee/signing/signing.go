// Package signing implements Tingee's request signature: HMAC-SHA512 over
// "x-request-timestamp:body", keyed with the partner's secret token, sent as
// lowercase hex in x-signature. Each step is a small pure function; the clock
// is always passed in, never read here.
package signing

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Header names carried by every signed request (and by Tingee's webhooks).
const (
	HeaderClientID  = "x-client-id"
	HeaderTimestamp = "x-request-timestamp"
	HeaderSignature = "x-signature"
)

// Tolerance is how far a timestamp may be from the verifier's clock, either
// side. The bound is inclusive: exactly 10 minutes away is still accepted.
const Tolerance = 10 * time.Minute

// EmptyBody is what a call without a body signs (GET, or POST with query parameters).
const EmptyBody = "{}"

// Sentinel errors returned by Verify and ParseTimestamp; test with errors.Is.
var (
	ErrMissingHeader      = errors.New("signing: missing header")
	ErrMalformedTimestamp = errors.New("signing: malformed timestamp")
	ErrStaleTimestamp     = errors.New("signing: timestamp too old")
	ErrFutureTimestamp    = errors.New("signing: timestamp too far in the future")
	ErrBadSignature       = errors.New("signing: signature does not match")
)

// StringToSign is the message that is HMACed: timestamp, a colon, then the body bytes as sent.
func StringToSign(timestamp string, body []byte) []byte {
	msg := make([]byte, 0, len(timestamp)+1+len(body))
	msg = append(msg, timestamp...)
	msg = append(msg, ':')
	return append(msg, body...)
}

// StringToSignSHA256 is the hex SHA-256 of the string-to-sign
// "timestamp:signed": the only form in which evidence keeps it
// (evidence.Exchange.StringToSignSHA256).
func StringToSignSHA256(timestamp string, signed []byte) string {
	sum := sha256.Sum256(StringToSign(timestamp, signed))
	return hex.EncodeToString(sum[:])
}

// Sign returns the x-signature value: lowercase hex of HMAC-SHA512(secret, timestamp + ":" + body).
func Sign(secret []byte, timestamp string, body []byte) string {
	return hex.EncodeToString(mac(secret, StringToSign(timestamp, body)))
}

func mac(secret, message []byte) []byte {
	h := hmac.New(sha512.New, secret)
	h.Write(message)
	return h.Sum(nil)
}

// BodyToSign returns the bytes a request signs: its body, or "{}" when it has none.
func BodyToSign(body []byte) []byte {
	if len(body) == 0 {
		return []byte(EmptyBody)
	}
	return body
}

// CheckSignature compares a received x-signature against the expected one in
// constant time. Hex is accepted in either case, as hex decoding is case-blind.
func CheckSignature(secret []byte, timestamp string, body []byte, signature string) error {
	got, err := hex.DecodeString(signature)
	if err != nil || !hmac.Equal(got, mac(secret, StringToSign(timestamp, body))) {
		return ErrBadSignature
	}
	return nil
}

// CheckTimestamp parses a timestamp and checks that it lies within Tolerance of
// now, both ways, bounds included. It returns the parsed time even when it is
// out of the window, so a caller can report how far off it was.
func CheckTimestamp(timestamp string, now time.Time) (time.Time, error) {
	t, err := ParseTimestamp(timestamp)
	if err != nil {
		return time.Time{}, err
	}
	switch d := now.Sub(t); {
	case d > Tolerance:
		return t, fmt.Errorf("%w: %s is %s before the verifier's clock", ErrStaleTimestamp, timestamp, d.Round(time.Second))
	case d < -Tolerance:
		return t, fmt.Errorf("%w: %s is %s after the verifier's clock", ErrFutureTimestamp, timestamp, (-d).Round(time.Second))
	}
	return t, nil
}

// RequestHeaders are the headers every signed request carries; a webhook
// carries WebhookHeaders (its body names the client).
var (
	RequestHeaders = []string{HeaderClientID, HeaderTimestamp, HeaderSignature}
	WebhookHeaders = []string{HeaderTimestamp, HeaderSignature}
)

// CheckHeaders says which of names h lacks first (ErrMissingHeader), if any.
func CheckHeaders(h http.Header, names ...string) error {
	for _, name := range names {
		if h.Get(name) == "" {
			return fmt.Errorf("%w: %s", ErrMissingHeader, name)
		}
	}
	return nil
}

// CheckSigned checks h's timestamp against now, then its signature over
// signed, the exact bytes signed: Tingee's order, after the headers.
func CheckSigned(h http.Header, signed, secret []byte, now time.Time) error {
	ts := h.Get(HeaderTimestamp)
	if _, err := CheckTimestamp(ts, now); err != nil {
		return err
	}
	return CheckSignature(secret, ts, signed, h.Get(HeaderSignature))
}

// IsTimestampError says whether a check failed on the timestamp's form or age
// (Tingee's code 90), not on the signature (97).
func IsTimestampError(err error) bool {
	return errors.Is(err, ErrMalformedTimestamp) || errors.Is(err, ErrStaleTimestamp) || errors.Is(err, ErrFutureTimestamp)
}

// Verify checks the three signing headers of a request whose raw body is body
// (an empty body is verified as "{}"), against the secret and the clock now.
// It checks presence, then the timestamp, then the signature, as Tingee does.
// The harness's own parts compose these checks themselves (the mock's guard,
// the webhook receiver); Verify is the one-call form for tests and integrators.
func Verify(h http.Header, body, secret []byte, now time.Time) error {
	if err := CheckHeaders(h, RequestHeaders...); err != nil {
		return err
	}
	return CheckSigned(h, BodyToSign(body), secret, now)
}

// SetHeaders signs body at time now and sets the three signing headers on h.
// It returns the timestamp and signature it set.
func SetHeaders(h http.Header, clientID string, secret, body []byte, now time.Time) (timestamp, signature string) {
	timestamp = Timestamp(now)
	signature = Sign(secret, timestamp, BodyToSign(body))
	h.Set(HeaderClientID, clientID)
	h.Set(HeaderTimestamp, timestamp)
	h.Set(HeaderSignature, signature)
	return timestamp, signature
}
