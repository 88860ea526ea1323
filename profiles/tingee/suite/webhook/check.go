// Package webhook holds the steps of features/webhook-receiver.feature and
// Check, which runs them against a partner's webhook receiver (conformance
// webhook-check) and returns the run as evidence for the report.
package webhook

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"path"
	"time"

	"github.com/cucumber/godog"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/steps"
)

// Suite names the run in the report.
const Suite = "webhook-receiver"

// DefaultAckDeadline is how long Tingee waits for an acknowledgement (notes, Webhooks).
const DefaultAckDeadline = 10 * time.Second

// Config is what Check needs. Zero fields take the defaults.
type Config struct {
	URL         string             // the receiver's webhook URL
	ClientID    string             // put in each notification's clientId
	Secret      credentials.Secret // signs every notification
	AckDeadline time.Duration      // DefaultAckDeadline when 0
	Client      *http.Client       // one that follows no redirect when nil
	Now         func() time.Time   // time.Now when nil
	Tags        string             // godog tag expression; all scenarios when empty
	// Ended, when set, is called as each scenario ends (n counts them from 1),
	// except one the interrupt cut short, which the Run lists as not run.
	Ended func(n int, s evidence.Scenario)
}

// Result is a finished check.
type Result struct {
	Run         evidence.Run
	Unreachable bool // nobody listened at the URL, and nothing ever answered
}

// Check runs the webhook-receiver feature against cfg.URL. An error means the
// suite itself could not run (bad feature, bad config), not that the receiver failed.
func Check(ctx context.Context, cfg Config) (Result, error) {
	if cfg.URL == "" || len(cfg.Secret) == 0 {
		return Result{}, errors.New("webhook check: a URL and a secret are required")
	}
	cfg = withDefaults(cfg)
	locs, err := steps.Locate(harness.Features, path.Dir(FeaturePath))
	if err != nil {
		return Result{}, fmt.Errorf("webhook check: %w", err)
	}
	rec := newRecorder(&cfg)
	suite, record := rec.suite(), steps.Config{Locations: locs, Record: rec.record(ctx)}
	run := evidence.Run{
		ID: "webhook-" + time.Now().UTC().Format("20060102T150405Z") + "-" + rand.Text()[:6], Suite: Suite,
		Start: time.Now(), Target: cfg.URL, Environment: "url", ClientIDMasked: credentials.MaskID(cfg.ClientID), Tags: cfg.Tags,
	}
	status := runner.RunGodog(ctx, runner.Godog{
		Name: Suite, FS: harness.Features, Paths: []string{FeaturePath}, Tags: cfg.Tags,
		Initialize: func(sc *godog.ScenarioContext) { suite.Initialize(sc, record) },
	})
	run.End = time.Now()
	run.Interrupted = ctx.Err() != nil
	unreachable := rec.finish(&run)
	if status > 1 {
		return Result{}, fmt.Errorf("webhook check: godog could not run %s (status %d)", FeaturePath, status)
	}
	return Result{Run: run, Unreachable: unreachable}, nil
}

func withDefaults(cfg Config) Config {
	if cfg.AckDeadline == 0 {
		cfg.AckDeadline = DefaultAckDeadline
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg
}
