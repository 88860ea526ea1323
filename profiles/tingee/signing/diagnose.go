package signing

import (
	"bytes"
	"crypto/hmac"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Diagnosis says whether a captured signature is the one the secret gives
// for the captured timestamp and body and, when it is not, the likeliest
// cause this package could prove by re-signing variants of what was captured.
type Diagnosis struct {
	Match bool
	// Cause names the variant that matched (or, for a match, the one remark
	// worth making); empty when nothing needs saying.
	Cause string
}

// variant is one way the signer's input may have differed from what was
// sent; it matches when the captured signature is the one of its input.
type variant struct {
	cause     string
	secret    []byte
	timestamp string
	body      []byte
}

// Diagnose checks signature (hex) against secret, timestamp and body as
// captured (body as sent: an empty one is signed as EmptyBody). For a
// mismatch it tries, in order, the mistakes partners make: the body signed
// in another form than sent (minified, indented, another escaping, a
// trailing newline, {} against nothing), the timestamp written in another
// zone, whitespace around the secret; and when none matches, says the secret
// is most likely another one. The secret is never part of a cause.
func Diagnose(secret []byte, timestamp string, body []byte, signature string) Diagnosis {
	got, err := hex.DecodeString(strings.TrimSpace(signature))
	if err != nil || len(got) != 64 {
		return Diagnosis{Cause: fmt.Sprintf("the signature is not 128 hex digits (HMAC-SHA512): got %d characters", len(strings.TrimSpace(signature)))}
	}
	matches := func(v variant) bool { // v.body is the exact bytes signed
		return hmac.Equal(got, mac(v.secret, StringToSign(v.timestamp, v.body)))
	}
	body = BodyToSign(body)
	if matches(variant{secret: secret, timestamp: timestamp, body: body}) {
		if signature != strings.ToLower(signature) {
			return Diagnosis{Match: true, Cause: "the signature is upper-case hex: its value matches, but the SDKs send lower-case, and a verifier that compares the hex as text rejects it"}
		}
		return Diagnosis{Match: true}
	}
	for _, v := range variants(secret, timestamp, body) {
		if matches(v) {
			return Diagnosis{Cause: v.cause}
		}
	}
	return Diagnosis{Cause: "no variant of the body, timestamp or secret whitespace matches: the signature was most likely made with a different secret " +
		"(check the partner's secret token for this client id), or over a body changed beyond re-formatting"}
}

// variants lists what the signer may have signed instead of body, the
// bytes the captured request signs.
func variants(secret []byte, timestamp string, body []byte) []variant {
	var out []variant
	add := func(cause string, b []byte) {
		if !bytes.Equal(b, body) {
			out = append(out, variant{cause: cause, secret: secret, timestamp: timestamp, body: b})
		}
	}
	// {} against an empty string.
	if bytes.Equal(body, []byte(EmptyBody)) {
		add("the signer signed an empty string, where a call without a body (or with the body {}) signs {}", []byte{})
	} else {
		add("the signer signed {}, as for a call without a body, but the request carries a body: sign the body sent", []byte(EmptyBody))
	}
	// Re-formatted JSON: the signer signed another layout of the same JSON than it sent.
	var compact bytes.Buffer
	if json.Compact(&compact, body) == nil {
		add("the body was re-formatted after signing: the signature is of the minified JSON, but the body sent has whitespace; send the bytes you sign", compact.Bytes())
		for _, indent := range []string{"  ", "    ", "\t"} {
			var pretty bytes.Buffer
			if json.Indent(&pretty, compact.Bytes(), "", indent) == nil {
				add("the body was re-formatted after signing: the signature is of an indented form ("+strconv.Quote(indent)+") of the JSON sent; send the bytes you sign", pretty.Bytes())
			}
		}
	}
	add("the body gained or lost a trailing newline between signing and sending", toggleNewline(body))
	add("the body's line ends changed between signing and sending (CRLF against LF)", bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n")))
	add("the body's line ends changed between signing and sending (CRLF against LF)", bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")))
	// Re-escaped strings: same JSON, other escapes.
	add(`the body was re-escaped after signing: the signature is of the body with / written \/`, bytes.ReplaceAll(body, []byte("/"), []byte(`\/`)))
	add(`the body was re-escaped after signing: the signature is of the body with \/ written /`, bytes.ReplaceAll(body, []byte(`\/`), []byte("/")))
	add(`the body was re-escaped after signing: the signature is of the body with non-ASCII characters written as \u escapes`, escapeNonASCII(body))
	if u, ok := unescapeNonASCII(body); ok {
		add(`the body was re-escaped after signing: the signature is of the body with \u escapes written as UTF-8 characters`, u)
	}
	add(`the body was re-escaped after signing: the signature is of the body with <, > and & written \u003c, \u003e, \u0026 (Go's json.Marshal)`, escapeHTML(body))
	// The timestamp in the wrong zone: signed with the same instant written in another zone.
	if t, err := ParseTimestamp(timestamp); err == nil {
		for h := -14; h <= 14; h++ {
			if h == 0 {
				continue
			}
			zone := "UTC" + fmt.Sprintf("%+d", 7+h)
			if 7+h == 0 {
				zone = "UTC"
			}
			out = append(out, variant{
				cause: fmt.Sprintf("the timestamp was written in another zone when signing: the signature is of %s (%s), the header says %s (Vietnam time, UTC+7); sign the timestamp you send, in Vietnam time",
					Timestamp(t.Add(time.Duration(h)*time.Hour)), zone, timestamp),
				secret: secret, timestamp: Timestamp(t.Add(time.Duration(h) * time.Hour)), body: body,
			})
		}
	}
	// Whitespace around the secret: a secret file or variable with a newline or blank kept.
	for _, ws := range []string{"\n", "\r\n", " ", "\t"} {
		for _, s := range [][]byte{append(append([]byte{}, secret...), ws...), append([]byte(ws), secret...)} {
			out = append(out, variant{cause: "the secret was used with whitespace around it (" + strconv.Quote(ws) + "), e.g. a trailing newline kept from a file or variable; trim it", secret: s, timestamp: timestamp, body: body})
		}
	}
	if trimmed := bytes.TrimSpace(secret); len(trimmed) != len(secret) {
		out = append(out, variant{cause: "the signer trimmed whitespace this secret has around it: trim it here too, or keep it there", secret: trimmed, timestamp: timestamp, body: body})
	}
	return out
}

func toggleNewline(b []byte) []byte {
	if t, ok := bytes.CutSuffix(b, []byte("\n")); ok {
		return t
	}
	return append(append([]byte{}, b...), '\n')
}

// escapeNonASCII writes every non-ASCII character of b as \uXXXX (a UTF-16 pair beyond the BMP).
func escapeNonASCII(b []byte) []byte {
	var out bytes.Buffer
	for _, r := range string(b) {
		switch {
		case r < utf8.RuneSelf:
			out.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&out, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
	}
	return out.Bytes()
}

// unescapeNonASCII writes the \uXXXX escapes of non-ASCII characters in
// the JSON strings of b as UTF-8, keeping everything else as it is.
func unescapeNonASCII(b []byte) ([]byte, bool) {
	var out bytes.Buffer
	changed := false
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out.WriteByte(b[i])
			continue
		}
		if b[i+1] != 'u' || i+6 > len(b) {
			out.Write(b[i : i+2]) // another escape, \\ included, is kept whole
			i++
			continue
		}
		r, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		if err != nil || r < utf8.RuneSelf {
			out.Write(b[i : i+6])
			i += 5
			continue
		}
		n := 6
		if r >= 0xD800 && r < 0xDC00 && i+12 <= len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
			if lo, err := strconv.ParseUint(string(b[i+8:i+12]), 16, 16); err == nil && lo >= 0xDC00 && lo < 0xE000 {
				r, n = 0x10000+(r-0xD800)<<10+(lo-0xDC00), 12
			}
		}
		out.WriteRune(rune(r))
		changed = true
		i += n - 1
	}
	return out.Bytes(), changed
}

func escapeHTML(b []byte) []byte {
	var out bytes.Buffer
	json.HTMLEscape(&out, b)
	return out.Bytes()
}
