package report

import (
	"fmt"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// attachAttempts gives each scenario run again (--rerun-failed) its earlier
// attempts, masked like it, and marks the flaky ones; scenarios[i] is
// run.Scenarios[i] masked.
func attachAttempts(scenarios []Scenario, run []evidence.Scenario) {
	for i, sc := range run {
		if len(sc.Attempts) == 0 {
			continue
		}
		scenarios[i].Attempts = maskScenarios(sc.Attempts)
		scenarios[i].Flaky = sc.Flaky()
	}
}

// attemptReasons names, under the verdict, each scenario that was run again:
// flaky (failed, then passed: the failure was not the contract's to judge
// twice) or broken (failed every time).
func attemptReasons(doc *Document) {
	for _, r := range reruns(doc) {
		if r.Flaky {
			doc.Counts.Flaky++
			doc.Verdict.Reasons = append(doc.Verdict.Reasons,
				fmt.Sprintf("flaky: %s (%s) failed, then passed on attempt %d; every attempt is in its evidence", r.Scenario, r.URI, r.Attempts))
		} else {
			doc.Verdict.Reasons = append(doc.Verdict.Reasons,
				fmt.Sprintf("broken, not flaky: %s (%s) failed on all %d attempts", r.Scenario, r.URI, r.Attempts))
		}
	}
}

// Rerun is one scenario run again (--rerun-failed), as summary.md and
// report.html list it: flaky (failed, then passed) or broken (failed every time).
type Rerun struct {
	Scenario, URI string
	Attempts      int
	Flaky         bool
	Outcome       string
}

// reruns lists the scenarios run again, flaky or broken, in the report's order.
func reruns(doc *Document) []Rerun {
	var out []Rerun
	for _, sc := range doc.Scenarios {
		n := len(sc.Attempts) + 1
		switch {
		case len(sc.Attempts) == 0:
		case sc.Flaky:
			out = append(out, Rerun{sc.Name, sc.URI, n, true, fmt.Sprintf("flaky: failed, then passed on attempt %d (counted as passed)", n)})
		case sc.Status == evidence.Failed:
			out = append(out, Rerun{sc.Name, sc.URI, n, false, fmt.Sprintf("broken: failed on all %d attempts", n)})
		}
	}
	return out
}
