package mask

import (
	"strings"
	"testing"
)

// An OAuth token answer quoted in a failure or a bundle keeps no token
// (RFC 6749 §5.1 names access_token and refresh_token; OpenID Connect id_token;
// RFC 6750 §2.1 the Bearer header). Review finding S7.
func TestTokensAreRedacted(t *testing.T) {
	in := `answered 200, want 417: {"access_token": "TOPSECRETACCESSTOKEN42", "refresh_token":"R3fr35h", ` +
		`"id_token":"eyJ.a.b", "token_type":"Bearer"} and {\"access_token\":\"QUOTEDTOKEN\"} Authorization: Bearer abc.DEF-123_456~789`
	got := Fixed(in)
	for _, leak := range []string{"TOPSECRETACCESSTOKEN42", "R3fr35h", "eyJ.a.b", "QUOTEDTOKEN", "abc.DEF-123_456~789"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q left in %s", leak, got)
		}
	}
	if !strings.Contains(got, `"token_type":"Bearer"`) || strings.Count(got, TokenRedacted) != 5 {
		t.Errorf("got %s", got)
	}
}

// A Bearer credential is token-shaped (16 or more b64token characters): an
// English word after "Bearer", as in OCB's step "the token answer says
// token_type Bearer and a positive expires_in"
// (profiles/ocb/suite/features/token.feature), is left as written, while a
// token is redacted (review-last finding 4).
func TestBearerNeedsATokenShapedValue(t *testing.T) {
	for in, want := range map[string]string{
		"the token answer says token_type Bearer and a positive expires_in": "the token answer says token_type Bearer and a positive expires_in",
		"Authorization: Bearer not-a-token-the-provider-issued":             "Authorization: Bearer " + TokenRedacted,
		"Authorization: bearer 0123456789abcdef":                            "Authorization: bearer " + TokenRedacted,
	} {
		if got := Tokens(in); got != want {
			t.Errorf("Tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// OCB's bodies name accounts in an array, so its outputs mask every run of
// 9 to 16 digits (the house rule: account numbers masked in every output).
func TestAllNumbers(t *testing.T) {
	cases := map[string]string{
		`{"accountNumbers":["0123456789","0987654321"]}`: `{"accountNumbers":["******6789","******4321"]}`,
		`phone 0912345678, id 001099012345`:              `phone ******5678, id ********2345`,
		`"clientTimestamp":"20260101090000123"`:          `"clientTimestamp":"20260101090000123"`,
		`status 417, bankRefNo MOCK000000000001`:         `status 417, bankRefNo MOCK********0001`,
		`short 12345678`:                                 `short 12345678`,
		`{"access_token":"123456789012"}`:                `{"access_token":"` + TokenRedacted + `"}`,
	}
	for in, want := range cases {
		if got := AllNumbers(in); got != want {
			t.Errorf("AllNumbers(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
