package main

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	webhooksteps "github.com/tingee-conformance/harness/steps/webhook"
)

func init() {
	commands["webhook-check"] = command{summary: "certify a partner's webhook receiver (features/webhook-receiver.feature)", run: runWebhookCheck}
}

// runWebhookCheck delivers signed notifications, good and bad, to a partner's
// receiver and writes the same report bundle as run. Exit 0 all rules kept,
// 1 a rule broken (or interrupted: the bundle says INCOMPLETE), 2 usage, 3 the
// receiver could not be reached.
func runWebhookCheck(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("webhook-check", "--url URL [--timeout D] [--report-dir DIR] [--secret-file PATH] [--client-id ID] [--tags EXPR] "+
		"[--sign-key PATH] [--partner NAME] [--attested-by \"Name, Title\"] [--environment uat|production]")
	target := fs.String("url", "", "the receiver's webhook URL (required)")
	timeout := fs.Duration("timeout", webhooksteps.DefaultAckDeadline, "how long the receiver has to acknowledge each notification")
	reportDir := fs.String("report-dir", "", "where the report bundle goes (default reports/<run id>/)")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+credentials.EnvSecret+")")
	clientID := fs.String("client-id", "", "clientId put in the notifications (default: $"+credentials.EnvClientID+")")
	tags := fs.String("tags", "", "run only the scenarios matching this godog tag expression, e.g. @TG-WH-01")
	signKey := fs.String("sign-key", "", "Ed25519 private key (PEM) that signs the bundle's manifest")
	var att evidence.Attestation
	fs.StringVar(&att.Partner, "partner", "", "the partner whose receiver this is")
	fs.StringVar(&att.AttestedBy, "attested-by", "", `who vouches for the run, "Name, Title"`)
	fs.StringVar(&att.Environment, "environment", "", "uat or production")
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
	case att.Environment != "" && att.Environment != "uat" && att.Environment != "production":
		return c.errorf(exitUsage, "webhook-check: --environment must be uat or production, got %q", att.Environment)
	}
	creds, err := credentials.Load(credentials.Sources{ClientID: *clientID, SecretFile: *secretFile, Getenv: c.getenv})
	if err != nil {
		return c.errorf(exitUsage, "webhook-check: %v", err)
	}
	res, err := webhooksteps.Check(ctx, webhooksteps.Config{
		URL: *target, ClientID: creds.ClientID, Secret: creds.Secret, AckDeadline: *timeout, Output: c.stdout, Tags: *tags,
	})
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	if len(res.Run.Scenarios) == 0 && !res.Run.Interrupted {
		return c.errorf(exitUsage, "webhook-check: --tags %q matched no scenario", *tags)
	}
	res.Run.Attestation = att
	dir := *reportDir
	if dir == "" {
		dir = filepath.Join("reports", res.Run.ID)
	}
	if err := report.Write(dir, res.Run, report.Options{SignKeyPath: *signKey, Secrets: []credentials.Secret{creds.Secret}}); err != nil {
		return c.errorf(exitUsage, "webhook-check: cannot write the report: %v", err)
	}
	fmt.Fprintf(c.stdout, "\nwebhook-check: %d scenarios, %d not passed, %d not run; report in %s\n",
		len(res.Run.Scenarios), res.Failed(), len(res.Run.NotRun), dir)
	switch {
	case res.Unreachable:
		return c.errorf(exitUnreachable, "webhook-check: nothing answered at %s", *target)
	case res.Failed() > 0 || res.Run.Interrupted:
		return exitFail
	}
	return exitOK
}
