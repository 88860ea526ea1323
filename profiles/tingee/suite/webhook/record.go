package webhook

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"
	"time"

	"github.com/cucumber/godog"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// recorder turns godog's hooks into evidence: one evidence.Scenario per
// scenario, one evidence.Step per step, with the exchanges the step made; a
// scenario's status follows the one rule of package steps (steps.Status).
type recorder struct {
	cfg     *Config
	feature featureText
	locs    steps.Locations // for each scenario's "Only a warning:" sentence
	token   string          // makes this run's transaction codes and request ids unique

	mu          sync.Mutex
	n           int
	scenarios   []*evidence.Scenario
	notRun      []string
	unreachable bool // some delivery found nobody listening
	answered    bool // some delivery got an HTTP answer
}

func newRecorder(cfg *Config, feature featureText, locs steps.Locations) *recorder {
	return &recorder{cfg: cfg, feature: feature, locs: locs, token: rand.Text()[:8]}
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

// hook registers the recording hooks on one scenario.
func (r *recorder) hook(sc *godog.ScenarioContext) {
	var started, stepStarted time.Time
	sc.Before(func(ctx context.Context, p *godog.Scenario) (context.Context, error) {
		started = time.Now()
		s := &evidence.Scenario{Feature: r.feature.name, Name: p.Name, URI: r.feature.uri(p.Name), Status: evidence.Passed,
			Warning: r.locs.Warning(p.Uri, p)}
		for _, t := range p.Tags {
			s.Tags = append(s.Tags, t.Name)
		}
		r.mu.Lock()
		r.scenarios = append(r.scenarios, s)
		r.mu.Unlock()
		return context.WithValue(ctx, worldKey{}, &world{cfg: r.cfg, rec: r, scenario: s, rule: ruleOf(*s)}), nil
	})
	sc.StepContext().Before(func(ctx context.Context, _ *godog.Step) (context.Context, error) {
		stepStarted = time.Now()
		return ctx, ctx.Err() // once interrupted, no step judges a cut-off delivery
	})
	sc.StepContext().After(func(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
		w := worldFrom(ctx)
		step := evidence.Step{Text: st.Text, Status: status.String(), Duration: time.Since(stepStarted), Exchanges: w.exchanges}
		if err != nil {
			step.Error = err.Error()
		}
		w.exchanges = nil
		w.scenario.Steps = append(w.scenario.Steps, step)
		return ctx, nil
	})
	sc.After(func(ctx context.Context, _ *godog.Scenario, err error) (context.Context, error) {
		w := worldFrom(ctx)
		w.scenario.Duration = time.Since(started)
		w.scenario.Status = steps.Status(w.scenario.Steps, err)
		if ctx.Err() != nil && w.scenario.Status != evidence.Passed {
			r.interrupted(w.scenario) // its failure is the interrupt's, not the receiver's
		} else if r.cfg.Ended != nil {
			r.cfg.Ended(r.count(), *w.scenario)
		}
		return ctx, nil
	})
}

// count is how many scenarios have been recorded.
func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.scenarios)
}

// interrupted moves s from the scenarios to the list of those that did not run.
func (r *recorder) interrupted(s *evidence.Scenario) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, got := range r.scenarios {
		if got == s {
			r.scenarios = append(r.scenarios[:i], r.scenarios[i+1:]...)
			r.notRun = append(r.notRun, s.Name)
			return
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
	run.Scenarios = make([]evidence.Scenario, len(r.scenarios))
	for i, s := range r.scenarios {
		run.Scenarios[i] = *s
	}
	run.NotRun = r.notRun
	return r.unreachable && !r.answered
}
