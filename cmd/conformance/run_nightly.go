package main

import (
	"flag"
	"fmt"
	"io/fs"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/runner"
)

// nightlySynopsis lists the nightly flags of every profile's run for its synopsis.
const nightlySynopsis = "[--baseline FILE] [--rerun-failed N]"

// nightlyFlags are the flags of every profile's run that serve a scheduled job: known
// deviations and reruns of failed read-only scenarios.
type nightlyFlags struct {
	baselinePath string
	baseline     *baseline.File
	rerun        int
}

func addNightlyFlags(set *flag.FlagSet) *nightlyFlags {
	n := &nightlyFlags{}
	set.StringVar(&n.baselinePath, "baseline", "", "known deviations (YAML): failures they name are waived, shown but not failing the run; an expired entry fails it")
	set.IntVar(&n.rerun, "rerun-failed", 0, "run each failed @uat-safe scenario again up to N times: one that then passes is marked flaky")
	return n
}

// check validates the flags and reads the baseline, before the run; the
// baseline's requirements and scenarios must be those of the profile's suite
// (features: profile.Profile's Features).
func (n *nightlyFlags) check(features fs.FS) error {
	if n.rerun < 0 {
		return fmt.Errorf("--rerun-failed %d: want 0 or more", n.rerun)
	}
	if n.baselinePath == "" {
		return nil
	}
	f, err := baseline.Load(n.baselinePath)
	if err != nil {
		return err // "baseline: open PATH: …" or "baseline PATH line N: …"
	}
	ids, err := runner.Requirements(features)
	if err != nil {
		return err
	}
	scenarios := func(addr string) ([]string, error) { return runner.ScenarioURIs(features, addr) }
	if err := f.CheckNames(baseline.Suite{Requirements: ids, Scenario: scenarios}); err != nil {
		return fmt.Errorf("baseline %s %w", n.baselinePath, err)
	}
	n.baseline = f
	return nil
}
