package evidence

import "testing"

// Every suite's requirement tags read one way (issue 11): Tingee's @TG-…,
// certify-client's CC-… (tags without @), OCB's @OCB-…; level, source and
// doc tags are not requirements.
func TestRequirementIsTheFirstRequirementTag(t *testing.T) {
	cases := []struct {
		tags []string
		want string
	}{
		{[]string{"@doc-6.2.2", "@TG-SIG-01", "@TG-SIG-02", "@uat-safe"}, "TG-SIG-01"},
		{[]string{"@doc-6.2.2", "@uat-safe"}, ""},
		{nil, ""},
		{[]string{"@should", "CC-HDR-04"}, "CC-HDR-04"},
		{[]string{"@must", "@src-obs", "@OCB-TOK-01"}, "OCB-TOK-01"},
		{[]string{"@mock-only", "@src-unconfirmed", "@webhook-receiver", "@tg-sig-01"}, ""},
	}
	for _, tc := range cases {
		if got := (Scenario{Tags: tc.tags}).Requirement(); got != tc.want {
			t.Errorf("Requirement of %v = %q, want %q", tc.tags, got, tc.want)
		}
	}
}
