package evidence

import "testing"

func TestRequirementIsTheFirstTGTag(t *testing.T) {
	cases := []struct {
		tags []string
		want string
	}{
		{[]string{"@doc-6.2.2", "@TG-SIG-01", "@TG-SIG-02", "@uat-safe"}, "TG-SIG-01"},
		{[]string{"@doc-6.2.2", "@uat-safe"}, ""},
		{nil, ""},
	}
	for _, tc := range cases {
		if got := (Scenario{Tags: tc.tags}).Requirement(); got != tc.want {
			t.Errorf("Requirement of %v = %q, want %q", tc.tags, got, tc.want)
		}
	}
}

// TestHashStringToSign pins the digest to the README's recipe:
// printf '%s' "$TIMESTAMP:$BODY" | sha256sum.
func TestHashStringToSign(t *testing.T) {
	const want = "a8b9f1f369b47d3c4947dd31e0797aa09d869064e5798063832a54410d86b564" // of "20250101120000000:{}"
	if got := HashStringToSign("20250101120000000", []byte("{}")); got != want {
		t.Errorf("HashStringToSign = %s, want %s", got, want)
	}
}
