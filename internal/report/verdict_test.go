package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
	"golang.org/x/net/html/atom"
)

func scenario(name, status string) evidence.Scenario {
	return evidence.Scenario{Feature: "F", Name: name, URI: "features/f.feature:1", Status: status}
}

func TestVerdict(t *testing.T) {
	transport := scenario("outage", evidence.Failed)
	transport.Steps = []evidence.Step{{Status: evidence.Failed, Exchanges: []evidence.Exchange{{TransportError: "connection refused"}}}}
	skippedWithReason := scenario("501", evidence.Skipped)
	skippedWithReason.SkipReason = "no trigger"
	should := scenario("ping", evidence.Failed)
	should.Tags, should.Warning = []string{"@TG-WH-03", "@should", "@src-live"}, "it fails the dashboard's test only"
	should.Steps = []evidence.Step{{Status: evidence.Failed, Error: "TG-WH-03 (ping): want HTTP 200; got HTTP 401 {}"}}
	shouldOutage := scenario("ping down", evidence.Failed)
	shouldOutage.Tags = should.Tags
	shouldOutage.Steps = transport.Steps
	harnessErr := scenario("typo", evidence.Failed)
	harnessErr.HarnessError = "features/f.feature:7, step \"a valid \\\"nope\\\" request\": unknown operation"

	cases := []struct {
		name   string
		run    evidence.Run
		want   string
		reason string
	}{
		{"all passed", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed)}}, Conformant, "all 1 scenarios"},
		{"skip with a reason does not block", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), skippedWithReason}}, Conformant, "all 1"},
		{"one failed", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), scenario("b", evidence.Failed)}}, NotConformant, "failed: b"},
		{"a failure outranks an interruption", evidence.Run{Interrupted: true, Scenarios: []evidence.Scenario{scenario("b", evidence.Failed)}}, NotConformant, "interrupted"},
		{"interrupted", evidence.Run{Interrupted: true, NotRun: []string{"c"}, Scenarios: []evidence.Scenario{scenario("a", evidence.Passed)}}, Incomplete, "did not run: c"},
		{"transport failure is not a contract failure", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), transport}}, Incomplete, "transport error"},
		{"undefined step", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), scenario("u", evidence.Undefined)}}, Incomplete, "undefined step: u"},
		{"pending step", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), scenario("p", evidence.Pending)}}, Incomplete, "pending step: p"},
		{"skip without a reason", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), scenario("s", evidence.Skipped)}}, Incomplete, "without a reason"},
		{"nothing ran", evidence.Run{}, Incomplete, "no scenario passed"},
		{"only skips", evidence.Run{Scenarios: []evidence.Scenario{skippedWithReason}}, Incomplete, "no scenario passed"},
		{"a failed should is a warning", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), should}}, ConformantWithWarnings, "1 should-level check(s) warned"},
		{"a failed must outranks a warning", evidence.Run{Scenarios: []evidence.Scenario{should, scenario("b", evidence.Failed)}}, NotConformant, "failed: b"},
		{"a should without an answer is incomplete", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), shouldOutage}}, Incomplete, "transport error"},
		{"a harness error is the harness's", evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), harnessErr}}, Incomplete, "harness error (not the target's fault): features/f.feature:7"},
		{"credentials rejected", evidence.Run{CredentialsRejected: "TINGEE_SECRET_TOKEN refused: code 97"}, CredentialsRejected, "TINGEE_SECRET_TOKEN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := decide(c.run, maskScenarios(c.run.Scenarios), "")
			if v.Result != c.want {
				t.Errorf("verdict %s, want %s (reasons %q)", v.Result, c.want, v.Reasons)
			}
			if !strings.Contains(strings.Join(v.Reasons, "\n"), c.reason) {
				t.Errorf("reasons %q lack %q", v.Reasons, c.reason)
			}
		})
	}
}

