package suite

import (
	"context"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// world is one scenario's state.
type world struct {
	cfg    Config
	client *client.Client
	rec    *steps.Recording // the scenario's evidence (steps.Current)

	// the request being prepared and the answers of the last action
	op      spec.Operation
	req     client.Request
	sent    string // what the last action did, for messages ("a body changed after signing")
	answers []answer

	// values carried from one step to the next (confirmId, vaAccountNumber, billId, …)
	saved   map[string]string
	account *fixtures.Account
	cases   []payload.Case // negative cases generated from openapi.yaml
	// wrongMethod: the prepared request uses a method its path does not serve
	// on purpose, so a gateway's 405 is an answer, not an inconclusive one.
	wrongMethod bool
}

// answer is one exchange of the last action, with what it was meant to show.
type answer struct {
	what  string
	field string // the field a negative case broke, "" otherwise
	x     evidence.Exchange
}

type worldKey struct{}

func getWorld(ctx context.Context) *world { return ctx.Value(worldKey{}).(*world) }

// registerWorld gives each scenario a world, after the recorder made its recording.
func registerWorld(sc *godog.ScenarioContext, cfg Config) {
	sc.Before(func(ctx context.Context, s *godog.Scenario) (context.Context, error) {
		w := &world{cfg: cfg, client: cfg.NewClient(), rec: steps.Current(ctx), saved: map[string]string{}}
		return context.WithValue(ctx, worldKey{}, w), nil
	})
}

// observe notes a fact that is not a failure.
func (w *world) observe(format string, args ...any) { w.rec.Observe(format, args...) }
