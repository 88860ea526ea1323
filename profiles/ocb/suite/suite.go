// Package suite is the OCB profile's Gherkin suite (features/*.feature): the
// token endpoint, the gateway's answers, the detached-JWS signature matrix,
// the envelopes and the 417 error, one read per package. Each scenario is
// tagged with a level (@must fails the run, @should only warns) and a source
// (@src-seed, @src-obs, @src-apic, @src-oauth, @src-unconfirmed — which can
// only be @should). Suite hands it to internal/runner as a steps.Suite: the
// runner builds godog, the shared recorder (package steps) makes each
// scenario evidence, report.Judge gives the verdict and the exit code, and
// the report bundle is internal/report's, as for every profile.
package suite

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/steps"
)

//go:embed features/*.feature
var features embed.FS

// Features are the embedded feature files.
func Features() fs.FS { return features }

// TagMockOnly marks the scenarios that need the OCB mock's own apps.
const TagMockOnly = "@mock-only"

// App is one OCB application's credentials and signing pair.
type App = creds.Credentials

// Options configure the suite for one run; the target's base URL, the
// timeout and the call observer come from the runner (steps.Config.NewClient).
type Options struct {
	App            App                // the partner's app
	MockApps       map[string]App     // by alias; only against an OCB mock: then @mock-only scenarios run
	Packages       []packages.Package // the probe of each package (default packages.Default())
	UnknownAccount string             // an account number the target does not know (default 0000000000)
}

// Suite is OCB's suite for one run: its steps, without the mock's apps
// narrowed to leave @mock-only out, and its credentials probe.
func Suite(o Options) steps.Suite {
	if o.Packages == nil {
		o.Packages = packages.Default()
	}
	if o.UnknownAccount == "" {
		o.UnknownAccount = "0000000000"
	}
	s := steps.Suite{
		Steps: func(sc *godog.ScenarioContext, cfg steps.Config) {
			e := newEnv(o, cfg)
			sc.Before(func(ctx context.Context, s *godog.Scenario) (context.Context, error) {
				ctx = context.WithValue(ctx, worldKey{}, &world{env: e})
				if err := checkTags(s); err != nil {
					if r := steps.Current(ctx); r != nil {
						r.Scenario.HarnessError = err.Error()
					}
					return ctx, err
				}
				return ctx, nil
			})
			register(sc)
		},
		Probe: o.probeCredentials,
	}
	if o.MockApps == nil {
		s.Excluded = "~" + TagMockOnly
	}
	return s
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
