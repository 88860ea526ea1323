package steps_test

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

var requirementTag = regexp.MustCompile(`^@TG-[A-Z]+-\d{2}$`)

// stepsNeeding names the steps that need something a target may not give:
// a scenario using one must carry the tag, so that --target live and UAT runs
// can leave it out by tag.
var stepsNeeding = map[string]*regexp.Regexp{
	"@needs-otp": regexp.MustCompile(`^(the fixtures name an account to link|a linked VA)$`),
	"@mock-only": regexp.MustCompile(`^the mock is told `),
}

// TestEveryScenarioIsTagged parses every feature of the API suite and checks
// each scenario (each example row of an outline): exactly one requirement
// @TG-…; at least one @doc-… naming a section openapi.yaml gives an
// operation; exactly one of @uat-safe or @destructive; @needs-otp and
// @mock-only wherever a step needs an OTP or the mock, and never with @uat-safe.
func TestEveryScenarioIsTagged(t *testing.T) {
	sp, err := spec.Load()
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]bool{}
	for _, op := range sp.Operations() {
		sections["@doc-"+op.DocRef] = true
	}
	n := 0
	err = fs.WalkDir(harness.Features, "features", func(p string, d fs.DirEntry, err error) error {
		if err != nil || path.Ext(p) != ".feature" {
			return err
		}
		data, err := fs.ReadFile(harness.Features, p)
		if err != nil {
			return err
		}
		newID := (&messages.Incrementing{}).NewId
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), newID)
		if err != nil {
			return err
		}
		for _, pk := range gherkin.Pickles(*doc, p, newID) {
			var tags []string
			for _, tg := range pk.Tags {
				tags = append(tags, tg.Name)
			}
			if slices.Contains(tags, strings.TrimPrefix(steps.OtherSuites, "~")) {
				continue
			}
			n++
			for _, problem := range tagProblems(tags, pk.Steps, sections) {
				t.Errorf("%s: %q (tags %v): %s", p, pk.Name, tags, problem)
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d scenarios, %v", n, err)
	}
}

func tagProblems(tags []string, pickleSteps []*messages.PickleStep, sections map[string]bool) []string {
	var problems []string
	var requirements, docs int
	for _, tg := range tags {
		switch {
		case strings.HasPrefix(tg, "@TG-"):
			requirements++
			if !requirementTag.MatchString(tg) {
				problems = append(problems, tg+" is not of the form @TG-AREA-NN")
			}
		case strings.HasPrefix(tg, "@doc-"):
			docs++
			if !sections[tg] {
				problems = append(problems, tg+" names no x-doc-ref of openapi.yaml")
			}
		}
	}
	if requirements != 1 {
		problems = append(problems, "want exactly one @TG-… requirement tag")
	}
	if docs == 0 {
		problems = append(problems, "no @doc-… section tag")
	}
	safe, destructive := slices.Contains(tags, "@uat-safe"), slices.Contains(tags, "@destructive")
	if safe == destructive {
		problems = append(problems, "want exactly one of @uat-safe and @destructive")
	}
	for tag, step := range stepsNeeding {
		uses := slices.ContainsFunc(pickleSteps, func(st *messages.PickleStep) bool { return step.MatchString(st.Text) })
		if uses && !slices.Contains(tags, tag) {
			problems = append(problems, "a step needs "+tag+" but the scenario lacks the tag")
		}
		if safe && slices.Contains(tags, tag) {
			problems = append(problems, "@uat-safe with "+tag)
		}
	}
	return problems
}
