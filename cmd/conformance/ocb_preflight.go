package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/preflight"
)

func init() {
	ocbCommands["preflight"] = command{summary: "check a company's OCB onboarding step by step from outside", run: runOCBPreflight}
	commands["preflight"] = command{summary: "OCB only: check a company's onboarding (conformance preflight --profile ocb)", run: func(ctx context.Context, c *cli, args []string) int {
		if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") { // help preflight, preflight -h: OCB's flags
			return runOCBPreflight(ctx, c, args)
		}
		return c.errorf(exitUsage, "preflight: not offered by --profile tingee; use conformance preflight --profile ocb")
	}}
}

// runOCBPreflight prints the onboarding checklist and writes its report
// bundle (internal/report, each checklist line a scenario: Result.Evidence).
// Exit 0 no step failed (warnings and steps not checked yet included), 1 a
// step failed, 2 unusable input found before any request (a flag, a file, the
// two keys missing, live without --allow-live), 3 the target could not be
// reached (the bundle is written with the steps checked so far).
func runOCBPreflight(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("preflight --profile ocb", "[--target mock|sandbox|live|URL] [--allow-live] [--mock-app] [--lang vi|en|both] "+
		"[--client-id ID] [--client-secret-file F] [--username U] [--password-file F] [--key F] [--cert F] [--probes F] [--expect-redirect-url URL] "+
		"[mock rehearsal: --unsubscribed PKG[,PKG] --unapproved --redirect-url URL] "+reportFlagsSynopsis)
	target := fs.String("target", "mock", "mock (the embedded OCB mock, rehearsal), sandbox, live, or a base URL")
	allowLive := fs.Bool("allow-live", false, "allow --target live")
	lang := fs.String("lang", preflight.LangBoth, "language of the checklist: vi, en or both")
	expect := fs.String("expect-redirect-url", preflight.MISARedirectURL, "the redirect URL step 5 registers")
	timeout := fs.Duration("timeout", 30*time.Second, "per request")
	cf := addOCBCredFlags(fs, c.getenv)
	mf := addOCBMockFlags(fs)
	rf := addReportFlags(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return c.errorf(exitUsage, "preflight: unexpected argument %q", fs.Arg(0))
	case *lang != preflight.LangBoth && *lang != preflight.LangVI && *lang != preflight.LangEN:
		return c.errorf(exitUsage, "preflight: --lang %q: want vi, en or both", *lang)
	case *timeout <= 0:
		return c.errorf(exitUsage, "preflight: --timeout must be positive")
	case *target == "live" && !*allowLive:
		return c.errorf(exitUsage, "preflight: --target live is refused without --allow-live")
	}
	env, base, err := resolveTarget(ocb.Profile(), *target)
	if err != nil {
		return c.errorf(exitUsage, "preflight: %v", err)
	}
	env = cf.rehearsal(env)
	if err := attestable(ocb.Profile(), rf.att.Environment, env, base); err != nil {
		return c.errorf(exitUsage, "preflight: %v", err)
	}
	h, probes, err := mf.build()
	if err != nil {
		return c.errorf(exitUsage, "preflight: %v", err)
	}
	if base != "" && (*mf.unsubscribed != "" || *mf.unapproved || *mf.redirectURL != "") {
		return c.errorf(exitUsage, "preflight: --unsubscribed, --unapproved and --redirect-url rehearse on the embedded mock only (--target mock)")
	}
	cr, err := cf.loadKeys(*target)
	if err != nil {
		return c.errorf(exitUsage, "preflight: %v", err)
	}
	if err := rf.check(ocbSecrets(cr)...); err != nil { // before any request
		return c.errorf(exitUsage, "preflight: %v", err)
	}
	start := time.Now()
	shown := *target
	if base == "" {
		stop, url, err := serveLoopback("embedded OCB mock", h)
		if err != nil {
			return c.errorf(exitUsage, "preflight: %v", err)
		}
		defer stop()
		base, shown = url, "the embedded OCB mock (rehearsal) at "+url
	}
	res, err := preflight.Run(ctx, preflight.Options{Client: client.New(base, *timeout), Target: shown}, preflight.Inputs{
		Credentials: cr, Packages: probes, RedirectURL: *expect,
	})
	preflight.Render(c.stdout, res, *lang)
	run := res.Evidence("preflight-"+evidence.NewRunID(start), start, time.Now(), env)
	dir, _, werr := rf.write(ocb.Profile(), run, "", nil)
	if werr != nil {
		return c.errorf(exitUsage, "preflight: cannot write the bundle: %v", werr)
	}
	fmt.Fprintf(c.stdout, "%s: %s\n", preflight.ReportWord(*lang), dir)
	var unreachable preflight.ErrUnreachable
	switch {
	case errors.As(err, &unreachable):
		return c.errorf(exitUnreachable, "preflight: %v", err)
	case res.Failed():
		return exitFail
	}
	return exitOK
}
