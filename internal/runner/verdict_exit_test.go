package runner

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee"
)

// TestWarningsExitZeroUnlessStrict: a failed should-level scenario is a
// warning (exit 0, --strict 1); a failed must-level one, or a harness error, exits 1.
func TestWarningsExitZeroUnlessStrict(t *testing.T) {
	passed := evidence.Scenario{Status: evidence.Passed, Tags: []string{"@must"}}
	warned := evidence.Scenario{Status: evidence.Failed, Tags: []string{"@should"}}
	broken := evidence.Scenario{Status: evidence.Failed, Tags: []string{"@must"}}
	harness := evidence.Scenario{Status: evidence.Failed, Tags: []string{"@should"}, HarnessError: "x.feature:3: unknown operation"}
	for _, c := range []struct {
		name      string
		scenarios []evidence.Scenario
		strict    bool
		want      int
	}{
		{"a warning", []evidence.Scenario{passed, warned}, false, ExitOK},
		{"a warning under --strict", []evidence.Scenario{passed, warned}, true, ExitFail},
		{"only a warning", []evidence.Scenario{warned}, false, ExitOK},
		{"a must failure", []evidence.Scenario{passed, warned, broken}, false, ExitFail},
		{"a harness error", []evidence.Scenario{passed, harness}, false, ExitFail},
		{"all passed under --strict", []evidence.Scenario{passed}, true, ExitOK},
	} {
		run := evidence.Run{Scenarios: c.scenarios}
		if got := exitCode(run, report.Judge(run, report.Options{}), 1, &probe{threshold: 5}, c.strict); got != c.want {
			t.Errorf("%s: exit %d, want %d", c.name, got, c.want)
		}
	}
}

// TestAHarnessErrorIsIncompleteNotTheTargets: a feature naming an operation
// openapi.yaml lacks ends that scenario as a harness error: the verdict is
// INCOMPLETE, naming the feature line and the cause, never NOT CONFORMANT.
func TestAHarnessErrorIsIncompleteNotTheTargets(t *testing.T) {
	features := fstest.MapFS{"features/typo.feature": {Data: []byte(`Feature: a typo
  @TG-TYP-01 @must @src-doc @uat-safe
  Scenario: an operation misspelt
    Given a valid "confirmVA" request
    When it is sent correctly signed
    Then the signature is accepted

  @TG-TYP-02 @must @src-doc @uat-safe
  Scenario: a real one
    Given a valid "getBanks" request
    When it is sent correctly signed
    Then the signature is accepted
`)}}
	var out bytes.Buffer
	o := options(mockURL(t), EnvURL, "", &out)
	o.Features = features
	run, code := Run(context.Background(), o)
	if code != ExitFail {
		t.Fatalf("exit %d, want 1\n%s", code, out.String())
	}
	ro, err := tingee.Profile().ReportOptions()
	if err != nil {
		t.Fatal(err)
	}
	ro.Features = features
	doc, err := report.Build(run, ro)
	if err != nil {
		t.Fatal(err)
	}
	reasons := strings.Join(doc.Verdict.Reasons, "\n")
	if doc.Verdict.Result != report.Incomplete || !strings.Contains(reasons, "harness error") ||
		!strings.Contains(reasons, "features/typo.feature:3") || !strings.Contains(reasons, `operation "confirmVA"`) {
		t.Errorf("verdict %s, reasons:\n%s", doc.Verdict.Result, reasons)
	}
	if !strings.Contains(out.String(), "HARNESS ERROR features/typo.feature:3") {
		t.Errorf("the console does not name the harness error:\n%s", out.String())
	}
}
