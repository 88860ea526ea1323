package main

import (
	"context"
	"crypto/x509"
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/internal/term"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/suite"
)

func init() {
	ocbCommands["run"] = command{summary: "run the OCB suite against the embedded OCB mock, sandbox, live or a URL", run: runOCBSuite}
}

// runOCBSuite runs profiles/ocb/suite against a target through
// internal/runner and writes the report bundle (internal/report), as Tingee's
// run does. The exit code is the verdict's (report.Judgement.ExitCode: 0
// CONFORMANT, with warnings too unless --strict; 1 NOT CONFORMANT or
// INCOMPLETE), or 2 usage or CREDENTIALS REJECTED, 3 the target could not be reached.
func runOCBSuite(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("run --profile ocb", "[features/x.feature[:LINE] ...] [--target mock|sandbox|live|URL] [--allow-live] [--mock-app] [--tags EXPR] [--format progress|pretty] [--seed N] [--timeout D] [--strict] "+
		"[--probes F] [--unknown-account N] [--client-id ID] [--client-secret-file F] [--username U] [--password-file F] [--key F] [--cert F] "+
		planSynopsis+" "+reportFlagsSynopsis+" "+nightlySynopsis)
	sf := addSuiteFlags(fs, suiteHelp{
		target:         "mock (the embedded OCB mock), sandbox, live, or a base URL",
		tags:           "run only the scenarios matching this tag expression, godog's or Cucumber's, e.g. '@must'",
		allowLive:      "allow --target live (then only @uat-safe scenarios run)",
		timeout:        "per request",
		timeoutDefault: 30 * time.Second,
	})
	probes := fs.String("probes", "", "per package, the operation to read (default: profiles/ocb/packages/packages.yaml)")
	unknown := fs.String("unknown-account", "0000000000", "an account number the target does not know (the 417 scenario)")
	cf := addOCBCredFlags(fs, c.getenv)
	pf := addPlanFlags(fs)
	rf := addReportFlags(fs)
	nf := addNightlyFlags(fs)
	paths, code, ok := c.parseWithArgs(fs, args) // features/x.feature or features/x.feature:12, the addresses run prints
	if !ok {
		return code
	}
	if err := sf.check(); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	p := ocb.Profile()
	if err := nf.check(p.Features); err != nil { // OCB's requirement ids and scenario addresses
		return c.errorf(exitUsage, "run: %v", err)
	}
	planned := runner.Options{Features: p.Features, Suite: suite.Suite(suite.Options{}), Tags: sf.tags, Paths: paths}
	if pf.list {
		return listScenarios(c, planned, false, "", "")
	}
	env, base, err := resolveTarget(p, sf.target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := runner.CheckLive(env, sf.allowLive); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	planned.Environment, planned.AllowLive = env, sf.allowLive
	if plan, err := runner.Plan(planned, true); err != nil { // a path naming no scenario: refused before anything starts
		return c.errorf(exitUsage, "run: %v", err)
	} else if len(plan) == 0 {
		return c.errorf(exitUsage, "run: --tags %q and the paths given matched no scenario this target runs (see --list)", sf.tags)
	}
	env = cf.rehearsal(env)
	if err := attestable(p, rf.att.Environment, env, base); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	pk, err := loadProbes(*probes)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	cr, err := cf.load(sf.target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := rf.check(ocbSecrets(cr)...); err != nil { // before the run, not after it
		return c.errorf(exitUsage, "run: %v", err)
	}
	if pf.dryRun {
		return listScenarios(c, planned, true, client.ShownURL(sf.target), "")
	}
	o := suite.Options{App: cr, Packages: pk, UnknownAccount: *unknown}
	if base == "" {
		o.MockApps = mockApps()
		stop, url, err := serveLoopback("embedded OCB mock", mock.New(mock.Config{Packages: pk}))
		if err != nil {
			return c.errorf(exitUsage, "run: %v", err)
		}
		defer stop()
		base = url
	}
	contract, err := p.Contract()
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	subset := sf.subset(paths)
	ro := runner.Options{
		BaseURL: base, Environment: env, ClientID: cr.ClientID,
		Suite: suite.Suite(o), Spec: contract, Features: p.Features, Subset: subset,
		Baseline: nf.baseline, FailFast: pf.failFast, RerunFailed: nf.rerun,
		Paths: paths, Out: c.stdout, Err: c.stderr,
		Terminal: term.Redraws(c.stdout, c.getenv), Colour: term.Colour(c.stdout, c.getenv),
	}
	sf.apply(&ro)
	run, code := runner.Run(ctx, ro)
	if code == runner.ExitConfig && len(run.Scenarios) == 0 && run.CredentialsRejected == "" {
		return exitUsage // refused before the run: there is nothing to report
	}
	dir, _, err := rf.write(p, run, subset, nf.baseline) // judged as the runner judged it: the same verdict
	if err != nil {
		return c.errorf(exitUsage, "run: cannot write the report: %v", err)
	}
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}

// ocbSecrets are what an OCB bundle is scrubbed of: the client secret, the
// API user's password, and the private key (its PKCS #8 form, as a JSON
// encoding of its bytes would show it). Tokens are redacted where they are
// recorded (profiles/ocb/suite, package mask).
func ocbSecrets(cr creds.Credentials) []reportSecret {
	out := []reportSecret{{"the client secret (" + creds.EnvClientSecret + ")", cr.ClientSecret}, {"the password (" + creds.EnvPassword + ")", cr.Password}}
	if cr.Key != nil {
		if der, err := x509.MarshalPKCS8PrivateKey(cr.Key); err == nil {
			out = append(out, reportSecret{"the private key", credentials.Secret(der)})
		}
	}
	return out
}

// mockApps are the embedded mock's test apps by alias, for @mock-only scenarios.
func mockApps() map[string]suite.App {
	apps := map[string]suite.App{}
	for _, a := range mock.DefaultFixtures().Apps {
		apps[a.Alias] = mockAppCredentials(a)
	}
	return apps
}
