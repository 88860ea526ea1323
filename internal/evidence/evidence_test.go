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
