package report

import (
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// EnvMock is evidence.Run.Environment for a run against the embedded mock.
const EnvMock = "mock"

// rehearsalNote is the banner of a run against the mock.
const rehearsalNote = "A rehearsal against the harness's own mock, not a certification: it shows the suite runs, " +
	"and says nothing of any bank's or partner's implementation."

// decide applies the rules in the package doc; masked are the run's
// scenarios, masked, for the warnings' texts. A subset (the user's tag
// filter) keeps the result but is named first among the reasons and in the
// headline, so that a partial run never reads as a whole certification.
func decide(run evidence.Run, masked []Scenario, subset string) Verdict {
	v := Verdict{Reasons: []string{}, NotVerified: []string{}, Warnings: []Warning{}, Subset: subset}
	switch {
	case run.Suite == ClientSuite: // its subject is the partner's client, which the mock observed
		v.Scope = clientScope
	case run.Environment == EnvMock:
		v.Rehearsal = rehearsalNote
	}
	if run.CredentialsRejected != "" {
		v.Result = CredentialsRejected
		v.Reasons = append(v.Reasons, run.CredentialsRejected)
		return v
	}
	var failed, passed int
	var incomplete []string
	for i, sc := range run.Scenarios {
		transport := transportErrors(sc)
		switch {
		case sc.HarnessError != "":
			incomplete = append(incomplete, "harness error (not the target's fault): "+sc.HarnessError)
		case sc.Warned() && transport == 0:
			v.Warnings = append(v.Warnings, warningOf(masked[i]))
		case sc.Status == evidence.Failed && transport == 0:
			failed++
			v.Reasons = append(v.Reasons, fmt.Sprintf("failed: %s (%s)", sc.Name, sc.URI))
		case sc.Status == evidence.Failed:
			incomplete = append(incomplete, fmt.Sprintf("no answer to judge (transport error): %s (%s)", sc.Name, sc.URI))
		case sc.Status == evidence.Undefined || sc.Status == evidence.Pending:
			incomplete = append(incomplete, fmt.Sprintf("%s step: %s (%s)", sc.Status, sc.Name, sc.URI))
		case sc.Status == evidence.Skipped && sc.SkipReason == "":
			incomplete = append(incomplete, fmt.Sprintf("skipped without a reason: %s (%s)", sc.Name, sc.URI))
		case sc.Status == evidence.Skipped:
			v.NotVerified = append(v.NotVerified, fmt.Sprintf("%s (%s): %s", sc.Name, sc.URI, sc.SkipReason))
		case sc.Status == evidence.Passed:
			passed++
		default:
			incomplete = append(incomplete, fmt.Sprintf("unknown status %q: %s (%s)", sc.Status, sc.Name, sc.URI))
		}
	}
	if run.Interrupted {
		incomplete = append(incomplete, "the run was interrupted")
	}
	for _, name := range run.NotRun {
		incomplete = append(incomplete, "did not run: "+name)
	}
	if passed == 0 && failed == 0 && len(v.Warnings) == 0 {
		incomplete = append(incomplete, "no scenario passed")
	}
	if subset != "" {
		v.Reasons = append([]string{"only the scenarios matching --tags " + subset + " ran: this is not a certification of the whole suite"}, v.Reasons...)
	}
	switch {
	case failed > 0:
		v.Result = NotConformant
		v.Reasons = append(v.Reasons, incomplete...)
	case len(incomplete) > 0:
		v.Result = Incomplete
		v.Reasons = append(v.Reasons, incomplete...)
	case len(v.Warnings) > 0:
		v.Result = ConformantWithWarnings
		v.Reasons = append(v.Reasons, fmt.Sprintf("every must-level check passed (%d scenarios); %d should-level check(s) warned", passed, len(v.Warnings)))
	default:
		v.Result = Conformant
		v.Reasons = append(v.Reasons, fmt.Sprintf("all %d scenarios that ran passed", passed))
	}
	return v
}

// Headline is the verdict as shown first: the result and, for a run narrowed
// by --tags, the filter, e.g. "CONFORMANT (subset: @TG-SIG-01)".
func (v Verdict) Headline() string {
	if v.Subset == "" {
		return v.Result
	}
	return v.Result + " (subset: " + v.Subset + ")"
}

// reasonsShown caps the reasons listed under the verdict, so that a run with
// many failures still shows its requirements, coverage and drift on the first
// screens; report.json keeps them all, and each failure has its own section.
const reasonsShown = 8

// briefReasons are the reasons listed under the verdict and how many more there are.
type briefReasons struct {
	Shown []string
	More  int
}

func (v Verdict) brief() briefReasons {
	if len(v.Reasons) <= reasonsShown {
		return briefReasons{Shown: v.Reasons}
	}
	return briefReasons{Shown: v.Reasons[:reasonsShown], More: len(v.Reasons) - reasonsShown}
}

// warningOf is a failed should-level scenario as a warning: its first step
// error split into what was expected and what came back, and why it only warns.
func warningOf(sc Scenario) Warning {
	id, _ := requirementOf(sc.Tags) // any suite's id (TG-…, CC-…), as the requirements table reads it
	w := Warning{Requirement: id, Scenario: sc.Name, URI: sc.URI, Source: sc.evidence().Source(), Why: sc.Warning}
	for _, st := range sc.Steps {
		if st.Error != "" {
			w.Expected, w.Got = splitExpectedGot(st.Error)
			break
		}
	}
	if w.Why == "" {
		w.Why = "the scenario is tagged @should: its source does not make it a rule"
	}
	return w
}

// splitExpectedGot splits a step's failure at its last "; got " (every
// failure message of the suite ends with what came back), leaving out what
// was sent.
func splitExpectedGot(msg string) (expected, got string) {
	if i := strings.LastIndex(msg, "; got "); i >= 0 {
		expected, got = msg[:i], msg[i+len("; got "):]
		if j := strings.Index(expected, "; sent "); j >= 0 {
			expected = expected[:j] // what was sent is in the evidence
		}
		return expected, got
	}
	return msg, "(see the scenario's evidence)"
}

func transportErrors(sc evidence.Scenario) int {
	n := 0
	for _, st := range sc.Steps {
		for _, x := range st.Exchanges {
			if x.TransportError != "" {
				n++
			}
		}
	}
	return n
}

// count sums scenarios, steps, exchanges and contract findings (drift is
// counted from the drift section).
func count(run evidence.Run) Counts {
	var c Counts
	for _, sc := range run.Scenarios {
		if sc.Warned() {
			c.Warnings++
			c.Scenarios.Total++
			c.Scenarios.Warned++
		} else {
			c.Scenarios.add(sc.Status)
		}
		for _, st := range sc.Steps {
			c.Steps.add(st.Status)
			for _, x := range st.Exchanges {
				c.Exchanges++
				if x.TransportError != "" {
					c.TransportErrors++
				}
				for _, f := range x.Findings {
					if !f.Drift {
						c.Findings++
					}
				}
			}
		}
	}
	c.Scenarios.NotRun = len(run.NotRun)
	c.Scenarios.Total += len(run.NotRun)
	return c
}

func (t *Tally) add(status string) {
	t.Total++
	switch status {
	case evidence.Passed:
		t.Passed++
	case evidence.Failed:
		t.Failed++
	case evidence.Skipped:
		t.Skipped++
	case evidence.Undefined:
		t.Undefined++
	case evidence.Pending:
		t.Pending++
	}
}
