package runner

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tingee-conformance/harness/internal/report"
)

// scenarioText is one scenario of a test feature: a changed body must be
// refused (the mock refuses it, so "is accepted" fails), or a good request accepted.
func scenarioText(id, level, when, then string) string {
	return "\n  @" + id + " @" + level + " @src-doc @uat-safe\n  Scenario: " + id + "\n" +
		"    Given a valid \"getBanks\" request\n    When " + when + "\n    Then " + then + "\n"
}

const (
	goodRequest = "it is sent correctly signed"
	badRequest  = "it is sent with one body byte changed after signing"
	accepted    = "the signature is accepted"
)

// failFastRun runs the scenarios (one feature) with --fail-fast and judges the run as the bundle does.
func failFastRun(t *testing.T, scenarios ...string) (report.Judgement, []string, int, string) {
	t.Helper()
	features := fstest.MapFS{"features/ff.feature": {Data: []byte("Feature: fail fast\n" + strings.Join(scenarios, ""))}}
	var out bytes.Buffer
	o := options(mockURL(t), EnvURL, "", &out)
	o.Features, o.FailFast, o.Seed = features, true, 7
	run, code := Run(context.Background(), o)
	return report.Judge(run, report.Options{}), run.NotRun, code, out.String()
}

// Review of issues 13-14, blocker B2: --fail-fast stopped at a should-level
// warning, left 99 % of the run unstarted and still reported CONFORMANT WITH
// WARNINGS with "0 not run". A warning never stops the run (README "--fail-fast").
func TestFailFastDoesNotStopAtAWarning(t *testing.T) {
	j, notRun, code, out := failFastRun(t,
		scenarioText("TG-FF-01", "should", badRequest, accepted),
		scenarioText("TG-FF-02", "must", goodRequest, accepted),
		scenarioText("TG-FF-03", "must", goodRequest, accepted))
	if j.Verdict.Result != report.ConformantWithWarnings || len(notRun) != 0 || code != ExitOK || strings.Contains(out, "fail-fast: stopped") ||
		!strings.Contains(out, "\n3 scenarios: 2 passed, 0 failed, 0 skipped, 1 warned") {
		t.Fatalf("verdict %s, %d not run, exit %d; want WITH WARNINGS, 0 not run, exit 0\n%s", j.Verdict.Result, len(notRun), code, out)
	}
}

// Review of issues 13-14, blocker B2: when a must-level failure stops the
// run, the scenarios not started are listed as not run, and the console says so.
func TestFailFastListsWhatItDidNotStart(t *testing.T) {
	j, notRun, code, out := failFastRun(t,
		scenarioText("TG-FF-01", "must", badRequest, accepted),
		scenarioText("TG-FF-02", "must", badRequest, accepted),
		scenarioText("TG-FF-03", "must", badRequest, accepted))
	if j.Verdict.Result != report.NotConformant || len(notRun) != 2 || code != ExitFail ||
		!strings.Contains(out, "fail-fast: stopped at the first failure that fails the run; 2 scenarios after it were not started") ||
		!strings.Contains(out, "verdict: NOT CONFORMANT\n") || !strings.Contains(out, "exit 1: the target broke the contract") {
		t.Fatalf("verdict %s, not run %q, exit %d; want NOT CONFORMANT, 2 not run, exit 1\n%s", j.Verdict.Result, notRun, code, out)
	}
	if !strings.Contains(strings.Join(j.Verdict.Reasons, "\n"), "did not run: TG-FF-0") {
		t.Errorf("the verdict does not list what was not started: %q", j.Verdict.Reasons)
	}
}
