package suite_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	messages "github.com/cucumber/messages/go/v21"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
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

// TestEveryScenarioIsTagged parses every feature and checks each scenario
// (each example row of an outline): exactly one requirement @TG-…; exactly one
// level (@must, @should) and one source (@src-seed|doc|live|sdk|unconfirmed),
// an sdk or unconfirmed source only at @should (only seed, doc and live can fail a run), and a @should scenario saying why it
// only warns; @doc-… only for a doc section the sources confirm
// (x-doc-ref-confirmed in openapi.yaml: the contract's own numbering of the
// other operations is no doc reference). For the API suite also:
// exactly one of @uat-safe or @destructive; @needs-otp and @mock-only wherever
// a step needs an OTP or the mock, and never with @uat-safe.
func TestEveryScenarioIsTagged(t *testing.T) {
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]bool{}
	for _, op := range sp.Operations() {
		if op.DocConfirmed {
			sections["@doc-"+op.DocRef] = true
		}
	}
	if len(sections) != 2 {
		t.Errorf("confirmed doc sections %v, want 6.2.2 and 6.3 (docs/levels-and-sources.md)", sections)
	}
	locs, err := steps.Locate(harness.Features, "features")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	eachPickle(t, func(p string, pk *messages.Pickle) {
		var tags []string
		for _, tg := range pk.Tags {
			tags = append(tags, tg.Name)
		}
		n++
		problems := levelProblems(tags, locs.Warning(p, pk), sections)
		if !slices.Contains(tags, strings.TrimPrefix(suite.OtherSuites, "~")) {
			problems = append(problems, tagProblems(tags, pk.Steps)...)
		}
		for _, problem := range problems {
			t.Errorf("%s: %q (tags %v): %s", p, pk.Name, tags, problem)
		}
	})
	if n == 0 {
		t.Fatal("no scenario checked")
	}
}

// levelProblems checks the requirement, level, source and doc tags of any scenario.
func levelProblems(tags []string, warning string, sections map[string]bool) []string {
	var problems []string
	var requirements, levels, sources int
	for _, tg := range tags {
		switch {
		case strings.HasPrefix(tg, "@TG-"):
			requirements++
			if !requirementTag.MatchString(tg) {
				problems = append(problems, tg+" is not of the form @TG-AREA-NN")
			}
		case tg == "@must" || tg == "@should":
			levels++
		case strings.HasPrefix(tg, "@src-"):
			sources++
			if !slices.Contains(evidence.Sources, tg[len("@src-"):]) {
				problems = append(problems, tg+" is not one of @src-"+strings.Join(evidence.Sources, "|"))
			}
		case strings.HasPrefix(tg, "@doc-"):
			if !sections[tg] {
				problems = append(problems, tg+" is not a confirmed doc section of an operation (the contract's own numbering is no doc reference)")
			}
		}
	}
	if requirements != 1 {
		problems = append(problems, "want exactly one @TG-… requirement tag")
	}
	if levels != 1 {
		problems = append(problems, "want exactly one of @must and @should")
	}
	if sources != 1 {
		problems = append(problems, "want exactly one @src-… source tag")
	}
	should := slices.Contains(tags, "@should")
	for _, weak := range []string{"@src-sdk", "@src-unconfirmed"} {
		// House rule (docs/levels-and-sources.md): only seed, doc and live can fail a run.
		if slices.Contains(tags, weak) && !should {
			problems = append(problems, weak+" can only warn (only seed, doc and live can fail a run): want @should")
		}
	}
	if should && warning == "" {
		problems = append(problems, "a @should scenario needs a description line \""+steps.WarningPrefix+" …\" saying why")
	}
	if !should && warning != "" {
		problems = append(problems, "a @must scenario says it is only a warning")
	}
	return problems
}

// tagProblems checks the API suite's tags of state and needs.
func tagProblems(tags []string, pickleSteps []*messages.PickleStep) []string {
	var problems []string
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

// TestLevelProblemsAreFound: the tag rules reject what they must.
func TestLevelProblemsAreFound(t *testing.T) {
	sections := map[string]bool{"@doc-6.2.2": true}
	for _, c := range []struct {
		tags    []string
		warning string
		want    string
	}{
		{[]string{"@TG-A-01", "@src-doc"}, "", "want exactly one of @must and @should"},
		{[]string{"@TG-A-01", "@must", "@should", "@src-doc"}, "", "want exactly one of @must and @should"},
		{[]string{"@TG-A-01", "@must"}, "", "want exactly one @src-"},
		{[]string{"@TG-A-01", "@must", "@src-guess"}, "", "@src-guess is not one of"},
		{[]string{"@TG-A-01", "@must", "@src-unconfirmed"}, "", "@src-unconfirmed can only warn"},
		{[]string{"@TG-A-01", "@must", "@src-sdk"}, "", "@src-sdk can only warn"},
		{[]string{"@TG-A-01", "@should", "@src-doc"}, "", "needs a description line"},
		{[]string{"@TG-A-01", "@must", "@src-doc"}, "x", "a @must scenario says it is only a warning"},
		{[]string{"@TG-A-01", "@must", "@src-doc", "@doc-6.2.7"}, "", "not a confirmed doc section"},
	} {
		got := strings.Join(levelProblems(c.tags, c.warning, sections), "; ")
		if !strings.Contains(got, c.want) {
			t.Errorf("%v: problems %q, want %q", c.tags, got, c.want)
		}
	}
	if got := levelProblems([]string{"@TG-A-01", "@should", "@src-unconfirmed", "@doc-6.2.2"}, "why", sections); len(got) > 0 {
		t.Errorf("a well-tagged scenario: %v", got)
	}
}
