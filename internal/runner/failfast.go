package runner

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// errFailFast is why a scenario after --fail-fast stopped the run was not started.
var errFailFast = errors.New("not started: --fail-fast stopped the run at the first failure that fails it")

// failFast stops a run (--fail-fast) after the first scenario that fails it:
// a must-level failure the baseline does not waive, a harness error, or an
// undefined or pending step. A should-level warning never stops it. The
// scenarios after it are kept from starting by the gate and listed as not run,
// so the verdict can never read as a whole run.
type failFast struct {
	on      bool
	known   *baseline.File // --baseline: a failure it waives does not stop the run
	stopped atomic.Bool
}

// ended is told of each scenario as it ends.
func (f *failFast) ended(s evidence.Scenario) {
	if f.on && f.failsRun(s) {
		f.stopped.Store(true)
	}
}

// failsRun says whether s fails the run on its own.
func (f *failFast) failsRun(s evidence.Scenario) bool {
	switch {
	case s.HarnessError != "":
		return true
	case s.Warned(), s.Status == evidence.Passed, s.Status == evidence.Skipped:
		return false
	case s.Status == evidence.Failed:
		return !waives(f.known, s)
	}
	return true
}

// waives says whether known (--baseline, nil for none) waives the failure s today.
func waives(known *baseline.File, s evidence.Scenario) bool {
	if known == nil {
		return false
	}
	j := known.Judge([]baseline.Outcome{{URI: s.URI, Name: s.Name, Tags: s.Tags, Failed: true}}, time.Now())
	_, waived := j.Waived[s.URI]
	return waived
}

// err keeps a scenario from starting once the run was stopped.
func (f *failFast) err() error {
	if f.stopped.Load() {
		return errFailFast
	}
	return nil
}
