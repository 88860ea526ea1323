// Package steps holds the godog step definitions of the conformance suite.
// State lives in a world per scenario, carried in context.Context as in godog's
// _examples/api. Every answer of every step is validated against openapi.yaml;
// a step fails on any finding that is not drift, with a message naming what
// was sent, what came back, and which rule of which doc section was broken.
package steps

import (
	"context"
	"strings"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/spec"
)

// Config is what the steps need from the runner (or from the test).
type Config struct {
	Spec *spec.Spec
	// NewClient makes the signed client a scenario talks to the target with.
	NewClient func() *client.Client
	// Fixtures say what the target holds: accounts, OTP sources, triggers.
	Fixtures *fixtures.File
	// OTP resolves an account's OTP; nil skips every scenario that needs one.
	OTP *OTPResolver
	// Locations gives each scenario its feature name and file:line (see Locate); optional.
	Locations Locations
	// Gate, when it returns an error, keeps a scenario (given its tags) from
	// running: interrupt, outage, or a tag the target forbids.
	Gate func(ctx context.Context, tags []string) error
	// Began, when set, is told of each scenario Gate let run, before its first step.
	Began func(evidence.Scenario)
	// Stepped, when set, receives each step of a scenario Gate let run, as it ends.
	Stepped func(evidence.Step)
	// Record receives every scenario once it is over.
	Record func(Result)
	// Paths is the path family requests are sent to: spec.PathsDocs ("" too)
	// or spec.PathsSDK (the official SDKs' /v1/bank/<action>).
	Paths string
}

// Result is one finished (or never run) scenario.
type Result struct {
	Scenario evidence.Scenario
	NotRun   bool // kept from running by Config.Gate; Scenario.SkipReason says why
}

// Initialize registers the hooks and every step of the suite on sc.
func Initialize(sc *godog.ScenarioContext, cfg Config) {
	if cfg.Fixtures == nil {
		cfg.Fixtures = &fixtures.File{}
	}
	registerHooks(sc, cfg)
	registerRequestSteps(sc)
	registerSigningSteps(sc)
	registerAnswerSteps(sc)
	registerLinkSteps(sc)
	registerValidationSteps(sc)
	registerErrorSteps(sc)
	registerQRSteps(sc)
	registerTransferSteps(sc)
}

// OtherSuites tags the features that belong to another suite (the webhook
// receiver check); the API suite never runs them.
const OtherSuites = "~@webhook-receiver"

// TagFilter narrows a user's godog tag expression to this suite. godog's
// expressions are "&&"-joined groups of ","-joined alternatives, so
// appending a group narrows any expression.
func TagFilter(user string, more ...string) string {
	groups := append([]string{}, more...)
	groups = append(groups, OtherSuites)
	if strings.TrimSpace(user) != "" {
		groups = append([]string{user}, groups...)
	}
	return strings.Join(groups, " && ")
}
