package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/internal/term"
	"github.com/tingee-conformance/harness/profile"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

func init() {
	commands["run"] = command{summary: "run the conformance suite against the embedded mock, UAT, live or a URL (default)", run: runSuite}
}

// runSuite runs features/*.feature against a target and writes the report
// bundle. The exit code is the verdict's (report.Judgement.ExitCode: 0
// CONFORMANT, with warnings too unless --strict; 1 NOT CONFORMANT or
// INCOMPLETE), or 2 usage or configuration, 3 the target could not be reached.
func runSuite(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("run", "[--target mock|uat|live|URL] [--fixtures PATH] [--tags EXPR] [--format pretty|progress] [--seed N] "+
		"[--timeout D] [--otp-wait D] [--allow-live] [--client-id ID] [--secret-file PATH] [--strict] [--paths docs|sdk] "+planSynopsis+" "+
		reportFlagsSynopsis+" "+nightlySynopsis+" [features/FILE.feature[:LINE] …]")
	sf := addSuiteFlags(fs, suiteHelp{
		target:         "mock (the embedded mock on a free loopback port), uat, live, or a base URL",
		tags:           "run only the scenarios matching this tag expression, godog's ('@TG-SIG-01,@TG-LINK-01 && ~@needs-otp') or Cucumber's ('(@TG-SIG-01 or @TG-LINK-01) and not @needs-otp')",
		allowLive:      "allow --target live (then only @uat-safe scenarios run)",
		timeout:        "per request (an OTP confirmation may take the bank minutes)",
		timeoutDefault: time.Minute,
	})
	clientID := fs.String("client-id", "", "client id (default: $"+auth.EnvClientID+"; the embedded mock uses its test pair)")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+auth.EnvSecret+")")
	fixturesPath := fs.String("fixtures", "", "fixtures of the target (default: the embedded "+mock.FixturesPath+" for mock and URL targets, none for uat and live)")
	otpWait := fs.Duration("otp-wait", 5*time.Minute, "how long a prompt waits for an OTP typed on the terminal")
	pathFamily := fs.String("paths", spec.PathsDocs, "which paths the suite sends the bank group to: docs (/v1/<action>) or sdk (/v1/bank/<action>, as the official SDKs)")
	pf := addPlanFlags(fs)
	rf := addReportFlags(fs)
	nf := addNightlyFlags(fs)
	paths, code, ok := c.parseWithArgs(fs, args) // features/x.feature or features/x.feature:12, as godog takes them
	if !ok {
		return code
	}
	if err := sf.check(); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	switch {
	case *otpWait <= 0:
		return c.errorf(exitUsage, "run: --otp-wait must be positive")
	case *pathFamily != spec.PathsDocs && *pathFamily != spec.PathsSDK:
		return c.errorf(exitUsage, "run: --paths %q: want %s or %s", *pathFamily, spec.PathsDocs, spec.PathsSDK)
	}
	tg := tingee.Profile()
	if err := nf.check(tg.Features); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	planned := runner.Options{Features: tg.Features, Suite: suite.API(nil, nil), Tags: sf.tags, Paths: paths}
	if pf.list {
		return listScenarios(c, planned, false, "", webhookNote)
	}
	env, base, err := resolveTarget(tg, sf.target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if base, err = trimVersion(base); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	} else if base != strings.TrimRight(sf.target, "/") && env == runner.EnvURL { // a trailing "/" alone needs no note
		fmt.Fprintf(c.stderr, "note: --target %s: every path the suite sends starts with %s, so the base URL is %s\n", client.ShownURL(sf.target), apiPrefix, client.ShownURL(base))
	}
	if err := attestable(tg, rf.att.Environment, env, base); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := runner.CheckLive(env, sf.allowLive); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	planned.Environment, planned.AllowLive = env, sf.allowLive
	plan, err := runner.Plan(planned, true)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	} else if len(plan) == 0 {
		return c.errorf(exitUsage, "run: --tags %q and the paths given matched no scenario this target runs (see --list)", sf.tags)
	}
	fx, err := loadFixtures(*fixturesPath, env)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	out, errOut := consoleOf(c, fx)
	otp := &suite.OTPResolver{Getenv: c.getenv, In: c.stdin, Out: errOut, Wait: *otpWait}
	if err := otpReady(plan, *fixturesPath, fx, otp, c.stdinTerminal); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	creds, err := runCredentials(env, *clientID, *secretFile, c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := rf.check(reportSecret{"the secret token", creds.Secret}); err != nil { // before the run, not after it
		return c.errorf(exitUsage, "run: %v", err)
	}
	if pf.dryRun {
		return listScenarios(c, planned, true, client.ShownURL(sf.target), webhookNote)
	}
	if env == runner.EnvMock {
		stop, url, err := startMock(creds, fx)
		if err != nil {
			return c.errorf(exitUsage, "run: %v", err)
		}
		defer stop()
		base = url
	}

	contract, err := tg.Contract()
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	subset := sf.subset(paths)
	o := runner.Options{
		Baseline: nf.baseline, Subset: subset,
		BaseURL: base, Environment: env, Signer: hmacsign.Signer{Credentials: creds}, ClientID: creds.ClientID,
		Suite: suite.API(fx, otp), Spec: contract, Features: tg.Features,
		Paths: paths, FailFast: pf.failFast, Out: out, Err: errOut, RerunFailed: nf.rerun, PathFamily: *pathFamily,
		Terminal: term.Redraws(c.stdout, c.getenv), Colour: term.Colour(c.stdout, c.getenv),
	}
	sf.apply(&o)
	run, code := runner.Run(ctx, o)
	if code == runner.ExitConfig && len(run.Scenarios) == 0 && run.CredentialsRejected == "" {
		return exitUsage // refused before the run: there is nothing to report
	}
	dir, _, err := rf.write(tg, run, subset, nf.baseline) // judged as the runner judged it: the same verdict
	if err != nil {
		return c.errorf(exitUsage, "run: cannot write the report: %v", err)
	}
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}

