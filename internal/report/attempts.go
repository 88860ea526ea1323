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
	for _, sc := range doc.Scenarios {
		n := len(sc.Attempts) + 1
		switch {
		case len(sc.Attempts) == 0:
		case sc.Flaky:
			doc.Counts.Flaky++
			doc.Verdict.Reasons = append(doc.Verdict.Reasons,
				fmt.Sprintf("flaky: %s (%s) failed, then passed on attempt %d; every attempt is in its evidence", sc.Name, sc.URI, n))
		case sc.Status == evidence.Failed:
			doc.Verdict.Reasons = append(doc.Verdict.Reasons,
				fmt.Sprintf("broken, not flaky: %s (%s) failed on all %d attempts", sc.Name, sc.URI, n))
		}
	}
}
