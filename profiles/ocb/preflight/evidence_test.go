package preflight

import (
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// Each checklist line is one scenario as the report reads it: ✓ passed, ✗ a
// must failure, ⚠ a should failure (a warning), "cannot be checked" and "not
// checked" skipped with the line's reason; the guide step is the requirement.
func TestEvidenceOfTheChecklist(t *testing.T) {
	r := Result{Target: "t", ClientID: "****ab1e", Lines: []Line{
		{ID: "keys", Guide: "6", Status: Pass, Source: "[obs, oauth]"},
		{ID: "package:saving", Guide: "7", Status: Fail, Source: "[seed, apic]", WhyEN: "403", FixEN: "subscribe"},
		{ID: "clock", Guide: "-", Status: Warn, Source: "[?]", WhyEN: "3m apart"},
		{ID: "portal", Guide: "1-4", Status: Unchecked, Source: "[seed]", WhyEN: "behind the login"},
		{ID: "approval", Guide: "8-9", Status: NotChecked, Source: "[seed, oauth]", WhyEN: "no API user"},
	}}
	start := time.Now()
	run := r.Evidence("preflight-x", start, start, "mock")
	want := []struct {
		status, requirement, level, source string
		warned                             bool
	}{
		{evidence.Passed, "OCB-STEP-6", "must", "obs", false},
		{evidence.Failed, "OCB-STEP-7", "must", "seed", false},
		{evidence.Failed, "", "should", "unconfirmed", true},
		{evidence.Skipped, "OCB-STEP-1-4", "must", "seed", false},
		{evidence.Skipped, "OCB-STEP-8-9", "must", "seed", false},
	}
	if len(run.Scenarios) != len(want) || run.Suite != Suite || run.ID != "preflight-x" {
		t.Fatalf("%d scenarios, suite %q", len(run.Scenarios), run.Suite)
	}
	for i, w := range want {
		s := run.Scenarios[i]
		if s.Status != w.status || s.Requirement() != w.requirement || s.Level() != w.level || s.Source() != w.source || s.Warned() != w.warned {
			t.Errorf("line %d: %s %q %s %s warned=%v, want %+v", i, s.Status, s.Requirement(), s.Level(), s.Source(), s.Warned(), w)
		}
		if s.Status == evidence.Skipped && s.SkipReason == "" {
			t.Errorf("line %d skipped without a reason", i)
		}
	}
}
