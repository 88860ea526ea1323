// Package suite holds the godog step definitions of Tingee's suite.
// State lives in a world per scenario, carried in context.Context as in godog's
// _examples/api. Every answer of every step is validated against openapi.yaml;
// a step fails on any finding that is not drift, with a message naming what
// was sent, what came back, and which rule of which doc section was broken.
package suite

import (
	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/steps"
)

// Config is what Tingee's steps need: the runner's, and what the target holds.
type Config struct {
	steps.Config
	// Fixtures say what the target holds: accounts, OTP sources, triggers.
	Fixtures *fixtures.File
	// OTP resolves an account's OTP; nil skips every scenario that needs one.
	OTP *OTPResolver
}

// OtherSuites tags the features of features/ that belong to another suite
// (the webhook receiver check); the API suite never runs them.
const OtherSuites = "~@webhook-receiver"

// API is Tingee's API suite on a target holding fx (nil: nothing), with
// the OTPs otp resolves (nil skips every scenario that needs one).
func API(fx *fixtures.File, otp *OTPResolver) steps.Suite {
	if fx == nil {
		fx = &fixtures.File{}
	}
	return steps.Suite{
		Steps: func(sc *godog.ScenarioContext, cfg steps.Config) {
			register(sc, Config{Config: cfg, Fixtures: fx, OTP: otp})
		},
		Excluded: OtherSuites,
		Probe:    probeCredentials,
	}
}

// register binds every step of the suite on sc.
func register(sc *godog.ScenarioContext, cfg Config) {
	registerWorld(sc, cfg)
	registerRequestSteps(sc)
	registerSigningSteps(sc)
	registerAnswerSteps(sc)
	registerLinkSteps(sc)
	registerValidationSteps(sc)
	registerErrorSteps(sc)
	registerQRSteps(sc)
	registerTransferSteps(sc)
}
