package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// A scenario that failed and then passed on a rerun is flaky, with both
// attempts in the evidence (README "Running nightly"); one that failed every time is broken.
func TestRerunAttemptsInTheReport(t *testing.T) {
	run := syntheticRun()
	first := run.Scenarios[1] // failed, with an account number in its exchange
	flaky := run.Scenarios[0]
	flaky.Attempts = []evidence.Scenario{first}
	broken := first
	broken.Attempts = []evidence.Scenario{first}
	run.Scenarios = []evidence.Scenario{flaky, broken}

	dir := t.TempDir()
	doc, err := WriteDocument(dir, run, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Scenarios[0].Flaky || doc.Scenarios[1].Flaky || doc.Counts.Flaky != 1 || len(doc.Scenarios[0].Attempts) != 1 {
		t.Fatalf("flaky %v/%v, count %d", doc.Scenarios[0].Flaky, doc.Scenarios[1].Flaky, doc.Counts.Flaky)
	}
	reasons := strings.Join(doc.Verdict.Reasons, "\n")
	for _, want := range []string{"flaky: A correctly signed confirm-va is accepted (features/signing.feature:5) failed, then passed on attempt 2",
		"broken, not flaky: A body byte changed after signing is refused (features/signing.feature:12) failed on all 2 attempts"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("reasons lack %q:\n%s", want, reasons)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, FileHTML))
	if !strings.Contains(string(html), `<span class="badge">flaky</span>`) || strings.Count(string(html), "<h4>Attempt 1: failed</h4>") != 2 {
		t.Error("report.html does not show the flaky badge and both earlier attempts")
	}
	// Review of issues 13-14, S5: summary.md (the job summary) never said flaky or broken, and report.html
	// never said broken; both list them in their own section, whatever the verdict's reasons cap shows.
	summary, _ := os.ReadFile(filepath.Join(dir, FileSummary))
	for name, text := range map[string]string{FileSummary: string(summary), FileHTML: string(html)} {
		for _, want := range []string{"Flaky and broken", "flaky: failed, then passed on attempt 2", "broken: failed on all 2 attempts"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	js, _ := os.ReadFile(filepath.Join(dir, FileJSON))
	if strings.Contains(string(js), accountNumber) {
		t.Error("an earlier attempt's account number is not masked in report.json")
	}
}
