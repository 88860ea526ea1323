package mask

import (
	"strings"
	"testing"
)

// The OCB profile's outputs follow internal/mask's AllNumbers rule: account
// numbers masked, tokens redacted (review finding S7).
func TestDigits(t *testing.T) {
	got := Digits(`{"accountNumbers":["0123456789"],"access_token":"TOPSECRETACCESSTOKEN42"}`)
	if strings.Contains(got, "0123456789") || strings.Contains(got, "TOPSECRET") {
		t.Errorf("got %s", got)
	}
}
