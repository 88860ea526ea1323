package signing

import "testing"

// TestStringToSignSHA256 pins the digest to the README's recipe:
// printf '%s' "$TIMESTAMP:$BODY" | sha256sum.
func TestStringToSignSHA256(t *testing.T) {
	const want = "a8b9f1f369b47d3c4947dd31e0797aa09d869064e5798063832a54410d86b564" // of "20250101120000000:{}"
	if got := StringToSignSHA256("20250101120000000", []byte("{}")); got != want {
		t.Errorf("StringToSignSHA256 = %s, want %s", got, want)
	}
}
