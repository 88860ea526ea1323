package runner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// TestLiveLineSaysWaived: a failure the baseline (--baseline) waives reads
// WAIVED on the live line, as the closing summary says it, in both console
// formats; a failure it does not name still reads failed.
func TestLiveLineSaysWaived(t *testing.T) {
	known, err := baseline.Parse([]byte("deviations:\n  - {requirement: TG-SIG-02, reason: UAT accepts a changed body, reference: TINGEE-1234, expires: 2099-12-31}\n"))
	if err != nil {
		t.Fatal(err)
	}
	waived := evidence.Scenario{URI: "features/signing.feature:12", Name: "changed body", Tags: []string{"@TG-SIG-02"}, Status: evidence.Failed}
	other := evidence.Scenario{URI: "features/signing.feature:20", Name: "changed path", Tags: []string{"@TG-SIG-03"}, Status: evidence.Failed}
	for _, format := range []string{"progress", "pretty"} {
		var out bytes.Buffer
		p := newPrinter(format, &out, false, known)
		p.ended(1, waived, false)
		p.ended(2, other, false)
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], "WAIVED") || strings.Contains(lines[0], "failed") || !strings.Contains(lines[1], "failed") {
			t.Errorf("%s: live lines %q, want WAIVED for the waived failure and failed for the other", format, lines)
		}
	}
}