func TestInterruptedRunListsWhatDidNotRun(t *testing.T) {
	run := syntheticRun()
	run.Scenarios = run.Scenarios[:1]
	run.Interrupted = true
	run.NotRun = []string{"Signing: a body byte changed", "Envelope: get-banks"}
	doc, err := Build(run, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Verdict.Result != Incomplete {
		t.Errorf("verdict %s, want %s", doc.Verdict.Result, Incomplete)
	}
	if doc.Counts.Scenarios.NotRun != 2 || doc.Counts.Scenarios.Total != 3 {
		t.Errorf("counts %+v, want 2 not run of 3", doc.Counts.Scenarios)
	}
	junit, err := renderJUnit(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range run.NotRun {
		if !strings.Contains(string(junit), `<testcase name="`+name+`" classname="not run"`) {
			t.Errorf("junit.xml lacks a skipped test case for %q", name)
		}
	}
}

func TestRequirementsGroupByTagAndTakeTheWorstResult(t *testing.T) {
	row := func(status string, tags ...string) Scenario {
		return Scenario{Name: "s", URI: "u", Status: status, Tags: tags}
	}
	got := requirements([]Scenario{
		row(evidence.Passed, "@uat-safe"),
		row(evidence.Passed, "@TG-SIG-10", "@doc-6.2.2"),
		row(evidence.Failed, "@TG-SIG-10"),
		row(evidence.Skipped, "@TG-SIG-9", "@doc-6.2.2"),
	})
	if len(got) != 3 {
		t.Fatalf("got %d requirements, want 3: %+v", len(got), got)
	}
	if r := got[0]; r.ID != "TG-SIG-9" || r.Result != evidence.Skipped {
		t.Errorf("first: %+v, want TG-SIG-9 skipped", r)
	}
	if r := got[1]; r.ID != "TG-SIG-10" || r.DocRef != "6.2.2" || r.Result != evidence.Failed || r.Passed != 1 || r.Total != 2 {
		t.Errorf("second: %+v, want TG-SIG-10 failed, 1 of 2 passed", r)
	}
	if r := got[2]; r.ID != untagged || r.DocRef != "" {
		t.Errorf("untagged: %+v", r)
	}
}

func TestCoverageCells(t *testing.T) {
	doc, err := Build(syntheticRun(), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	cell := func(op, key string) Cell {
		for _, r := range doc.Coverage.Rows {
			for _, c := range r.Cells {
				if r.Operation == op && c.Column == key {
					return c
				}
			}
		}
		t.Fatalf("no cell %s × %s", op, key)
		return Cell{}
	}
	for _, c := range []struct {
		op, key string
		want    Cell
	}{
		{"confirmVa", "200/00", Cell{Column: "200/00", Documented: true, Exercised: 2, Passed: 1, Failed: 1}},
		{"confirmVa", "200/97", Cell{Column: "200/97", Documented: true}},
		{"confirmVa", "403", Cell{Column: "403"}},
		{"getBanks", "200/00", Cell{Column: "200/00", Documented: true, Exercised: 1, Passed: 1}},
		{"getBanks", "200/97", Cell{Column: "200/97"}},
		{"getBanks", "502", Cell{Column: "502", Exercised: 1, Passed: 1}},
		{noOperation, "404", Cell{Column: "404", Documented: true, Exercised: 1, Passed: 1}},
	} {
		if got := cell(c.op, c.key); got != c.want {
			t.Errorf("%s × %s = %+v, want %+v", c.op, c.key, got, c.want)
		}
	}
}

func TestWebhookSuiteHasNoAPIMatrix(t *testing.T) {
	run := syntheticRun()
	run.Suite = "webhook-receiver"
	doc, err := Build(run, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Coverage.Rows) != 0 || !strings.Contains(doc.Coverage.Note, "webhook-receiver") {
		t.Errorf("coverage %+v, want no rows and a note", doc.Coverage)
	}
	summary, _ := renderSummary(doc)
	if !strings.Contains(string(summary), doc.Coverage.Note) {
		t.Error("summary.md does not say why there is no matrix")
	}
}

func TestStatement(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{"a VA is linked", "a VA is linked"}, "a VA is linked"},
		{[]string{"createVa: a stale timestamp is refused", "getBanks: a stale timestamp is refused", "deleteVa: a stale timestamp is refused", "getVaPaging: a stale timestamp is refused"},
			"… a stale timestamp is refused"},
		{[]string{"a correctly signed createVa request is accepted", "a correctly signed getBanks request is accepted", "a correctly signed x request is accepted", "a correctly signed y request is accepted"},
			"a correctly signed … request is accepted"},
		{[]string{"refuses x y z", "refuses x y z w", "refuses x y z v", "refuses x y z u"}, "refuses x y z …"},
		{[]string{"linked in the bankBin form", "linked in the bankName form"}, "linked in the bankBin form; linked in the bankName form"},
		{[]string{"a", "b", "c", "d"}, "a (and 3 more)"},
		{[]string{"a", "b", "c"}, "a; b; c"},
	} {
		if got := statement(c.names); got != c.want {
			t.Errorf("statement(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}

// A run narrowed by --tags keeps its result but never reads as a whole
// certification: every artifact names the filter next to the verdict.
func TestSubsetRunNamesItsFilterWithTheVerdict(t *testing.T) {
	v := decide(evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed)}}, nil, "@TG-SIG-01")
	if v.Result != Conformant || v.Headline() != "CONFORMANT (subset: @TG-SIG-01)" || !strings.Contains(v.Reasons[0], "not a certification of the whole suite") {
		t.Errorf("verdict %+v (headline %q), want CONFORMANT (subset: @TG-SIG-01) with the caveat first", v, v.Headline())
	}
	if full := decide(evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed)}}, nil, ""); full.Headline() != Conformant {
		t.Errorf("a whole-suite run reads %q, want %q", full.Headline(), Conformant)
	}

	opts := testOptions(t)
	opts.Subset = "@TG-SIG-02"
	dir := writeBundle(t, opts)
	for name, want := range map[string]string{
		FileJSON:    `"subset": "@TG-SIG-02"`,
		FileJUnit:   `value="NOT CONFORMANT (subset: @TG-SIG-02)"`,
		FileSummary: "NOT CONFORMANT (subset: @TG-SIG-02) —",
		FileHTML:    "<title>NOT CONFORMANT (subset: @TG-SIG-02) —",
	} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	root := parseHTML(t, filepath.Join(dir, FileHTML))
	if h1 := all(byID(root, "verdict"), element(atom.H1)); len(h1) != 1 || text(h1[0]) != "NOT CONFORMANT (subset: @TG-SIG-02)" {
		t.Errorf("the verdict heading does not name the subset")
	}
}

