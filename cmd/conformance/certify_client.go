package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/certify"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	webhooksteps "github.com/tingee-conformance/harness/profiles/tingee/suite/webhook"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

func init() {
	commands["certify-client"] = command{summary: "certify a partner's own client: serve the mock, grade every request it sends", run: runCertifyClient}
}

// certifyFlags are certify-client's own flags.
type certifyFlags struct {
	addr, clientID, secretFile, fixtures, faults, webhookURL string
	duration, slow, payEvery, retryInterval                  time.Duration
}

// certifyReportFlagsSynopsis are the report flags certify-client takes: all but --environment.
const certifyReportFlagsSynopsis = `[--report-dir DIR] [--sign-key PATH] [--partner NAME] [--attested-by "Name, Title"]`

// webhookCheckTimeout bounds the webhook-check run at the end of a certification.
const webhookCheckTimeout = 5 * time.Minute

// runCertifyClient serves the mock to a partner's code with a fresh test pair, grades every
// request until SIGINT/SIGTERM or --duration, then writes the report bundle. Exit 0 CONFORMANT
// or CONFORMANT WITH WARNINGS, 1 anything else, 2 usage.
func runCertifyClient(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("certify-client", "[--addr HOST:PORT] [--client-id ID] [--secret-file PATH] [--fixtures PATH] [--duration D] [--faults seed:N|random|OP#N=KIND,…] [--slow D] [--webhook-url URL] [--pay-every D] "+certifyReportFlagsSynopsis)
	var f certifyFlags
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	fs.StringVar(&f.clientID, "client-id", "", "the client id of the fresh test pair (default: a random one)")
	fs.StringVar(&f.secretFile, "secret-file", "certify-client.secret", "where the fresh test secret is written (mode 0600) for the partner's app to read; never printed. A new file, or one certify-client wrote before (marked by PATH.certify-client): any other file is refused, never overwritten")
	fs.StringVar(&f.fixtures, "fixtures", "", "fixtures file (default: the embedded "+mock.FixturesPath+")")
	fs.DurationVar(&f.duration, "duration", 0, "stop observing after this long (default: at SIGINT/SIGTERM)")
	fs.StringVar(&f.faults, "faults", "", "fault drills: seed:N, random (a seed is drawn and printed), or OP#N=KIND,… with KIND 97, 90, business, 500, 503, slow")
	fs.DurationVar(&f.slow, "slow", certify.DefaultSlow, "how late a slow drill answers")
	fs.StringVar(&f.webhookURL, "webhook-url", "", "the partner's webhook receiver: payment webhooks go there, and it is graded as webhook-check grades it")
	fs.DurationVar(&f.payEvery, "pay-every", 0, "pay into the newest unpaid dynamic QR (else VA) this often (default: only /_mock/transfers pays)")
	fs.DurationVar(&f.retryInterval, "webhook-retry-interval", webhook.DefaultInterval, "wait between webhook delivery attempts")
	rf := addReportFlags(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if err := f.check(fs.Args(), rf.att.Environment); err != nil {
		return c.errorf(exitUsage, "certify-client: %v", err)
	}
	secret, clientID, err := freshPair(f.clientID)
	if err != nil {
		return c.errorf(exitUsage, "certify-client: %v", err)
	}
	if err := rf.check(reportSecret{"the secret token", secret}); err != nil {
		return c.errorf(exitUsage, "certify-client: %v", err)
	}
	var fx *fixtures.File
	if f.fixtures != "" {
		if fx, err = fixtures.Load(f.fixtures); err != nil {
			return c.errorf(exitUsage, "certify-client: %v", err) // "fixtures: PATH …", as run words it
		}
	}
	ops, err := certify.Operations()
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	plan, err := f.plan(ops)
	if err != nil {
		return c.errorf(exitUsage, "certify-client: %v", err)
	}
	sess := &certifySession{f: f, rf: rf, clientID: clientID, secret: secret}
	cfg := certify.Config{ClientID: clientID, Secret: secret, Fixtures: fx, Plan: plan, Slow: f.slow, Progress: c.stdout}
	if f.webhookURL != "" {
		sess.dispatcher = webhook.NewDispatcher(webhook.DispatcherConfig{Secret: secret, Interval: f.retryInterval})
		defer sess.dispatcher.Close()
		cfg.WebhookURL, cfg.Webhooks = f.webhookURL, sess.dispatcher
	}
	if sess.o, err = certify.New(cfg); err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return c.errorf(exitUsage, "certify-client: --addr %s: %v", f.addr, err)
	}
	if err := writeSecretFile(f.secretFile, secret); err != nil {
		ln.Close()
		return c.errorf(exitUsage, "certify-client: %v", err)
	}
	target := "http://" + ln.Addr().String()
	fmt.Fprintf(c.stdout, "certify-client: serving %s (client id %s; secret in %s)\n", target, clientID, f.secretFile)
	if len(plan.Faults) > 0 {
		fmt.Fprintf(c.stdout, "certify-client: fault drills %s: %s (replay: --faults '%s')\n", seedNote(plan), plan, plan)
	}
	sess.run = evidence.Run{
		ID: "certify-client-" + time.Now().UTC().Format("20060102T150405Z") + "-" + rand.Text()[:6], Suite: certify.Suite,
		Start: time.Now(), Target: target, Environment: "mock", ClientIDMasked: credentials.MaskID(clientID), Seed: plan.Seed,
	}
	return sess.serve(ctx, c, ln)
}

