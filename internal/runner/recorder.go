package runner

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// recorder collects the scenarios as they end and prints a progress line for each.
type recorder struct {
	out      io.Writer
	progress bool
	ctx      context.Context

	mu        sync.Mutex
	scenarios []evidence.Scenario
	notRun    []string
}

func (r *recorder) record(res steps.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := res.Scenario
	if res.NotRun || (r.ctx.Err() != nil && s.Status != evidence.Passed) { // cut short by the interrupt
		r.notRun = append(r.notRun, s.Name+" ("+s.URI+")")
		return
	}
	r.scenarios = append(r.scenarios, s)
	if r.progress {
		fmt.Fprintf(r.out, "%4d %-9s %s  %s (%s)\n", len(r.scenarios), s.Status, s.URI, s.Name, s.Duration.Round(time.Millisecond))
	}
}