// Many failures must not push requirements, coverage and drift off the first
// screens: the verdict lists reasonsShown reasons and counts the rest, while
// report.json and the Failures section keep every one.
func TestVerdictListsFirstReasonsAndCountsTheRest(t *testing.T) {
	run := syntheticRun()
	failing := run.Scenarios[1]
	for i := range 12 {
		sc := failing
		sc.Name = fmt.Sprintf("failure %d", i)
		run.Scenarios = append(run.Scenarios, sc)
	}
	dir := t.TempDir()
	if err := Write(dir, run, testOptions(t)); err != nil {
		t.Fatal(err)
	}
	doc, _ := Build(run, testOptions(t))
	total := len(doc.Verdict.Reasons)
	if total <= reasonsShown {
		t.Fatalf("only %d reasons; the test needs more than %d", total, reasonsShown)
	}
	root := parseHTML(t, filepath.Join(dir, FileHTML))
	items := all(all(byID(root, "verdict"), element(atom.Ul))[0], element(atom.Li)) // the reasons; "not verified" follows
	if len(items) != reasonsShown+1 || !strings.Contains(text(items[reasonsShown]), fmt.Sprintf("and %d more", total-reasonsShown)) {
		t.Errorf("verdict lists %d items, want %d reasons and one 'and %d more'", len(items), reasonsShown, total-reasonsShown)
	}
	if n := len(all(byID(root, "failures"), element(atom.Article))); n != 13 {
		t.Errorf("failures section has %d articles, want all 13", n)
	}
	summary, _ := os.ReadFile(filepath.Join(dir, FileSummary))
	if !strings.Contains(string(summary), fmt.Sprintf("and %d more", total-reasonsShown)) {
		t.Error("summary.md does not count the reasons it leaves out")
	}
}

// TestWarningSaysExpectedGotAndWhy: a warning carries what was expected, what
// came back and why it only warns, and is counted apart from failures.
func TestWarningSaysExpectedGotAndWhy(t *testing.T) {
	should := scenario("ping", evidence.Failed)
	should.Tags, should.Warning = []string{"@TG-WH-03", "@should", "@src-live"}, "it fails the dashboard's test only"
	should.Steps = []evidence.Step{{Status: evidence.Failed, Error: "TG-WH-03 (ping): want HTTP 200; got HTTP 401 {}"}}
	run := evidence.Run{Scenarios: []evidence.Scenario{scenario("a", evidence.Passed), should}}
	v := decide(run, maskScenarios(run.Scenarios), "")
	if len(v.Warnings) != 1 {
		t.Fatalf("warnings %+v", v.Warnings)
	}
	w := v.Warnings[0]
	if w.Requirement != "TG-WH-03" || w.Source != "live" || w.Expected != "TG-WH-03 (ping): want HTTP 200" || w.Got != "HTTP 401 {}" || w.Why != should.Warning {
		t.Errorf("warning %+v", w)
	}
	c := count(run)
	if c.Warnings != 1 || c.Scenarios.Failed != 0 || c.Scenarios.Warned != 1 || c.Scenarios.Total != 2 {
		t.Errorf("counts %+v", c)
	}
}