// webhookNote says, when run's --tags or paths matched nothing, where
// Tingee's receiver scenarios run instead.
const webhookNote = "the @webhook-receiver ones are webhook-check's; "

// otpReady refuses, before any request, a plan with @needs-otp scenarios
// whose account (the fixtures' first: the one they link) has an OTP source
// that cannot deliver: those scenarios send create-va first, and on UAT that
// texts the account holder an OTP nobody can type in.
func otpReady(plan []steps.Location, path string, fx *fixtures.File, otp *suite.OTPResolver, terminal bool) error {
	if len(fx.Accounts) == 0 || !slices.ContainsFunc(plan, func(l steps.Location) bool { return slices.Contains(l.Tags, runner.TagNeedsOTP) }) {
		return nil
	}
	if err := otp.Ready(fx.Accounts[0], terminal); err != nil {
		return fmt.Errorf("fixtures: %s accounts, item 1, otp: %v; the %s scenarios would send create-va first (give the OTP another way, or add --tags 'not %s')",
			path, err, runner.TagNeedsOTP, runner.TagNeedsOTP)
	}
	return nil
}

// consoleOf wraps stdout and stderr in the report's masking (package mask),
// knowing the fixtures' personal numbers from the start, so that the console
// and a CI log show what the report shows.
func consoleOf(c *cli, fx *fixtures.File) (out, errOut io.Writer) {
	m := fixtureMasker(fx)
	return mask.Writer{W: c.stdout, M: m}, mask.Writer{W: c.stderr, M: m}
}

// fixtureMasker is a masker that knows the fixtures' account numbers,
// citizen ids and mobiles: their copies are masked wherever they show.
func fixtureMasker(fx *fixtures.File) *mask.Masker {
	m := &mask.Masker{}
	for _, a := range fx.Accounts {
		for _, v := range []string{a.AccountNumber, a.Identity, a.Mobile} {
			m.LearnValue(v)
		}
	}
	return m
}

// attestable refuses an --environment the target is not, for any profile:
// only a run against the profile's target that attests it (profile.Target's
// Attests: Tingee's uat and live, OCB's sandbox and live) certifies it; the
// embedded mock, a --mock-app URL (env mock: rehearsals) or any other URL
// certifies nothing.
func attestable(p profile.Profile, attested, env, base string) error {
	if attested == "" {
		return nil
	}
	t, ok := p.Attesting(attested)
	if !ok {
		return nil // reportFlags.check names the bad value
	}
	if env == runner.EnvMock {
		return fmt.Errorf("--environment %s: a run of the harness's mock is a rehearsal and certifies nothing; run against --target %s (%s)", attested, t.Name, t.BaseURL)
	}
	if strings.TrimRight(base, "/") != strings.TrimRight(t.BaseURL, "/") {
		return fmt.Errorf("--environment %s: --target %s is not %s's base URL %s (--target %s)", attested, client.ShownURL(base), attested, t.BaseURL, t.Name)
	}
	return nil
}

// apiPrefix starts every path of the contract (openapi.yaml).
const apiPrefix = "/v1"

// trimVersion takes a trailing /v1 (and slash) off a base URL: the suite's
// paths already start with it, and http://host/v1 would otherwise send to
// /v1/v1/…. A query or fragment has no place in a base URL.
func trimVersion(base string) (string, error) {
	if base == "" {
		return base, nil
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("--target %q: %v", base, err)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("--target %q: a base URL has no query or fragment", client.ShownURL(base))
	}
	u.Path = strings.TrimSuffix(strings.TrimRight(u.Path, "/"), apiPrefix)
	u.RawPath = ""
	return strings.TrimRight(u.String(), "/"), nil
}

// runCredentials: flags and the environment, or for the embedded mock its
// test pair, each half replaced by --client-id and --secret-file when given
// (the mock is then started with them; a missing or short file is refused).
func runCredentials(env, clientID, secretFile string, getenv func(string) string) (credentials.Credentials, error) {
	if env == runner.EnvMock {
		creds := auth.Mock()
		if clientID != "" {
			creds.ClientID = clientID
		}
		if secretFile != "" {
			secret, err := auth.LoadSecret(secretFile, getenv)
			if err != nil {
				return creds, err
			}
			creds.Secret = secret
		}
		return creds, nil
	}
	return auth.Load(credentials.Sources{ClientID: clientID, SecretFile: secretFile, Getenv: getenv})
}

// startMock serves the embedded mock on a free loopback port.
func startMock(creds credentials.Credentials, fx *fixtures.File) (stop func(), baseURL string, err error) {
	h, err := mock.New(mock.Config{ClientID: creds.ClientID, Secret: creds.Secret, Fixtures: fx, Control: true})
	if err != nil {
		return nil, "", err
	}
	return serveLoopback("embedded mock", h)
}
