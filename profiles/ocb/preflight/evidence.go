package preflight

import (
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// Suite is evidence.Run.Suite for a preflight.
const Suite = "preflight"

// Evidence is the checklist as a run the report bundle (internal/report) is
// written from, one scenario per line: its guide step as the requirement
// (@OCB-STEP-6, @OCB-STEP-8-9; a line of no guide step has none), its level
// (a line whose source is [?], or that warned, is should; the rest must), its
// first source marker, and its status — ✓ passed, ✗ failed, ⚠ failed at
// should level (a warning), "cannot be checked from outside" and "not
// checked" skipped with the reason. The Vietnamese texts go with each as an
// observation, so the bundle says what the console says.
func (r Result) Evidence(id string, start, end time.Time, environment string) evidence.Run {
	run := evidence.Run{ID: id, Suite: Suite, Start: start, End: end, Target: r.Target, Environment: environment,
		ClientIDMasked: r.ClientID, Scenarios: make([]evidence.Scenario, 0, len(r.Lines))}
	for _, l := range r.Lines {
		run.Scenarios = append(run.Scenarios, l.scenario())
	}
	return run
}

func (l Line) scenario() evidence.Scenario {
	sc := evidence.Scenario{Feature: "OCB onboarding preflight", Name: l.TitleEN, URI: "preflight:" + l.ID, Tags: l.tags()}
	step := evidence.Step{Keyword: "Then ", Text: l.TitleEN}
	switch l.Status {
	case Pass:
		sc.Status = evidence.Passed
	case Fail, Warn:
		sc.Status = evidence.Failed
		step.Error = l.WhyEN
		if l.FixEN != "" {
			step.Error += "; what to do: " + l.FixEN
		}
		if l.Status == Warn {
			sc.Warning = "the rule's source is unconfirmed, or the answer cannot tell"
		}
	default: // Unchecked, NotChecked
		sc.Status, sc.SkipReason = evidence.Skipped, string(l.Status)+": "+l.WhyEN
	}
	step.Status = sc.Status
	sc.Steps = []evidence.Step{step}
	vi := l.TitleVI + ": " + l.WhyVI
	if l.FixVI != "" {
		vi += " — " + l.FixVI
	}
	sc.Observations = []string{"(vi) " + vi}
	return sc
}

// tags are the line's requirement, level and source, as a feature's would be.
func (l Line) tags() []string {
	var tags []string
	if l.Guide != "" && l.Guide != "-" {
		tags = append(tags, "@OCB-STEP-"+l.Guide)
	}
	source := strings.TrimSpace(strings.SplitN(strings.Trim(l.Source, "[]"), ",", 2)[0])
	level := "@" + evidence.LevelMust
	if source == "?" || l.Status == Warn {
		level = "@" + evidence.LevelShould
	}
	tags = append(tags, level)
	switch source {
	case "?":
		tags = append(tags, "@src-unconfirmed")
	case "", "-":
	default:
		tags = append(tags, "@src-"+source)
	}
	return tags
}
