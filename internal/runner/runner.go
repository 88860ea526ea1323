// Package runner runs the Gherkin suite against one target and returns the
// evidence.Run the report is written from, with an exit code that tells a
// broken contract (1) from a configuration error (2) and an outage (3).
package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"time"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/progress"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// Exit codes of a run: the verdict's (report.Judgement.ExitCode), and 2 or 3 for a run that could not judge.
const (
	ExitOK          = report.ExitOK          // CONFORMANT, or CONFORMANT WITH WARNINGS without --strict
	ExitFail        = report.ExitFail        // NOT CONFORMANT or INCOMPLETE (interrupted, not run, harness error), --strict warnings, an expired known deviation
	ExitConfig      = report.ExitConfig      // bad options, credentials rejected, or nothing passed because every scenario was skipped
	ExitUnreachable = report.ExitUnreachable // the target could not be reached, or its answers kept breaking off or overflowing the size cap
)

// readRetries is how many times an idempotent read that failed at the
// transport level, or got a gateway's 502/503/504, is sent again
// (client.Client.Retries); writes never are.
const readRetries = 2

// errNoFeatures refuses options without the profile's features.
var errNoFeatures = errors.New("no features (Options.Features)")

// Environments a target is run as.
const (
	EnvMock    = "mock"
	EnvUAT     = "uat"
	EnvSandbox = "sandbox" // a profile's test gateway (OCB's), run as uat is
	EnvLive    = "live"
	EnvURL     = "url"
)

// Options configure one run.
type Options struct {
	BaseURL     string
	Environment string        // mock | uat | sandbox | live | url
	AllowLive   bool          // --allow-live: without it a live run is refused
	Signer      client.Signer // signs every request
	ClientID    string        // the client id the signer sends, recorded masked
	Suite       steps.Suite   // the profile's suite: its steps, its narrowing, its credentials probe
	Spec        *spec.Spec    // the profile's contract, required
	Features    fs.FS         // the profile's tree holding features/*.feature, required
	Tags        string        // the user's tag expression, godog's or Cucumber's syntax
	Paths       []string      // feature files or folders, or file:line of a scenario; all of features/ when empty
	FailFast    bool          // stop at the first scenario that fails the run (never at a warning); the rest are not run
	Format      string        // pretty (step by step) | progress (one line per scenario)
	Seed        int64         // scenario order; 0 picks one (printed)
	Timeout     time.Duration
	HTTP        *http.Client // sends every call; a fresh client when nil
	Out         io.Writer    // progress or pretty output, and the summary
	Terminal    bool         // Out is a terminal: the wait line is redrawn in place
	Colour      bool         // colour statuses on Out (a terminal without NO_COLOR)
	Err         io.Writer    // the one line naming a configuration error; Out when nil
	// UnreachableAfter: this many calls in a row failing at the transport level is an outage (default 5).
	UnreachableAfter int
	// RerunFailed runs each failed @uat-safe scenario again up to this many times (see rerunFailed).
	RerunFailed int
	// Strict makes a run whose only failures are should-level warnings exit 1 (--strict).
	Strict bool
	// Baseline (--baseline) waives the failures its live entries name: the
	// verdict, and so the exit code, is decided without them (report.Judge).
	Baseline *baseline.File
	// Subset names what narrowed the run (--tags, feature paths), shown with
	// the verdict; empty for the whole suite. The bundle must be written with the same.
	Subset string
	// PathFamily is the path family the suite sends: spec.PathsDocs (default) or spec.PathsSDK (--paths).
	PathFamily string
}

