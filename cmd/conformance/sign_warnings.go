package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
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
