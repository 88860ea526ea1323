package report

import (
	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// Judgement is a run judged: its verdict (decided on the failures the
// baseline does not waive), the waived failures and the expired entries.
// Build, the console summary and the exit code all read this one judgement.
type Judgement struct {
	Verdict Verdict
	Waived  map[string]string // URI of a waived failure → the entry's reference
	Expired []string          // labels of the known-deviation entries that expired: each fails the run
	bl      *judgedBaseline
}

// Judge decides run's verdict with opts.Subset and opts.Baseline, as Build does.
func Judge(run evidence.Run, opts Options) Judgement {
	return judge(run, maskScenarios(run.Scenarios), opts)
}

// judge is Judge on the run's masked scenarios (for the warnings' texts).
func judge(run evidence.Run, masked []Scenario, opts Options) Judgement {
	bl := judgeBaseline(run, opts)
	kept, keptMasked := bl.unwaived(run, masked)
	j := Judgement{Verdict: decide(kept, keptMasked, opts.Subset), Waived: map[string]string{}, Expired: []string{}, bl: bl}
	if bl != nil {
		for _, sc := range run.Scenarios {
			if ref, ok := bl.Waived[sc.URI]; ok && sc.Status == evidence.Failed {
				j.Waived[sc.URI] = ref
			}
		}
		for _, e := range bl.Entries {
			if e.Status == baseline.Expired {
				j.Expired = append(j.Expired, e.Label())
			}
		}
	}
	return j
}

// Exit codes the verdict gives a run (README "Exit codes").
const (
	ExitOK          = 0 // CONFORMANT, or WITH WARNINGS without --strict
	ExitFail        = 1 // NOT CONFORMANT, INCOMPLETE, warnings under --strict, or an expired known deviation
	ExitConfig      = 2 // CREDENTIALS REJECTED
	ExitUnreachable = 3 // the target could not be reached (decided by the runner, before any verdict)
)

// ExitCode is the one rule from verdict to exit code: 0 for CONFORMANT and,
// without strict, CONFORMANT WITH WARNINGS; 2 for CREDENTIALS REJECTED; 1 for
// anything else (NOT CONFORMANT, INCOMPLETE, warnings under strict) and for an
// expired known deviation, which waives nothing and fails the run.
func (j Judgement) ExitCode(strict bool) int {
	switch r := j.Verdict.Result; {
	case r == CredentialsRejected:
		return ExitConfig
	case len(j.Expired) > 0:
		return ExitFail
	case r == Conformant, r == ConformantWithWarnings && !strict:
		return ExitOK
	}
	return ExitFail
}
