package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/fixtures"
	"github.com/tingee-conformance/harness/internal/mock"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

func init() {
	commands["run"] = command{summary: "run the conformance suite against the embedded mock, UAT, live or a URL (default)", run: runSuite}
}

// Base URLs of Tingee's environments.
var targets = map[string]string{
	runner.EnvUAT:  "https://uat-open-api.tingee.vn",
	runner.EnvLive: "https://open-api.tingee.vn",
}

// runSuite runs features/*.feature against a target and writes the report
// bundle. Exit 0 all passed, 1 contract broken (or interrupted), 2 usage or
// configuration, 3 the target could not be reached.
func runSuite(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("run", "[--target mock|uat|live|URL] [--fixtures PATH] [--tags EXPR] [--format pretty|progress] [--seed N] "+
		"[--timeout D] [--otp-wait D] [--allow-live] [--client-id ID] [--secret-file PATH] [--strict] [--paths docs|sdk] "+reportFlagsSynopsis)
	target := fs.String("target", runner.EnvMock, "mock (the embedded mock on a free loopback port), uat, live, or a base URL")
	clientID := fs.String("client-id", "", "client id (default: $"+credentials.EnvClientID+"; the embedded mock uses its test pair)")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+credentials.EnvSecret+")")
	fixturesPath := fs.String("fixtures", "", "fixtures of the target (default: the embedded "+mock.FixturesPath+" for mock and URL targets, none for uat and live)")
	tags := fs.String("tags", "", "run only the scenarios matching this godog tag expression, e.g. '@TG-SIG-01,@TG-LINK-01 && ~@needs-otp'")
	timeout := fs.Duration("timeout", time.Minute, "per request (an OTP confirmation may take the bank minutes)")
	otpWait := fs.Duration("otp-wait", 5*time.Minute, "how long a prompt waits for an OTP typed on the terminal")
	format := fs.String("format", "progress", "pretty (godog's, step by step) or progress (one line per scenario)")
	seed := fs.Int64("seed", 0, "scenario order (0: a new one, printed)")
	allowLive := fs.Bool("allow-live", false, "allow --target live (then only @uat-safe scenarios run)")
	strict := fs.Bool("strict", false, "exit 1 when should-level checks warned (CONFORMANT WITH WARNINGS)")
	paths := fs.String("paths", spec.PathsDocs, "which paths the suite sends the bank group to: docs (/v1/<action>) or sdk (/v1/bank/<action>, as the official SDKs)")
	rf := addReportFlags(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return c.errorf(exitUsage, "run: unexpected argument %q", fs.Arg(0))
	case *format != "pretty" && *format != "progress":
		return c.errorf(exitUsage, "run: --format %q: want pretty or progress", *format)
	case *timeout <= 0 || *otpWait <= 0:
		return c.errorf(exitUsage, "run: --timeout and --otp-wait must be positive")
	case *paths != spec.PathsDocs && *paths != spec.PathsSDK:
		return c.errorf(exitUsage, "run: --paths %q: want %s or %s", *paths, spec.PathsDocs, spec.PathsSDK)
	}
	env, base, err := resolveTarget(*target)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := attestable(rf.att.Environment, env, base); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if env == runner.EnvLive && !*allowLive {
		return c.errorf(exitUsage, "run: --target live is refused without --allow-live (and then only @uat-safe scenarios run)")
	}
	fx, err := loadFixtures(*fixturesPath, env)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	creds, err := runCredentials(env, *clientID, *secretFile, c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if err := rf.check(creds.Secret); err != nil { // before the run, not after it
		return c.errorf(exitUsage, "run: %v", err)
	}
	if env == runner.EnvMock {
		stop, url, err := startMock(creds, fx)
		if err != nil {
			return c.errorf(exitUsage, "run: %v", err)
		}
		defer stop()
		base = url
	}

	run, code := runner.Run(ctx, runner.Options{
		BaseURL: base, Environment: env, AllowLive: *allowLive, Credentials: creds, Fixtures: fx,
		Tags: *tags, Format: *format, Seed: *seed, Timeout: *timeout, Out: c.stdout, Err: c.stderr, Strict: *strict, Paths: *paths,
		OTP: &steps.OTPResolver{Getenv: c.getenv, In: c.stdin, Out: c.stderr, Wait: *otpWait},
	})
	if code == runner.ExitConfig && len(run.Scenarios) == 0 && run.CredentialsRejected == "" {
		return exitUsage // refused before the run: there is nothing to report
	}
	dir, err := rf.write(run, *tags, creds.Secret)
	if err != nil {
		return c.errorf(exitUsage, "run: cannot write the report: %v", err)
	}
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}

// attestedBases are the base URLs an --environment attests: only a run
// against that environment itself certifies it.
var attestedBases = map[string]string{"uat": targets[runner.EnvUAT], "production": targets[runner.EnvLive]}

// attestable refuses an --environment the target is not: the embedded mock,
// or a URL other than that environment's base URL, certifies nothing.
func attestable(attested, env, base string) error {
	if attested == "" {
		return nil
	}
	want, ok := attestedBases[attested]
	if !ok {
		return nil // reportFlags.check names the bad value
	}
	if env == runner.EnvMock {
		return fmt.Errorf("--environment %s: a run of the embedded mock is a rehearsal and certifies nothing; run against --target %s", attested, want)
	}
	if strings.TrimRight(base, "/") != want {
		return fmt.Errorf("--environment %s: --target %s is not %s's base URL %s", attested, base, attested, want)
	}
	return nil
}

// resolveTarget names the environment and base URL of --target.
func resolveTarget(t string) (env, base string, err error) {
	if t == runner.EnvMock {
		return runner.EnvMock, "", nil
	}
	if u, ok := targets[t]; ok {
		return t, u, nil
	}
	u, err := url.Parse(t)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", "", fmt.Errorf("--target %q: want mock, uat, live or an http(s) base URL", t)
	}
	return runner.EnvURL, t, nil
}

// runCredentials: the embedded mock's test pair, else flags and the environment.
func runCredentials(env, clientID, secretFile string, getenv func(string) string) (credentials.Credentials, error) {
	if env == runner.EnvMock {
		return credentials.Mock(), nil
	}
	return credentials.Load(credentials.Sources{ClientID: clientID, SecretFile: secretFile, Getenv: getenv})
}

// startMock serves the embedded mock on a free loopback port.
func startMock(creds credentials.Credentials, fx *fixtures.File) (stop func(), baseURL string, err error) {
	h, err := mock.New(mock.Config{ClientID: creds.ClientID, Secret: creds.Secret, Fixtures: fx, Control: true})
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", fmt.Errorf("embedded mock: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return func() { srv.Close() }, "http://" + ln.Addr().String(), nil
}
