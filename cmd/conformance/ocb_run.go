package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/ocb/bundle"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/suite"
)

func init() {
	ocbCommands["run"] = command{summary: "run the OCB suite against the embedded OCB mock, sandbox, live or a URL", run: runOCBSuite}
}

// runOCBSuite runs profiles/ocb/suite against a target and writes its bundle.
// Exit 0 every @must passed, 1 one failed, 2 usage, 3 unreachable.
func runOCBSuite(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("run --profile ocb", "[--target mock|sandbox|live|URL] [--allow-live] [--mock-app] [--tags EXPR] [--format progress|pretty] [--seed N] [--timeout D] "+
		"[--report-dir DIR] [--probes F] [--unknown-account N] [--client-id ID] [--client-secret-file F] [--username U] [--password-file F] [--key F] [--cert F]")
	target := fs.String("target", "mock", "mock (the embedded OCB mock), sandbox, live, or a base URL")
	allowLive := fs.Bool("allow-live", false, "allow --target live")
	tags := fs.String("tags", "", "run only the scenarios matching this godog tag expression, e.g. '@must'")
	format := fs.String("format", "progress", "progress or pretty (godog's)")
	seed := fs.Int64("seed", 0, "scenario order (0: a new one, printed)")
	timeout := fs.Duration("timeout", 30*time.Second, "per request")
	reportDir := fs.String("report-dir", "", "where the bundle goes (default reports/ocb-<time>/)")
	probes := fs.String("probes", "", "per package, the operation to read (default: profiles/ocb/packages/packages.yaml)")
	unknown := fs.String("unknown-account", "0000000000", "an account number the target does not know (the 417 scenario)")
	cf := addOCBCredFlags(fs, c.getenv)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return c.errorf(exitUsage, "run: unexpected argument %q", fs.Arg(0))
	case runner.CheckFormat(*format) != nil:
		return c.errorf(exitUsage, "run: %v", runner.CheckFormat(*format))
	case *timeout <= 0:
		return c.errorf(exitUsage, "run: --timeout must be positive")
	case *target == "live" && !*allowLive:
		return c.errorf(exitUsage, "run: --target live is refused without --allow-live")
	}
	_, base, err := resolveTarget(ocb.Profile(), *target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if _, err := suite.Tags(*tags, base == ""); err != nil {
		return c.errorf(exitUsage, "run: --tags: %v", err)
	}
	pk, err := loadProbes(*probes)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	cr, err := cf.load(*target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	o := suite.Options{App: cr, Packages: pk, UnknownAccount: *unknown, Tags: *tags, Format: *format,
		Seed: *seed, Timeout: *timeout, Out: c.stdout, BaseURL: base}
	if base == "" {
		stop, url, err := serveLoopback("embedded OCB mock", mock.New(mock.Config{Packages: pk}))
		if err != nil {
			return c.errorf(exitUsage, "run: %v", err)
		}
		defer stop()
		o.BaseURL, o.MockApps = url, mockApps()
	}
	res, code := suite.Run(ctx, o)
	fmt.Fprintf(c.stdout, "seed %d; %s\n", res.Seed, tally(res))
	if code == suite.ExitConfig {
		return c.errorf(exitUsage, "run: no scenario ran (check --tags)")
	}
	dir := *reportDir
	if dir == "" {
		dir = filepath.Join("reports", "ocb-"+time.Now().UTC().Format("20060102-150405"))
	}
	if err := bundle.Write(dir, "results", res, runSummary(*target, res), cr.ClientSecret, cr.Password); err != nil {
		return c.errorf(exitUsage, "run: cannot write the bundle: %v", err)
	}
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}

// mockApps are the embedded mock's test apps by alias, for @mock-only scenarios.
func mockApps() map[string]suite.App {
	apps := map[string]suite.App{}
	for _, a := range mock.DefaultFixtures().Apps {
		apps[a.Alias] = mockAppCredentials(a)
	}
	return apps
}

func tally(r suite.Result) string {
	n := map[string]int{}
	for _, s := range r.Scenarios {
		n[s.Status]++
	}
	return fmt.Sprintf("%d scenarios: %d passed, %d failed (@must), %d warned (@should)", len(r.Scenarios), n["passed"], n["failed"], n["warned"])
}

// runSummary is the bundle's summary.md.
func runSummary(target string, r suite.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# OCB conformance run\n\nTarget: %s  \nSeed: %d  \n%s\n\n| status | level | source | scenario |\n|---|---|---|---|\n", target, r.Seed, tally(r))
	for _, s := range r.Scenarios {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", s.Status, s.Level, s.Source, strings.ReplaceAll(s.Name, "|", "/"))
	}
	return b.String()
}
