// Package steps is what every profile's godog suite shares: the Config the
// runner hands a suite, the recorder that turns godog's hooks into evidence
// (one scenario status rule, harness errors apart from the target's), the
// scenarios' locations in their feature files, and the tag filter. A
// profile's own step definitions (profiles/<name>/steps) register on top of
// it; internal/runner is the only place a godog suite is built.
package steps

import (
	"context"
	"strings"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/spec"
)

// Config is what a suite's steps get from the runner (or from a test).
type Config struct {
	Spec *spec.Spec
	// NewClient makes the signed client a scenario talks to the target with.
	NewClient func() *client.Client
	// Locations gives each scenario its feature name and file:line (see Locate); optional.
	Locations Locations
	// Gate, when it returns an error, keeps a scenario (given its tags) from
	// running: interrupt, outage, or a tag the target forbids.
	Gate func(ctx context.Context, tags []string) error
	// Began, when set, is told of each scenario Gate let run, before its first step.
	Began func(evidence.Scenario)
	// Stepped, when set, receives each step of a scenario Gate let run, as it ends.
	Stepped func(evidence.Step)
	// Record receives every scenario once it is over.
	Record func(Result)
	// Paths is the path family requests are sent to: spec.PathsDocs ("" too)
	// or spec.PathsSDK (spec.Operation.PathIn).
	Paths string
}

// Result is one finished (or never run) scenario.
type Result struct {
	Scenario evidence.Scenario
	NotRun   bool // kept from running by Config.Gate; Scenario.SkipReason says why
}

// Suite is a profile's suite as the runner runs it.
type Suite struct {
	// Steps registers the profile's step definitions (and its own hooks) on
	// a scenario; the recorder's hooks are registered before them.
	Steps func(sc *godog.ScenarioContext, cfg Config)
	// Excluded narrows every run to this suite: a godog tag group the
	// profile's features/ holds for another suite ("~@webhook-receiver"),
	// "" for none.
	Excluded string
	// Probe, when set, is sent once before the suite; it may note a fact
	// on the console. ProbeRejected: the target refused the run's
	// credentials, the suite does not run and line (naming what to check)
	// ends the run, sc its evidence; ProbeStop: the run is refused (exit 2)
	// with line, nothing to report.
	Probe func(ctx context.Context, c *client.Client, sp *spec.Spec, paths string, note func(string)) (sc evidence.Scenario, line string, outcome ProbeOutcome)
}

// ProbeOutcome is what a suite's probe before the run found.
type ProbeOutcome int

// The probe's outcomes.
const (
	ProbeOK       ProbeOutcome = iota // go on: the suite's own scenarios judge the answer
	ProbeRejected                     // the credentials were refused: CREDENTIALS REJECTED, with the probe as a scenario
	ProbeStop                         // the base URL or the clock is wrong: stop, exit 2, nothing to report
)

// Initialize registers the recorder's hooks, then the suite's steps, on sc.
func (s Suite) Initialize(sc *godog.ScenarioContext, cfg Config) {
	registerHooks(sc, cfg)
	s.Steps(sc, cfg)
}

// TagFilter narrows a user's godog tag expression with more groups. godog's
// expressions are "&&"-joined groups of ","-joined alternatives, so
// appending a group narrows any expression; empty groups are left out.
func TagFilter(user string, more ...string) string {
	var groups []string
	if strings.TrimSpace(user) != "" {
		groups = append(groups, user)
	}
	for _, g := range more {
		if g != "" {
			groups = append(groups, g)
		}
	}
	return strings.Join(groups, " && ")
}
