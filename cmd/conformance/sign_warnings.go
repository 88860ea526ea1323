package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// bodyWarnings lists how body differs from what Tingee's SDKs send: minified
// JSON with non-ASCII characters and / unescaped.
func bodyWarnings(body []byte) []string {
	var compact bytes.Buffer
	if err := json.Compact(&compact, body); err != nil {
		return []string{fmt.Sprintf("the body is not valid JSON (%v); it is signed as given, but Tingee expects JSON", err)}
	}
	var warnings []string
	if !bytes.Equal(compact.Bytes(), body) {
		w := fmt.Sprintf("the body is not minified JSON (%d bytes of whitespace outside strings", len(body)-compact.Len())
		if bytes.HasSuffix(body, []byte("\n")) {
			w += ", including a trailing newline"
		}
		warnings = append(warnings, w+"); the SDKs send minified JSON, so the signature only matches if these exact bytes are sent")
	}
	nonASCII, slash := escapes(body)
	if nonASCII {
		warnings = append(warnings, `the body holds \u-escaped non-ASCII characters; the SDKs send them unescaped (UTF-8), so sign the bytes you send`)
	}
	if slash {
		warnings = append(warnings, `the body escapes / as \/; the SDKs send / unescaped, so sign the bytes you send`)
	}
	return warnings
}

// escapes reports whether the strings of a valid JSON text hold a \u escape
// of a non-ASCII character, or an escaped slash.
func escapes(body []byte) (nonASCII, slash bool) {
	inString := false
	for i := 0; i < len(body); i++ {
		switch ch := body[i]; {
		case ch == '"':
			inString = !inString
		case ch == '\\' && inString && i+1 < len(body):
			i++
			switch body[i] {
			case '/':
				slash = true
			case 'u':
				if i+4 < len(body) {
					if code, err := hex.DecodeString(string(body[i+1 : i+5])); err == nil && (code[0] != 0 || code[1] >= 0x80) {
						nonASCII = true
					}
					i += 4
				}
			}
		}
	}
	return nonASCII, slash
}

// secretWarnings: whitespace at either end of a secret is almost never part
// of it (a variable set from a file with its newline, a copy with a blank).
func secretWarnings(secret credentials.Secret) []string {
	s := string(secret)
	if t := strings.TrimSpace(s); t != s && t != "" {
		return []string{fmt.Sprintf("the secret token has whitespace at its start or end (%d bytes); it is used as given, but Tingee's secret has none: trim it if this is a copy's leftover", len(s)-len(t))}
	}
	return nil
}

// utcWarning: a timestamp that is now in UTC rather than in Vietnam time
// (UTC+7) is seven hours off, and Tingee refuses it (code 90).
func utcWarning(timestamp string, now time.Time) string {
	t, err := signing.ParseTimestamp(timestamp)
	if err != nil {
		return ""
	}
	asUTC := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if d := now.Sub(asUTC).Abs(); d <= signing.Tolerance && now.Sub(t).Abs() > signing.Tolerance {
		return fmt.Sprintf("--timestamp %s is the time now in UTC, not Vietnam time (UTC+7, now %s): Tingee refuses it as 7 hours old (code 90)", timestamp, signing.Timestamp(now))
	}
	return ""
}

// stdinWarning: a body piped or redirected into sign is ignored without
// --body-file -, and {} is signed instead.
func stdinWarning(stdin io.Reader) string {
	f, ok := stdin.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return ""
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&(os.ModeNamedPipe|os.ModeCharDevice) == os.ModeCharDevice {
		return ""
	}
	if info.Mode()&os.ModeNamedPipe == 0 && (!info.Mode().IsRegular() || info.Size() == 0) {
		return ""
	}
	return "stdin is a pipe or a file, but without --body-file - it is not read: the body signed is " + signing.EmptyBody + "; add --body-file - to sign what is piped in"
}