// certifySession is one certification: the flags, the fresh pair, the observer and its evidence.
type certifySession struct {
	f          certifyFlags
	rf         *reportFlags
	clientID   string
	secret     credentials.Secret
	o          *certify.Observer
	dispatcher *webhook.Dispatcher // nil without --webhook-url
	run        evidence.Run
}

func seedNote(p certify.Plan) string {
	if p.Seed == 0 {
		return "as given"
	}
	return fmt.Sprintf("from seed %d", p.Seed)
}

// serve observes until ctx ends or --duration passes, grades the webhooks, writes the
// bundle and returns the verdict's exit code.
func (s *certifySession) serve(ctx context.Context, c *cli, ln net.Listener) int {
	f, r := s.f, s.run
	if f.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.duration)
		defer cancel()
	}
	if f.payEvery > 0 {
		go payEvery(ctx, c, s.o, f.payEvery)
	}
	if code := serve(ctx, c, "certify-client", ln, s.o); code != exitOK {
		return code
	}
	r.End = time.Now()
	r.Scenarios, r.NotRun = s.o.Scenarios(), s.o.NotRun()
	if s.dispatcher != nil {
		s.dispatcher.Close()
		r.Scenarios = append(r.Scenarios, certify.WebhookScenarios(s.dispatcher.Attempts())...)
		wctx, cancel := context.WithTimeout(context.Background(), webhookCheckTimeout)
		defer cancel()
		res, err := webhooksteps.Check(wctx, webhooksteps.Config{URL: f.webhookURL, ClientID: s.clientID, Secret: s.secret,
			Ended: func(n int, s evidence.Scenario) { runner.ProgressLine(c.stdout, n, s) }})
		if err != nil {
			return c.errorf(exitUsage, "certify-client: %v", err)
		}
		r.Scenarios = append(r.Scenarios, res.Run.Scenarios...)
		r.NotRun = append(r.NotRun, res.Run.NotRun...)
	}
	dir, doc, err := s.rf.write(tingee.Profile(), r, "", nil)
	if err != nil {
		return c.errorf(exitUsage, "certify-client: cannot write the report: %v", err)
	}
	code := report.Judgement{Verdict: doc.Verdict}.ExitCode(false) // conformant, with or without warnings, is 0; anything else 1
	certify.Summarize(c.stdout, doc)
	fmt.Fprintf(c.stdout, "report: %s\n", dir)
	return code
}

// payEvery pays into the client's newest bill or VA every d until ctx ends.
func payEvery(ctx context.Context, c *cli, o *certify.Observer, d time.Duration) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := o.Pay(); err != nil && !errors.Is(err, certify.ErrNothingToPay) {
				fmt.Fprintf(c.stderr, "certify-client: %v\n", err)
			}
		}
	}
}

// check validates the flags before anything starts.
// env is --environment, which certify-client refuses: the client talked to the mock, so the bundle
// attests no uat or production environment.
func (f certifyFlags) check(rest []string, env string) error {
	switch {
	case len(rest) > 0:
		return fmt.Errorf("unexpected argument %q", rest[0])
	case f.duration < 0:
		return fmt.Errorf("--duration must not be negative, got %s", f.duration)
	case f.slow <= 0:
		return fmt.Errorf("--slow must be positive, got %s", f.slow)
	case f.payEvery < 0:
		return fmt.Errorf("--pay-every must not be negative, got %s", f.payEvery)
	case f.retryInterval <= 0:
		return fmt.Errorf("--webhook-retry-interval must be positive, got %s", f.retryInterval)
	case f.secretFile == "":
		return errors.New("--secret-file must name a file")
	case env != "":
		return fmt.Errorf("--environment %s: the partner's client is certified against the harness's mock, not against an environment; leave --environment out", env)
	}
	if err := checkSecretFile(f.secretFile); err != nil {
		return err
	}
	if f.webhookURL != "" {
		if u, err := url.Parse(f.webhookURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("--webhook-url %q is not an http(s) URL", f.webhookURL)
		}
	}
	return nil
}

// plan reads --faults; "random" draws a seed.
func (f certifyFlags) plan(ops []string) (certify.Plan, error) {
	switch f.faults {
	case "":
		return certify.Plan{}, nil
	case "random":
		return certify.SeededPlan(time.Now().UnixNano()&(1<<53-1) | 1), nil
	}
	return certify.ParsePlan(f.faults, ops)
}

// freshPair makes the test pair of a certification: the client id given (or a random one) and a
// random 32-byte secret, hex-encoded.
func freshPair(clientID string) (credentials.Secret, string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	if clientID == "" {
		clientID = "certify-" + rand.Text()[:10]
	}
	return credentials.Secret(hex.EncodeToString(b[:])), clientID, nil
}