// Run runs the suite. Its Run is complete even when the exit code is not 0;
// it holds no scenario when the options were refused before the run.
func Run(ctx context.Context, o Options) (evidence.Run, int) {
	run := evidence.Run{ID: evidence.NewRunID(time.Now()), Suite: "api", Start: time.Now(), Target: client.ShownURL(o.BaseURL), Environment: o.Environment,
		ClientIDMasked: credentials.MaskID(o.ClientID)}
	out, errOut := o.Out, o.Err
	if out == nil {
		out = io.Discard
	}
	if errOut == nil {
		errOut = out
	}
	refuse := func(err error) (evidence.Run, int) { // before the run: one line, no scenario
		fmt.Fprintf(errOut, "conformance: %v\n", err)
		run.End = time.Now()
		return run, ExitConfig
	}
	tagExpr, err := tagsFor(o.Environment, o.AllowLive, o.Tags, o.Suite.Excluded)
	if err != nil {
		return refuse(err)
	}
	run.Tags = tagExpr
	if err := o.defaults(); err != nil {
		return refuse(err)
	}
	run.Seed = o.Seed
	fmt.Fprintf(out, "conformance: %s (%s) with seed %d (replay with --seed %d)\n", run.Target, o.Environment, o.Seed, o.Seed)

	p := &probe{threshold: o.UnreachableAfter}
	locs, err := steps.Locate(o.Features, featuresDir)
	if err != nil {
		return refuse(fmt.Errorf("features: %w", err))
	}
	paths := o.Paths
	if len(paths) == 0 {
		paths = []string{featuresDir}
	} else if err := checkPaths(sorted(locs), paths); err != nil {
		return refuse(err)
	}
	show := newPrinter(o.Format, out, o.Colour, o.Baseline)
	waits := &progress.Line{Out: out, Live: o.Terminal}
	ff := &failFast{on: o.FailFast, known: o.Baseline}
	rec := &recorder{print: show, ctx: ctx, ended: ff.ended}
	newClient := func() *client.Client {
		return &client.Client{BaseURL: o.BaseURL, Signer: o.Signer, HTTP: o.HTTP, Now: p.targetNow, Timeout: o.Timeout, Spec: o.Spec,
			Retries: readRetries, Observe: p.observe, Waiting: waits.Wait}
	}
	if o.Suite.Probe != nil {
		note := func(line string) { fmt.Fprintf(errOut, "note: %s\n", line) }
		switch sc, line, outcome := o.Suite.Probe(ctx, newClient(), o.Spec, o.PathFamily, note); outcome {
		case steps.ProbeStop:
			return refuse(errors.New(line))
		case steps.ProbeRejected:
			run.End, run.Scenarios, run.CredentialsRejected = time.Now(), []evidence.Scenario{sc}, line
			fmt.Fprintf(errOut, "conformance: %s\n", line)
			fmt.Fprintf(out, "exit %d: credentials rejected: no scenario ran\n", ExitConfig)
			return run, ExitConfig
		}
	}
	cfg := steps.Config{
		Spec:      o.Spec,
		NewClient: newClient,
		Paths:     o.PathFamily,
		Locations: locs,
		Gate:      gate(ctx, p, o.Environment, ff),
		Began:     show.began,
		Stepped:   show.stepped,
		Record:    rec.record,
	}
	godogPaths, rows := godogPaths(sorted(locs), paths)
	if rows { // an example row named: its outline's other rows stay out, unrecorded
		all, gate := sorted(locs), cfg.Gate
		cfg.Gate = func(ctx context.Context, tags []string) error {
			if i := slices.IndexFunc(all, func(l steps.Location) bool { return l.URI == steps.ScenarioURI(ctx) }); i < 0 || !selected(all[i], paths) {
				return errNotSelected
			}
			return gate(ctx, tags)
		}
		rec.keep = func(uri string) bool {
			i := slices.IndexFunc(all, func(l steps.Location) bool { return l.URI == uri })
			return i >= 0 && selected(all[i], paths)
		}
	}
	status := runGodog(ctx, o, cfg, tagExpr, godogPaths)
	run.Scenarios, run.NotRun = rec.scenarios, rec.notRun
	if o.RerunFailed > 0 {
		status = rerunFailed(ctx, o, cfg, tagExpr, &run, status)
	}

	run.End = time.Now()
	run.Interrupted = ctx.Err() != nil
	run.ClockSkew = p.clockSkew()
	if len(run.Scenarios) == 0 && len(run.NotRun) == 0 && !run.Interrupted {
		fmt.Fprintf(errOut, "conformance: --tags %q matched no scenario of this suite (run with %s)\n", o.Tags, tagExpr)
		return run, ExitConfig
	}
	j := report.Judge(run, report.Options{Baseline: o.Baseline, Subset: o.Subset})
	code := exitCode(run, j, status, p, o.Strict)
	if ff.stopped.Load() {
		fmt.Fprintf(out, "\nfail-fast: stopped at the first failure that fails the run; %d scenarios after it were not started\n", len(run.NotRun))
	}
	_, lastError := p.outage()
	Summarize(out, run, j, code, lastError)
	return run, code
}

// errNotSelected keeps an outline row the paths did not name from running.
var errNotSelected = errors.New("not among the example rows named")

// runGodog runs the scenarios under paths of o.Features (strict, in the
// seed's order, tags applied) with the steps configured by cfg; godog's status.
func runGodog(ctx context.Context, o Options, cfg steps.Config, tagExpr string, paths []string) int {
	return RunGodog(ctx, Godog{ // --fail-fast stops through the gate (failFast)
		Name: "conformance", FS: o.Features, Paths: paths, Tags: tagExpr, Seed: o.Seed,
		Initialize: func(sc *godog.ScenarioContext) { o.Suite.Initialize(sc, cfg) },
	})
}

// defaults fills what the caller left out and checks the rest.
func (o *Options) defaults() error {
	if o.Format == "" {
		o.Format = "progress"
	} else if err := CheckFormat(o.Format); err != nil {
		return err
	}
	switch o.PathFamily {
	case "":
		o.PathFamily = spec.PathsDocs
	case spec.PathsDocs, spec.PathsSDK:
	default:
		return fmt.Errorf("--paths %q: want %s or %s", o.PathFamily, spec.PathsDocs, spec.PathsSDK)
	}
	if o.BaseURL == "" {
		return fmt.Errorf("no target base URL")
	}
	switch {
	case o.Spec == nil:
		return errors.New("no contract (Options.Spec)")
	case o.Features == nil:
		return errNoFeatures
	case o.Suite.Steps == nil:
		return errors.New("no suite (Options.Suite)")
	}
	if o.Seed == 0 {
		o.Seed = time.Now().UnixNano()
	}
	if o.HTTP == nil {
		o.HTTP = &http.Client{}
	}
	if o.UnreachableAfter <= 0 {
		o.UnreachableAfter = 5
	}
	return nil
}

// exitCode: 3 for an outage, 2 for a godog option error or when every
// scenario was skipped (a skip is never a pass: nothing was shown), else the
// verdict's own exit code (report.Judgement.ExitCode): the one rule the
// console, the bundle and the process share. godog's status counts a
// warning as a failure, so it is not read beyond its option errors.
func exitCode(run evidence.Run, j report.Judgement, godogStatus int, p *probe, strict bool) int {
	if down, _ := p.outage(); down || p.everyCallFailed() {
		return ExitUnreachable
	}
	if godogStatus == 2 || everySkipped(run) {
		return ExitConfig
	}
	return j.ExitCode(strict)
}

// everySkipped says whether the run ended with scenarios, every one skipped.
func everySkipped(run evidence.Run) bool {
	if run.Interrupted || len(run.Scenarios) == 0 {
		return false
	}
	for _, s := range run.Scenarios {
		if s.Status != evidence.Skipped {
			return false
		}
	}
	return true
}
