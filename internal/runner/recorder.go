package runner

import (
	"context"
	"sync"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// recorder collects the scenarios as they end and shows each through the printer.
type recorder struct {
	print printer
	ctx   context.Context
	ended func(evidence.Scenario) // told of each scenario recorded, when set (--fail-fast)
	keep  func(uri string) bool   // when set, a scenario it refuses was not asked for: not recorded at all

	mu        sync.Mutex
	scenarios []evidence.Scenario
	notRun    []string
}

func (r *recorder) record(res steps.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := res.Scenario
	if r.keep != nil && !r.keep(s.URI) {
		return
	}
	if res.NotRun || (r.ctx.Err() != nil && s.Status != evidence.Passed) { // kept from running, or cut short by the interrupt
		r.notRun = append(r.notRun, s.Name+" ("+s.URI+")")
		if !res.NotRun {
			r.print.ended(len(r.scenarios), s, true)
		}
		return
	}
	r.scenarios = append(r.scenarios, s)
	if r.ended != nil {
		r.ended(s)
	}
	r.print.ended(len(r.scenarios), s, false)
}
