package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/internal/tagexpr"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	webhooksteps "github.com/tingee-conformance/harness/profiles/tingee/suite/webhook"
)

func init() {
	commands["webhook-check"] = command{summary: "certify a partner's webhook receiver (features/webhook-receiver.feature)", run: runWebhookCheck}
}

// runWebhookCheck delivers signed notifications, good and bad, to a partner's
// receiver and writes the same report bundle as run. The exit code is the
// verdict's (report.Judgement.ExitCode), 2 for usage, 3 when the receiver could not be reached.
func runWebhookCheck(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("webhook-check", "--url URL [--timeout D] [--secret-file PATH] [--client-id ID] [--tags EXPR] [--strict] "+reportFlagsSynopsis)
	target := fs.String("url", "", "the receiver's webhook URL (required)")
	timeout := fs.Duration("timeout", webhooksteps.DefaultAckDeadline, "how long the receiver has to acknowledge each notification")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+auth.EnvSecret+")")
	clientID := fs.String("client-id", "", "clientId put in the notifications (default: $"+auth.EnvClientID+")")
	tags := fs.String("tags", "", "run only the scenarios matching this godog tag expression, e.g. @TG-WH-01")
	strict := fs.Bool("strict", false, "exit 1 when should-level checks warned (CONFORMANT WITH WARNINGS)")
	rf := addReportFlags(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch u, err := url.Parse(*target); {
	case fs.NArg() > 0:
		return c.errorf(exitUsage, "webhook-check: unexpected argument %q", fs.Arg(0))
	case *target == "":
		return c.errorf(exitUsage, "webhook-check: --url is required (the receiver's webhook URL)")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return c.errorf(exitUsage, "webhook-check: --url %q is not an http(s) URL", *target)
	case *timeout <= 0:
		return c.errorf(exitUsage, "webhook-check: --timeout must be positive, got %s", *timeout)
	}
	godogTags, err := tagexpr.Godog(*tags) // godog panics on a syntax error, and knows no Cucumber syntax
	if err != nil {
		return c.errorf(exitUsage, "webhook-check: --tags %q: %v", *tags, err)
	}
	creds, err := auth.Load(credentials.Sources{ClientID: *clientID, SecretFile: *secretFile, Getenv: c.getenv})
	if err != nil {
		return c.errorf(exitUsage, "webhook-check: %v", err)
	}
	if err := rf.check(reportSecret{"the secret token", creds.Secret}); err != nil {
		return c.errorf(exitUsage, "webhook-check: %v", err)
	}
	out := mask.Writer{W: c.stdout, M: &mask.Masker{}} // what the report masks, the console masks
	res, err := webhooksteps.Check(ctx, webhooksteps.Config{
		URL: *target, ClientID: creds.ClientID, Secret: creds.Secret, AckDeadline: *timeout, Tags: godogTags,
		Ended: func(n int, s evidence.Scenario) { runner.ProgressLine(out, n, s) },
	})
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	if len(res.Run.Scenarios) == 0 && !res.Run.Interrupted {
		return c.errorf(exitUsage, "webhook-check: --tags %q matched no scenario", *tags)
	}
	j := report.Judge(res.Run, report.Options{Subset: *tags}) // the verdict the bundle will hold
	code, lastError := j.ExitCode(*strict), ""
	if res.Unreachable {
		code, lastError = exitUnreachable, "nothing answered at "+*target
	}
	runner.Summarize(out, res.Run, j, code, lastError)
	dir, _, err := rf.write(tingee.Profile(), res.Run, *tags, nil)
	if err != nil {
		return c.errorf(exitUsage, "webhook-check: cannot write the report: %v", err)
	}
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}
