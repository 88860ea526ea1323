package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/baseline"
)

// The outputs asserted here are README "Running nightly": a waiver is visible in every output, never hidden,
// and the verdict and the signed bundle say which baseline (name, SHA-256) was used.

// The synthetic run fails TG-SIG-02 (features/signing.feature:12) and passes TG-SIG-01.
func deviations(t *testing.T, src string) *baseline.File {
	t.Helper()
	f, err := baseline.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f.Name = "known-deviations.yaml"
	return f
}

var today = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func TestBaselineWaivesVisiblyAndRecordsItsHash(t *testing.T) {
	opts := testOptions(t)
	opts.Today = today
	opts.Baseline = deviations(t, `deviations:
  - {requirement: TG-SIG-02, reason: UAT accepts a changed body, reference: TINGEE-1234, expires: 2026-12-31}
  - {requirement: TG-SIG-01, reason: was refused in October, reference: TINGEE-1100, expires: 2026-12-31}
`)
	dir := t.TempDir()
	doc, err := WriteDocument(dir, syntheticRun(), opts)
	if err != nil {
		t.Fatal(err)
	}
	// The synthetic run's only other failure is TG-ERR-05, a should: a warning, not a failure.
	if doc.Verdict.Result != ConformantWithWarnings {
		t.Errorf("verdict %s, want CONFORMANT WITH WARNINGS once the only must failure is waived: %q", doc.Verdict.Result, doc.Verdict.Reasons)
	}
	if doc.Verdict.Baseline == nil || doc.Verdict.Baseline.SHA256 != opts.Baseline.SHA256 || doc.Verdict.Baseline.File != "known-deviations.yaml" {
		t.Errorf("verdict does not name the baseline: %+v", doc.Verdict.Baseline)
	}
	if got := doc.Baseline.Entries; got[0].Status != baseline.Waived || got[1].Status != baseline.Remove {
		t.Errorf("entries %+v: want waived, then remove this entry", got)
	}
	for _, sc := range doc.Scenarios {
		if sc.URI == "features/signing.feature:12" && (sc.Status != "failed" || sc.Waived != "TINGEE-1234") {
			t.Errorf("the waived scenario reads %s, waived %q: want still failed, waived by TINGEE-1234", sc.Status, sc.Waived)
		}
	}
	for _, r := range doc.Requirements {
		if r.Waived != (r.ID == "TG-SIG-02") {
			t.Errorf("requirement %s waived = %v", r.ID, r.Waived)
		}
	}
	// Visible in every human output, and the hash in the signed report.json.
	for name, want := range map[string]string{
		FileJSON:    `"sha256": "` + opts.Baseline.SHA256 + `"`,
		FileSummary: "| TG-SIG-02 | TINGEE-1234 | 2026-12-31 | waived |",
		FileHTML:    "waived by a known deviation (failed, not counted against the verdict): TG-SIG-02 (TINGEE-1234, until 2026-12-31)",
	} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	// Review of issues 13-14, N7: "left out of the count below" was false (the count said "1 failed"); the count
	// says which failures were waived, and B1: junit.xml gave a waived failure a plain <failure>, so a CI test
	// panel showed red for a green job. It is <skipped> (every JUnit reader knows it), its message saying WAIVED.
	summary, _ := os.ReadFile(filepath.Join(dir, FileSummary))
	if doc.Counts.Scenarios.Waived != 1 || !strings.Contains(string(summary), "1 failed (1 of them waived by known deviations: not counted against the verdict)") ||
		!strings.Contains(string(summary), "❌ failed — waived (known deviation) |") {
		t.Errorf("summary.md does not count the waived failure apart (counts %+v)", doc.Counts.Scenarios)
	}
	junit, _ := os.ReadFile(filepath.Join(dir, FileJUnit))
	if !strings.Contains(string(junit), `<skipped message="WAIVED by known deviation TINGEE-1234 (failed; does not fail the run): `) ||
		strings.Contains(string(junit), `<failure message=`) {
		t.Errorf("junit.xml does not mark the waived failure as skipped, WAIVED:\n%s", junit)
	}
	if !strings.Contains(strings.Join(doc.Verdict.Reasons, "\n"), "TG-SIG-01 (TINGEE-1100, until 2026-12-31) — its check now passes: remove this entry") {
		t.Errorf("no remove-this-entry reason: %q", doc.Verdict.Reasons)
	}
}

func TestExpiredDeviationWaivesNothing(t *testing.T) {
	opts := testOptions(t)
	opts.Today = today
	opts.Baseline = deviations(t, `deviations:
  - {requirement: TG-SIG-02, reason: UAT accepts a changed body, reference: TINGEE-1234, expires: 2026-11-30}
`)
	doc, err := Build(syntheticRun(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Verdict.Result != NotConformant {
		t.Errorf("verdict %s, want NOT CONFORMANT: an expired entry waives nothing", doc.Verdict.Result)
	}
	if j := Judge(syntheticRun(), opts); len(j.Expired) != 1 || j.Expired[0] != "TG-SIG-02" || j.ExitCode(false) != ExitFail {
		t.Errorf("Judge: expired %q, exit %d; want TG-SIG-02 and 1", j.Expired, j.ExitCode(false))
	}
	if !strings.Contains(strings.Join(doc.Verdict.Reasons, "\n"), "known deviation expired: TG-SIG-02") {
		t.Errorf("reasons do not name the expired entry: %q", doc.Verdict.Reasons)
	}
}

func TestNoBaselineNoTrace(t *testing.T) {
	doc, err := Build(syntheticRun(), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Baseline != nil || doc.Verdict.Baseline != nil || len(Judge(syntheticRun(), testOptions(t)).Expired) != 0 {
		t.Error("a run without --baseline records one")
	}
}

func TestWaiversComeFirstAmongTheReasons(t *testing.T) {
	opts := testOptions(t)
	opts.Today, opts.Subset = today, "@signing"
	opts.Baseline = deviations(t, "deviations:\n  - {requirement: TG-SIG-02, reason: r, reference: TINGEE-1234, expires: 2026-12-31}\n")
	doc, err := Build(syntheticRun(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := doc.Verdict.Reasons; len(r) < 3 || !strings.HasPrefix(r[0], "only the scenarios matching") || !strings.HasPrefix(r[1], "waived by a known deviation") {
		t.Errorf("reasons %q: want the subset, then the waiver, before the rest", r)
	}
}
