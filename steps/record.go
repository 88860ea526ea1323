package steps

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// ErrHarness marks a step error as the harness's own mistake (a feature names
// an operation the contract lacks, a request cannot be built, a fixture lacks
// a field the step needs): the scenario ends as a harness error, never as the
// target's failure, and the verdict is INCOMPLETE.
var ErrHarness = errors.New("harness error")

// Harnessf is an ErrHarness naming the cause.
func Harnessf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrHarness, fmt.Sprintf(format, args...))
}

// Skip ends the scenario as skipped, with the reason; a skip never counts as a pass.
func Skip(format string, args ...any) error {
	return fmt.Errorf("%w: %s", godog.ErrSkip, fmt.Sprintf(format, args...))
}

// Recording is one scenario's evidence as it is made. A profile's steps add
// to it (Exchanged, Observe) through Current.
type Recording struct {
	// Scenario is the evidence: name, URI, tags, steps, status.
	Scenario evidence.Scenario
	keywords []string // each step's keyword, when the scenario was located
	start    time.Time
	notRun   bool // kept from running by Config.Gate

	// the step being run
	stepStart time.Time
	exchanges []evidence.Exchange
}

type recordingKey struct{}

// Current is the recording of the scenario whose hooks or steps ctx belongs
// to, nil outside a scenario.
func Current(ctx context.Context) *Recording {
	r, _ := ctx.Value(recordingKey{}).(*Recording)
	return r
}

// Exchanged adds an exchange to the step being run.
func (r *Recording) Exchanged(x evidence.Exchange) { r.exchanges = append(r.exchanges, x) }

// Observe notes a fact that is not a failure.
func (r *Recording) Observe(format string, args ...any) {
	r.Scenario.Observations = append(r.Scenario.Observations, fmt.Sprintf(format, args...))
}

// registerHooks records every scenario and step of sc as evidence.
func registerHooks(sc *godog.ScenarioContext, cfg Config) {
	sc.Before(func(ctx context.Context, s *godog.Scenario) (context.Context, error) {
		r := &Recording{start: time.Now(), Scenario: evidence.Scenario{Name: s.Name, URI: s.Uri, Tags: tagNames(s)}}
		if loc, ok := cfg.Locations[locationKey(s)]; ok {
			r.Scenario.Feature, r.Scenario.URI, r.keywords, r.Scenario.Warning = loc.Feature, loc.URI, loc.Keywords, loc.Warning
		}
		ctx = context.WithValue(ctx, recordingKey{}, r)
		if cfg.Gate != nil {
			if err := cfg.Gate(ctx, r.Scenario.Tags); err != nil {
				r.notRun, r.Scenario.SkipReason = true, err.Error()
				return ctx, fmt.Errorf("%w: not run: %s", godog.ErrSkip, err)
			}
		}
		if cfg.Began != nil {
			cfg.Began(r.Scenario)
		}
		return ctx, nil
	})
	sc.StepContext().Before(func(ctx context.Context, st *godog.Step) (context.Context, error) {
		r := Current(ctx)
		r.stepStart, r.exchanges = time.Now(), nil
		return ctx, nil
	})
	sc.StepContext().After(func(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
		r := Current(ctx)
		step := evidence.Step{Text: st.Text, Status: status.String(), Duration: time.Since(r.stepStart), Exchanges: r.exchanges}
		if i := len(r.Scenario.Steps); i < len(r.keywords) {
			step.Keyword = r.keywords[i]
		}
		if err != nil && !errors.Is(err, godog.ErrSkip) {
			step.Error = err.Error()
		}
		if errors.Is(err, ErrHarness) && r.Scenario.HarnessError == "" {
			r.Scenario.HarnessError = fmt.Sprintf("%s, step %q: %v", r.Scenario.URI, st.Text, err)
		}
		if errors.Is(err, godog.ErrSkip) && r.Scenario.SkipReason == "" {
			r.Scenario.SkipReason = strings.TrimPrefix(strings.TrimPrefix(err.Error(), godog.ErrSkip.Error()), ": ")
		}
		r.Scenario.Steps = append(r.Scenario.Steps, step)
		r.exchanges = nil
		if cfg.Stepped != nil && !r.notRun {
			cfg.Stepped(step)
		}
		return ctx, nil
	})
	sc.After(func(ctx context.Context, s *godog.Scenario, err error) (context.Context, error) {
		r := Current(ctx)
		r.Scenario.Duration = time.Since(r.start)
		r.Scenario.Status = Status(r.Scenario.Steps, err)
		if r.Scenario.Status != evidence.Skipped {
			r.Scenario.SkipReason = ""
		}
		if cfg.Record != nil {
			cfg.Record(Result{Scenario: r.Scenario, NotRun: r.notRun})
		}
		return ctx, nil
	})
}

// Status is a scenario's status from its steps and godog's last error: the
// worst of its steps' (failed, undefined, pending, skipped, then passed). A
// scenario with any skipped step never passes.
func Status(steps []evidence.Step, err error) string {
	rank := map[string]int{evidence.Passed: 0, evidence.Skipped: 1, evidence.Pending: 2, evidence.Undefined: 3, evidence.Failed: 4, "ambiguous": 4}
	status := evidence.Passed
	for _, s := range steps {
		if rank[s.Status] > rank[status] {
			status = s.Status
		}
	}
	if status == "ambiguous" {
		status = evidence.Failed
	}
	if err != nil && status == evidence.Passed && !errors.Is(err, godog.ErrSkip) {
		status = evidence.Failed
	}
	return status
}

func tagNames(s *godog.Scenario) []string {
	tags := make([]string, len(s.Tags))
	for i, t := range s.Tags {
		tags[i] = t.Name
	}
	return tags
}
