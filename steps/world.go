package steps

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/fixtures"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps/payload"
)

// world is one scenario's state.
type world struct {
	cfg      Config
	client   *client.Client
	record   evidence.Scenario
	keywords []string // each step's keyword, when the scenario was located
	start    time.Time
	notRun   bool // kept from running by Config.Gate

	// the step being run
	stepStart time.Time
	exchanges []evidence.Exchange

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

// ErrHarness marks a step error as the harness's own mistake (a feature names
// an operation openapi.yaml lacks, a request cannot be built, a fixture lacks
// a field the step needs): the scenario ends as a harness error, never as the
// target's failure, and the verdict is INCOMPLETE.
var ErrHarness = errors.New("harness error")

// harnessf is an ErrHarness naming the cause.
func harnessf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrHarness, fmt.Sprintf(format, args...))
}

// answer is one exchange of the last action, with what it was meant to show.
type answer struct {
	what  string
	field string // the field a negative case broke, "" otherwise
	x     evidence.Exchange
}

type worldKey struct{}

func getWorld(ctx context.Context) *world { return ctx.Value(worldKey{}).(*world) }

func registerHooks(sc *godog.ScenarioContext, cfg Config) {
	sc.Before(func(ctx context.Context, s *godog.Scenario) (context.Context, error) {
		w := &world{cfg: cfg, client: cfg.NewClient(), start: time.Now(), saved: map[string]string{}}
		w.record = evidence.Scenario{Name: s.Name, URI: s.Uri, Tags: tagNames(s)}
		if loc, ok := cfg.Locations[locationKey(s)]; ok {
			w.record.Feature, w.record.URI, w.keywords, w.record.Warning = loc.Feature, loc.URI, loc.Keywords, loc.Warning
		}
		ctx = context.WithValue(ctx, worldKey{}, w)
		if cfg.Gate != nil {
			if err := cfg.Gate(ctx, w.record.Tags); err != nil {
				w.notRun, w.record.SkipReason = true, err.Error()
				return ctx, fmt.Errorf("%w: not run: %s", godog.ErrSkip, err)
			}
		}
		if cfg.Began != nil {
			cfg.Began(w.record)
		}
		return ctx, nil
	})
	sc.StepContext().Before(func(ctx context.Context, st *godog.Step) (context.Context, error) {
		w := getWorld(ctx)
		w.stepStart, w.exchanges = time.Now(), nil
		return ctx, nil
	})
	sc.StepContext().After(func(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
		w := getWorld(ctx)
		step := evidence.Step{Text: st.Text, Status: status.String(), Duration: time.Since(w.stepStart), Exchanges: w.exchanges}
		if i := len(w.record.Steps); i < len(w.keywords) {
			step.Keyword = w.keywords[i]
		}
		if err != nil && !errors.Is(err, godog.ErrSkip) {
			step.Error = err.Error()
		}
		if errors.Is(err, ErrHarness) && w.record.HarnessError == "" {
			w.record.HarnessError = fmt.Sprintf("%s, step %q: %v", w.record.URI, st.Text, err)
		}
		if errors.Is(err, godog.ErrSkip) && w.record.SkipReason == "" {
			w.record.SkipReason = strings.TrimPrefix(strings.TrimPrefix(err.Error(), godog.ErrSkip.Error()), ": ")
		}
		w.record.Steps = append(w.record.Steps, step)
		w.exchanges = nil
		if cfg.Stepped != nil && !w.notRun {
			cfg.Stepped(step)
		}
		return ctx, nil
	})
	sc.After(func(ctx context.Context, s *godog.Scenario, err error) (context.Context, error) {
		w := getWorld(ctx)
		w.record.Duration = time.Since(w.start)
		w.record.Status = scenarioStatus(w.record.Steps, err)
		if w.record.Status != evidence.Skipped {
			w.record.SkipReason = ""
		}
		if cfg.Record != nil {
			cfg.Record(Result{Scenario: w.record, NotRun: w.notRun})
		}
		return ctx, nil
	})
}

// scenarioStatus is the worst status of its steps: failed, undefined,
// pending, skipped, then passed. A scenario with any skipped step never passes.
func scenarioStatus(steps []evidence.Step, err error) string {
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

// observe notes a fact that is not a failure.
func (w *world) observe(format string, args ...any) {
	w.record.Observations = append(w.record.Observations, fmt.Sprintf(format, args...))
}

// skip ends the scenario as skipped, with the reason; a skip never counts as a pass.
func skip(format string, args ...any) error {
	return fmt.Errorf("%w: %s", godog.ErrSkip, fmt.Sprintf(format, args...))
}
