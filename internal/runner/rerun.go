package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// errNotRerun keeps every scenario but the ones being run again from running.
var errNotRerun = errors.New("not among the failed scenarios run again")

// rerunnable says whether a scenario may run again: it failed and only
// reads (@uat-safe, neither @destructive nor @needs-otp), so a second
// attempt changes nothing on the target.
func rerunnable(sc evidence.Scenario) bool {
	return sc.Status == evidence.Failed && slices.Contains(sc.Tags, TagUATSafe) &&
		!slices.Contains(sc.Tags, TagDestructive) && !slices.Contains(sc.Tags, TagNeedsOTP)
}

// rerunFailed runs each rerunnable failed scenario of run again, up to
// o.RerunFailed times, until it passes. Each new attempt takes the
// scenario's place in run, the earlier ones kept in its Attempts: one that
// passed is flaky, one that failed every time is broken. It returns godog's
// status for the whole run: 0 once no scenario is left failing after a
// status of 1.
func rerunFailed(ctx context.Context, o Options, cfg steps.Config, tagExpr string, run *evidence.Run, status int) int {
	for round := 1; round <= o.RerunFailed && ctx.Err() == nil; round++ {
		todo := map[string]int{} // URI → index in run.Scenarios
		files := map[string]bool{}
		for i, sc := range run.Scenarios {
			if rerunnable(sc) {
				todo[sc.URI] = i
				file, _, _ := strings.Cut(sc.URI, ":")
				files[file] = true
			}
		}
		if len(todo) == 0 {
			break
		}
		fmt.Fprintf(o.Out, "rerun %d of %d: %d failed @uat-safe scenario(s)\n", round, o.RerunFailed, len(todo))
		show := newPrinter(o.Format, o.Out, o.Colour, o.Baseline)
		rec := &recorder{print: show, ctx: ctx}
		again := cfg
		again.Began, again.Stepped, again.Record = show.began, show.stepped, rec.record
		again.Gate = func(ctx context.Context, tags []string) error {
			if _, ok := todo[steps.ScenarioURI(ctx)]; !ok {
				return errNotRerun
			}
			return cfg.Gate(ctx, tags)
		}
		paths := make([]string, 0, len(files))
		for f := range files {
			paths = append(paths, f)
		}
		sort.Strings(paths)
		runGodog(ctx, o, again, tagExpr, paths)
		for _, sc := range rec.scenarios {
			i, ok := todo[sc.URI]
			if !ok {
				continue
			}
			prev := run.Scenarios[i]
			sc.Attempts = append(prev.Attempts, prev)
			sc.Attempts[len(sc.Attempts)-1].Attempts = nil
			run.Scenarios[i] = sc
		}
	}
	reportAttempts(o.Out, run.Scenarios)
	if status == 1 && !slices.ContainsFunc(run.Scenarios, func(sc evidence.Scenario) bool { return sc.Status != evidence.Passed && sc.Status != evidence.Skipped }) {
		return 0
	}
	return status
}

// reportAttempts prints, after the reruns, which scenarios were flaky and which broken.
func reportAttempts(out io.Writer, scenarios []evidence.Scenario) {
	var flaky, broken []string
	for _, sc := range scenarios {
		switch {
		case sc.Flaky():
			flaky = append(flaky, sc.URI)
		case len(sc.Attempts) > 0:
			broken = append(broken, sc.URI)
		}
	}
	if len(flaky)+len(broken) == 0 {
		return
	}
	fmt.Fprintf(out, "rerun: %d flaky (passed when run again): %s; %d broken (failed every attempt): %s\n",
		len(flaky), orNone(flaky), len(broken), orNone(broken))
}

func orNone(uris []string) string {
	if len(uris) == 0 {
		return "none"
	}
	return strings.Join(uris, ", ")
}
