package webhook

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/cucumber/godog"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// recorder collects the scenarios the shared recorder (package steps: one
// evidence.Scenario per scenario, one evidence.Step per step with its
// keyword and exchanges, one status rule) hands over as each ends, and what
// the deliveries found.
type recorder struct {
	cfg   *Config
	token string // makes this run's transaction codes and request ids unique

	mu          sync.Mutex
	n           int
	scenarios   []evidence.Scenario
	notRun      []string
	unreachable bool // some delivery found nobody listening
	answered    bool // some delivery got an HTTP answer
}

func newRecorder(cfg *Config) *recorder {
	return &recorder{cfg: cfg, token: rand.Text()[:8]}
}

// nextID returns prefix + this run's token + a counter: CONF4F7QK2ZD-3.
func (r *recorder) nextID(prefix string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	return fmt.Sprintf("%s%s-%d", prefix, r.token, r.n)
}

// delivered notes whether a delivery got an answer or found nobody listening.
func (r *recorder) delivered(answered, unreachable bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.answered = r.answered || answered
	r.unreachable = r.unreachable || unreachable
}

// suite is the receiver's suite on top of the shared recorder: each
// scenario's world, no step once interrupted, the steps.
func (r *recorder) suite() steps.Suite {
	return steps.Suite{Steps: func(sc *godog.ScenarioContext, _ steps.Config) {
		sc.Before(func(ctx context.Context, _ *godog.Scenario) (context.Context, error) {
			s := steps.Current(ctx).Scenario
			return context.WithValue(ctx, worldKey{}, &world{cfg: r.cfg, rec: r, name: s.Name, rule: ruleOf(s)}), nil
		})
		sc.StepContext().Before(func(ctx context.Context, _ *godog.Step) (context.Context, error) {
			return ctx, ctx.Err() // once interrupted, no step judges a cut-off delivery
		})
		registerSteps(sc)
	}}
}

// record keeps a finished scenario (steps.Config.Record); ctx is the run's.
// One the interrupt cut short is listed as not run: its failure is the
// interrupt's, not the receiver's.
func (r *recorder) record(ctx context.Context) func(steps.Result) {
	return func(res steps.Result) {
		s := res.Scenario
		r.mu.Lock()
		if ctx.Err() != nil && s.Status != evidence.Passed {
			r.notRun = append(r.notRun, s.Name)
			r.mu.Unlock()
			return
		}
		r.scenarios = append(r.scenarios, s)
		n := len(r.scenarios)
		r.mu.Unlock()
		if r.cfg.Ended != nil {
			r.cfg.Ended(n, s)
		}
	}
}

// ruleOf is the requirement a scenario checks: its requirement tag, without the @.
func ruleOf(s evidence.Scenario) string {
	if r := s.Requirement(); r != "" {
		return r
	}
	return "(no requirement tag)"
}

// finish fills in run's scenarios, in the order they ran, and those the
// interrupt stopped. It reports whether the receiver was unreachable: nobody
// listened and nothing ever answered. (A receiver that answered and then went
// down broke a rule instead.)
func (r *recorder) finish(run *evidence.Run) (unreachable bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	run.Scenarios = r.scenarios
	run.NotRun = r.notRun
	return r.unreachable && !r.answered
}
