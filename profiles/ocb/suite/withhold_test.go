package suite

import (
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// keptValue keeps a JWS's protected header and signature, never its payload
// (review-last finding 1), and leaves other header values alone.
func TestKeptValue(t *testing.T) {
	body := []byte(`{"data":{"accountNumbers":["0123456789"]}}`)
	input := jws.SigningInput(jws.ProtectedHeader, body)
	header, payload, _ := strings.Cut(input, ".")
	for in, want := range map[string]string{
		input + ".c2ln":      header + ".[payload withheld].c2ln", // the whole compact JWS
		header + "..c2ln":    header + "..c2ln",                   // detached: nothing to withhold
		payload + ".c2ln":    "[payload withheld].c2ln",           // no protected header first
		"c2lnbmF0dXJl":       "c2lnbmF0dXJl",                      // OCB's X-Signature
		"application/json":   "application/json",
		"Go-http-client/1.1": "Go-http-client/1.1",
		"AAAA+/==":           "AAAA+/==", // base64, no dot
	} {
		if got := keptValue(in); got != want {
			t.Errorf("keptValue(%q) = %q, want %q", in, got, want)
		}
	}
}
