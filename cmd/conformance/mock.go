package main

import (
	"context"
	"fmt"
	"net"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

func init() {
	commands["mock"] = command{summary: "serve the strict, stateful mock of the Tingee Open API", run: runMock}
}

// runMock serves the mock until ctx is cancelled (SIGINT/SIGTERM). Without credentials in the
// flags or the environment it uses the test pair of README.md. An address that cannot be
// listened on is a configuration error: one line, exit 2.
func runMock(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("mock", "[--addr HOST:PORT] [--client-id ID] [--secret-file PATH] [--fixtures PATH] [--control=false] [--self-check] [--webhook-url URL] [--webhook-retry-interval D]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	clientID := fs.String("client-id", "", "the client id the mock accepts (default: $"+auth.EnvClientID+", else the test pair)")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+auth.EnvSecret+", else the test pair)")
	fixturesPath := fs.String("fixtures", "", "fixtures file (default: the embedded "+mock.FixturesPath+")")
	control := fs.Bool("control", true, "serve the /_mock/ control endpoints (transfers, redirects, deliveries)")
	selfCheck := fs.Bool("self-check", false, "validate every answer against openapi.yaml and log findings on stderr")
	webhookURL := fs.String("webhook-url", "", "where webhooks (payments, VCB/TPB link results) go when create-va named no webhookUrl")
	retryInterval := fs.Duration("webhook-retry-interval", webhook.DefaultInterval, "wait between webhook delivery attempts")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "mock: unexpected argument %q", fs.Arg(0))
	}
	if *retryInterval <= 0 {
		return c.errorf(exitUsage, "mock: --webhook-retry-interval must be positive, got %s", *retryInterval)
	}
	creds, err := mockCredentials(c, *clientID, *secretFile)
	if err != nil {
		return c.errorf(exitUsage, "mock: %v", err)
	}
	fx, err := parseEmbedded(mock.FixturesPath)
	if *fixturesPath != "" {
		fx, err = fixtures.Load(*fixturesPath)
	}
	if err != nil {
		return c.errorf(exitUsage, "mock: %v", err) // "fixtures: PATH …", as run words it
	}
	dispatcher := webhook.NewDispatcher(webhook.DispatcherConfig{Secret: creds.Secret, Interval: *retryInterval})
	defer dispatcher.Close()
	h, err := mock.New(mock.Config{
		ClientID: creds.ClientID, Secret: creds.Secret, Fixtures: fx, Control: *control,
		SelfCheck: *selfCheck, Log: mask.Writer{W: c.stderr, M: fixtureMasker(fx)}, WebhookURL: *webhookURL, Webhooks: dispatcher,
	})
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return c.errorf(exitUsage, "mock: --addr %s: %v", *addr, err)
	}
	fmt.Fprintf(c.stdout, "mock: serving http://%s (client id %s)\n", ln.Addr(), creds.ClientID)
	return serve(ctx, c, "mock", ln, h)
}

// mockCredentials resolves the pair from the flags and the environment; with none, the test pair.
func mockCredentials(c *cli, clientID, secretFile string) (credentials.Credentials, error) {
	if clientID == "" && secretFile == "" && !tingee.Profile().CredentialsIn(c.getenv) {
		return auth.Mock(), nil
	}
	return auth.Load(credentials.Sources{ClientID: clientID, SecretFile: secretFile, Getenv: c.getenv})
}
