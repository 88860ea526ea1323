// Package suite is the OCB profile's Gherkin suite (features/*.feature): the
// token endpoint, the gateway's answers, the detached-JWS signature matrix,
// the envelopes and the 417 error, one read per package. Each scenario is
// tagged with a level (@must fails the run, @should only warns) and a source
// (@src-seed, @src-obs, @src-apic, @src-oauth, @src-unconfirmed — which can
// only be @should). godog runs through internal/runner.RunGodog; the
// scenarios are recorded here, by OCB's rules, until they are evidence.
package suite

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/internal/tagexpr"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

//go:embed features/*.feature
var features embed.FS

// Features are the embedded feature files.
func Features() fs.FS { return features }

// Exit codes of a run, as Tingee's: 0 passed, 1 a @must failed, 2 nothing ran, 3 unreachable.
const (
	ExitOK          = 0
	ExitFail        = 1
	ExitConfig      = 2
	ExitUnreachable = 3
)

// App is one OCB application's credentials and signing pair.
type App = creds.Credentials

// Options configure a run.
type Options struct {
	BaseURL        string
	App            App            // the partner's app
	MockApps       map[string]App // by alias; only against an OCB mock: then @mock-only scenarios run
	Packages       []packages.Package
	UnknownAccount string // an account number the target does not know (default 0000000000)
	Tags           string // the user's godog tag expression
	Format         string // godog's: progress (default), pretty
	Seed           int64  // scenario order; 0 picks one
	Timeout        time.Duration
	Out            io.Writer
}

// Scenario is one scenario's outcome.
type Scenario struct {
	Name   string   `json:"name"`
	URI    string   `json:"uri"`
	Tags   []string `json:"tags"`
	Level  string   `json:"level"`  // must | should
	Source string   `json:"source"` // seed | obs | apic | oauth | unconfirmed
	Status string   `json:"status"` // passed | failed | warned (a @should that failed)
	Error  string   `json:"error,omitempty"`
	// Unreachable: the scenario failed because the target could not be reached.
	Unreachable bool `json:"unreachable,omitempty"`
}

// Result is a run's outcome.
type Result struct {
	Target    string     `json:"target"`
	Seed      int64      `json:"seed"`
	Scenarios []Scenario `json:"scenarios"`
}

// Run runs the suite and returns its result and exit code.
func Run(ctx context.Context, o Options) (Result, int) {
	if o.Packages == nil {
		o.Packages = packages.Default()
	}
	if o.UnknownAccount == "" {
		o.UnknownAccount = "0000000000"
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Format == "" {
		o.Format = "progress"
	}
	if o.Seed == 0 {
		o.Seed = time.Now().UnixNano() % 1_000_000
	}
	tags, err := Tags(o.Tags, o.MockApps != nil)
	if err != nil {
		fmt.Fprintf(o.Out, "%v\n", err)
		return Result{Target: o.BaseURL, Seed: o.Seed}, ExitConfig
	}
	rec := &recorder{}
	env := &env{o: o, client: client.New(o.BaseURL, o.Timeout)}
	status := runner.RunGodog(ctx, runner.Godog{
		Name: "ocb", FS: features, Paths: []string{"features"}, Tags: tags, Seed: o.Seed, Format: o.Format, Out: o.Out,
		Initialize: func(sc *godog.ScenarioContext) {
			sc.Before(func(ctx context.Context, s *godog.Scenario) (context.Context, error) {
				w := &world{env: env}
				return context.WithValue(ctx, worldKey{}, w), checkTags(s)
			})
			sc.After(func(ctx context.Context, s *godog.Scenario, err error) (context.Context, error) {
				rec.add(s, err)
				return ctx, nil
			})
			register(sc)
		},
	})
	res := Result{Target: o.BaseURL, Seed: o.Seed, Scenarios: rec.list}
	return res, exitCode(res, status)
}

// Tags is the godog filter a run uses: the user's expression (godog's or
// Cucumber's syntax, internal/tagexpr), and without the mock's apps not
// @mock-only. A syntax error is returned before godog would panic on it.
func Tags(user string, mock bool) (string, error) {
	expr := user
	if !mock {
		expr = "not @mock-only"
		if strings.TrimSpace(user) != "" {
			expr = "(" + user + ") and not @mock-only"
		}
	}
	return tagexpr.Godog(expr)
}

// exitCode: unreachable when every failure was a transport failure; 1 when a
// @must failed, or godog failed without a recorded cause; 2 when nothing ran.
func exitCode(r Result, godogStatus int) int {
	if len(r.Scenarios) == 0 {
		return ExitConfig
	}
	mustFailed, unreachable := 0, 0
	for _, s := range r.Scenarios {
		if s.Status == "failed" {
			mustFailed++
			if s.Unreachable {
				unreachable++
			}
		}
	}
	switch {
	case mustFailed > 0 && unreachable == mustFailed:
		return ExitUnreachable
	case mustFailed > 0:
		return ExitFail
	}
	return ExitOK
}

// recorder keeps each scenario's outcome.
type recorder struct {
	mu   sync.Mutex
	list []Scenario
}

func (r *recorder) add(s *godog.Scenario, err error) {
	sc := Scenario{Name: s.Name, URI: s.Uri, Status: "passed"}
	for _, t := range s.Tags {
		sc.Tags = append(sc.Tags, t.Name)
		switch {
		case t.Name == "@must" || t.Name == "@should":
			sc.Level = t.Name[1:]
		case len(t.Name) > 5 && t.Name[:5] == "@src-":
			sc.Source = t.Name[5:]
		}
	}
	if err != nil {
		sc.Error = err.Error()
		sc.Unreachable = errors.Is(err, errUnreachable)
		// A @should only warns; a broken suite (undefined or pending step) fails whatever its level.
		if sc.Level == "should" && !errors.Is(err, godog.ErrUndefined) && !errors.Is(err, godog.ErrPending) {
			sc.Status = "warned"
		} else {
			sc.Status = "failed"
		}
	}
	r.mu.Lock()
	r.list = append(r.list, sc)
	r.mu.Unlock()
}

// knownSources are the notes' markers: [seed] [obs] [apic] [oauth] [?].
var knownSources = map[string]bool{"@src-seed": true, "@src-obs": true, "@src-apic": true, "@src-oauth": true, "@src-unconfirmed": true}

// checkTags refuses a scenario without one level and one source, or an
// unconfirmed source at level must (house rule: only a doc or live source may fail a run).
func checkTags(s *godog.Scenario) error {
	var level, source []string
	for _, t := range s.Tags {
		switch {
		case t.Name == "@must" || t.Name == "@should":
			level = append(level, t.Name)
		case len(t.Name) > 5 && t.Name[:5] == "@src-":
			source = append(source, t.Name)
		}
	}
	switch {
	case len(level) != 1 || len(source) != 1:
		return fmt.Errorf("scenario %q: needs exactly one of @must/@should and one @src- tag, has %v %v", s.Name, level, source)
	case !knownSources[source[0]]:
		return fmt.Errorf("scenario %q: unknown source tag %s", s.Name, source[0])
	case source[0] == "@src-unconfirmed" && level[0] == "@must":
		return fmt.Errorf("scenario %q: an unconfirmed source can only be @should", s.Name)
	}
	return nil
}
