// Package diagnose finds why a Tingee request signature does not match: given
// what a client sent (timestamp, body, query, signature) and the secret, it
// re-signs the usual mistakes — a re-formatted or re-escaped body, "" instead
// of "{}", the timestamp in another zone, the query string signed, the secret
// with whitespace around it — and names the one that reproduces the
// signature. Pure functions; nothing is logged, and no cause shows the secret.
package diagnose

import (
	"bytes"
	"crypto/sha512"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// Cause names what a signature was computed over.
type Cause string

// The causes Diagnose can prove.
const (
	Match          Cause = "match"           // lower-case hex over the exact bytes sent ({} when bodyless)
	UpperHex       Cause = "upper-case hex"  // right bytes, hex in upper case (the docs say lower case)
	EmptyString    Cause = "empty body"      // signed "" where "{}" is signed for a bodyless call
	BracesForBody  Cause = "braces for body" // signed "{}" although a body was sent
	Reformatted    Cause = "re-formatted"    // signed another layout of the same JSON (pretty, minified, spaced, key order, newline)
	ReEscaped      Cause = "re-escaped"      // signed the same JSON with other string escapes (\u00e9, \/, \u003c)
	OtherZone      Cause = "timestamp zone"  // signed the timestamp of another zone than the one sent
	QuerySigned    Cause = "query signed"    // signed the query string (or its parameters as JSON)
	SecretSpace    Cause = "secret spacing"  // signed with whitespace added to, or trimmed from, the secret
	NotHex         Cause = "not hex"         // the signature is not a hex string
	Unexplained    Cause = "unexplained"     // no usual mistake reproduces it: wrong secret, or bytes changed in transit
	MissingHeaders Cause = "missing headers" // no timestamp or no signature to check
)

// Input is one request as sent. Body is the raw body (nil or empty when none);
// Query the raw query string without "?".
type Input struct {
	Secret    []byte
	Timestamp string
	Body      []byte
	Query     string
	Signature string
}

// Result is the cause and, for a mistake, what was signed instead (the body or
// timestamp variant, never the secret) in Detail.
type Result struct {
	Cause  Cause
	Detail string
}

// OK reports whether the signature is accepted by a case-blind verifier.
func (r Result) OK() bool { return r.Cause == Match || r.Cause == UpperHex }

// Diagnose checks in.Signature and, when it does not match, names the mistake.
func Diagnose(in Input) Result {
	if in.Timestamp == "" || in.Signature == "" {
		return Result{Cause: MissingHeaders, Detail: "x-request-timestamp or x-signature is empty"}
	}
	if !isHex(in.Signature) || len(in.Signature) != 2*sha512.Size {
		return Result{Cause: NotHex, Detail: fmt.Sprintf("x-signature must be 128 lower-case hex characters (HMAC-SHA512), got %d characters", len(in.Signature))}
	}
	signed := signing.BodyToSign(in.Body)
	if signing.CheckSignature(in.Secret, in.Timestamp, signed, in.Signature) == nil {
		if in.Signature != strings.ToLower(in.Signature) {
			return Result{Cause: UpperHex, Detail: "the signature is right but in upper-case hex: the SDKs send lower case, and a verifier that compares the hex as text rejects it"}
		}
		return Result{Cause: Match}
	}
	for _, c := range candidates(in) {
		key := in.Secret
		if c.secret != nil {
			key = c.secret
		}
		if signing.CheckSignature(key, c.timestamp, c.body, in.Signature) == nil {
			return Result{Cause: c.cause, Detail: c.detail}
		}
	}
	return Result{Cause: Unexplained, Detail: "none of the usual mistakes reproduces it: a wrong secret, or the body changed after signing"}
}

// candidate is one thing a client may have signed instead.
type candidate struct {
	cause     Cause
	timestamp string
	body      []byte
	detail    string
	secret    []byte // the key it was signed with, when not Input.Secret
}

// candidates lists the usual mistakes for in, most likely first.
func candidates(in Input) []candidate {
	ts := in.Timestamp
	var out []candidate
	if len(in.Body) == 0 {
		out = append(out, candidate{cause: EmptyString, timestamp: ts, body: []byte{}, detail: `signed "" for a call without a body; Tingee signs "{}"`})
	} else if string(in.Body) != signing.EmptyBody {
		out = append(out, candidate{cause: BracesForBody, timestamp: ts, body: []byte(signing.EmptyBody), detail: `signed "{}" but sent a body`})
	}
	if string(in.Body) == signing.EmptyBody {
		out = append(out, candidate{cause: EmptyString, timestamp: ts, body: []byte{}, detail: `signed "" and sent "{}"`})
	}
	for _, l := range layouts(in.Body) {
		out = append(out, candidate{cause: Reformatted, timestamp: ts, body: l.body, detail: "signed the body " + l.name + ", sent it otherwise"})
	}
	for _, e := range escapings(in.Body) {
		out = append(out, candidate{cause: ReEscaped, timestamp: ts, body: e.body, detail: "signed the body " + e.name + ", sent it otherwise"})
	}
	for _, q := range queryForms(in.Query, in.Body) {
		out = append(out, candidate{cause: QuerySigned, timestamp: ts, body: q.body, detail: "signed " + q.name})
	}
	for _, z := range zoneShifts(ts) {
		out = append(out, candidate{cause: OtherZone, timestamp: z.timestamp, body: signing.BodyToSign(in.Body),
			detail: "signed the timestamp " + z.timestamp + " (" + z.name + ") but sent " + ts + " (Vietnam time, UTC+7)"})
	}
	for _, k := range secretSpacings(in.Secret) {
		out = append(out, candidate{cause: SecretSpace, timestamp: ts, body: signing.BodyToSign(in.Body), detail: k.name, secret: k.body})
	}
	return out
}

// secretSpacings are the secret with the whitespace a file or variable keeps
// around it (a trailing newline, CRLF, a blank, a tab), or trimmed of the
// whitespace it has. Each name says so without showing the secret.
func secretSpacings(secret []byte) []variant {
	var out []variant
	for _, ws := range []string{"\n", "\r\n", " ", "\t"} {
		name := "signed with " + strconv.Quote(ws) + " around the secret (kept from a file or variable): trim it"
		out = append(out, variant{name, append(append([]byte{}, secret...), ws...)}, variant{name, append([]byte(ws), secret...)})
	}
	if trimmed := bytes.TrimSpace(secret); len(trimmed) != len(secret) {
		out = append(out, variant{"signed with the secret trimmed of the whitespace it has here: trim it here too, or keep it there", trimmed})
	}
	return out
}

func isHex(s string) bool {
	if len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// zone is a timestamp string of another zone.
type zone struct{ timestamp, name string }

// zoneShifts re-reads ts as Vietnam time and writes it in every other whole-
// and half-hour zone from UTC-12 to UTC+14: the timestamp the client may have
// signed before converting, or the other way round.
func zoneShifts(ts string) []zone {
	t, err := signing.ParseTimestamp(ts)
	if err != nil {
		return nil
	}
	var out []zone
	for half := -24; half <= 28; half++ {
		offset := time.Duration(half) * 30 * time.Minute
		if offset == 7*time.Hour {
			continue
		}
		shifted := t.Add(offset - 7*time.Hour)
		out = append(out, zone{signing.Timestamp(shifted), ZoneName(offset)})
	}
	return out
}

// ZoneName names the zone of a UTC offset: "UTC", "UTC+7", "UTC-3:30".
func ZoneName(d time.Duration) string {
	if d == 0 {
		return "UTC"
	}
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	h, m := int(d.Hours()), int(d.Minutes())%60
	if m == 0 {
		return "UTC" + sign + strconv.Itoa(h)
	}
	return "UTC" + sign + strconv.Itoa(h) + ":" + strconv.Itoa(m)
}
