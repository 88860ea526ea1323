// Package diff compares two conformance runs of any API profile (their
// report bundles, read by package snapshot): the verdict, requirements that
// went pass→fail and fail→pass, those no longer checked (judged before,
// skipped or not run now), new and gone warnings, new and gone drift,
// and per operation the answers seen and latency side by side. A different
// contract (openapi.yaml) or features hash is called out first, because it
// changes what every other line means.
//
// A run regressed when a must-level requirement newly fails (and no live
// known-deviation entry waives it), when the target sent a status or
// envelope code that the contract does not document and the older run never
// saw, or when the newer run was judged with a known deviation that had expired.
package diff

import (
	"fmt"
	"sort"

	"github.com/tingee-conformance/harness/internal/latency"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

// Report is the comparison, as diff.json.
type Report struct {
	Old             Run              `json:"old"`
	New             Run              `json:"new"`
	ContractChanged bool             `json:"contractChanged"` // openapi.yaml SHA-256 differs
	FeaturesChanged bool             `json:"featuresChanged"` // features SHA-256 differs
	VerdictChanged  bool             `json:"verdictChanged"`
	Regressions     []string         `json:"regressions"` // empty: exit 0
	NewlyFailing    []Change         `json:"newlyFailing"`
	NewlyPassing    []Change         `json:"newlyPassing"`
	NoLongerChecked []Change         `json:"noLongerChecked"` // judged in the older run, skipped or not run in the newer
	NewWarnings     []Change         `json:"newWarnings"`
	GoneWarnings    []Change         `json:"goneWarnings"`
	NewDrift        []snapshot.Drift `json:"newDrift"`
	GoneDrift       []snapshot.Drift `json:"goneDrift"`
	Operations      []Operation      `json:"operations"`
}

// Run identifies one side of the comparison.
type Run struct {
	Path           string `json:"path"`
	RunID          string `json:"runId"`
	Start          string `json:"start"`
	Verdict        string `json:"verdict"`
	Subset         string `json:"subset,omitempty"` // what narrowed the run (--tags, paths); empty for the whole suite
	OpenAPISHA256  string `json:"openapiSha256"`
	FeaturesSHA256 string `json:"featuresSha256"`
}

// Change is a requirement whose outcome changed.
type Change struct {
	ID        string `json:"id"`
	Level     string `json:"level"`
	Statement string `json:"statement,omitempty"`
	Old       string `json:"old"` // result in the older run, "absent" when it had no such requirement (not run)
	New       string `json:"new"`
	Waived    bool   `json:"waived,omitempty"`
}

// Operation is one operation's answers and latency in both runs.
type Operation struct {
	Operation string             `json:"operation"`
	Answers   []AnswerCount      `json:"answers"`
	Old       *latency.Operation `json:"oldLatency,omitempty"`
	New       *latency.Operation `json:"newLatency,omitempty"`
}

// AnswerCount is how often an answer ("HTTP 200 · 00") came in each run.
type AnswerCount struct {
	Answer string `json:"answer"`
	Old    int    `json:"old"`
	New    int    `json:"new"`
}

// absent is the Old of a requirement the older run did not have.
const absent = "absent"

// Regressed says whether the new run regressed: the exit status of conformance diff.
func (r Report) Regressed() bool { return len(r.Regressions) > 0 }

// Compare compares old with new.
func Compare(old, new *snapshot.Snapshot) Report {
	r := Report{
		Old: runOf(old), New: runOf(new),
		ContractChanged: old.OpenAPISHA256 != new.OpenAPISHA256,
		FeaturesChanged: old.FeaturesSHA256 != new.FeaturesSHA256,
		VerdictChanged:  old.Verdict != new.Verdict,
		Regressions:     []string{}, NewlyFailing: []Change{}, NewlyPassing: []Change{}, NoLongerChecked: []Change{},
		NewWarnings: []Change{}, GoneWarnings: []Change{},
	}
	r.requirements(old, new)
	r.NewDrift, r.GoneDrift = driftDelta(old.Drift, new.Drift), driftDelta(new.Drift, old.Drift)
	for _, d := range r.NewDrift {
		if d.Answer() {
			r.Regressions = append(r.Regressions, fmt.Sprintf("new undocumented answer from %s: %s", d.Operation, d.Got))
		}
	}
	for _, e := range new.Expired {
		r.Regressions = append(r.Regressions, "known deviation "+e+" expired: renew or remove the entry")
	}
	r.Operations = operations(old, new)
	return r
}

func runOf(s *snapshot.Snapshot) Run {
	return Run{Path: s.Path, RunID: s.RunID, Start: s.Start.UTC().Format("2006-01-02 15:04 MST"), Verdict: s.Verdict, Subset: s.Subset,
		OpenAPISHA256: s.OpenAPISHA256, FeaturesSHA256: s.FeaturesSHA256}
}

// warning says whether a requirement's outcome is a warning: a failing
// should-level requirement, or a failure a known deviation waives.
func warning(r snapshot.Requirement) bool {
	return r.Failing() && (r.Level == snapshot.LevelShould || r.Waived)
}

// requirements fills the requirement changes and their regressions.
func (r *Report) requirements(old, new *snapshot.Snapshot) {
	for _, n := range new.Requirements {
		o, had := old.Requirement(n.ID)
		c := Change{ID: n.ID, Level: n.Level, Statement: n.Statement, Old: absent, New: n.Result, Waived: n.Waived}
		if had {
			c.Old = o.Result
		}
		switch {
		case n.Failing() && !o.Failing():
			r.NewlyFailing = append(r.NewlyFailing, c)
			if n.Level == snapshot.LevelMust && !n.Waived {
				r.Regressions = append(r.Regressions, fmt.Sprintf("must-level requirement %s newly failing (was %s)", n.ID, c.Old))
			}
		case o.Failing() && n.Result == snapshot.Passed:
			r.NewlyPassing = append(r.NewlyPassing, c)
		case o.Checked() && !n.Checked(): // failing or passing before, skipped now: not an improvement
			r.NoLongerChecked = append(r.NoLongerChecked, c)
		case n.Failing() && o.Failing() && n.Level == snapshot.LevelMust && !n.Waived && o.Waived:
			r.Regressions = append(r.Regressions, fmt.Sprintf("must-level requirement %s fails and is no longer waived", n.ID))
		}
		if warning(n) && !(had && warning(o)) {
			r.NewWarnings = append(r.NewWarnings, c)
		}
	}
	for _, o := range old.Requirements {
		n, has := new.Requirement(o.ID)
		if o.Checked() && !has { // none of its scenarios ran: outside --tags, or not started
			r.NoLongerChecked = append(r.NoLongerChecked, Change{ID: o.ID, Level: o.Level, Statement: o.Statement, Old: o.Result, New: absent})
		}
		if warning(o) && !(has && warning(n)) {
			c := Change{ID: o.ID, Level: o.Level, Statement: o.Statement, Old: o.Result, New: absent}
			if has {
				c.New = n.Result
			}
			r.GoneWarnings = append(r.GoneWarnings, c)
		}
	}
}

// driftDelta is the drift of b that a does not have.
func driftDelta(a, b []snapshot.Drift) []snapshot.Drift {
	seen := map[string]bool{}
	for _, d := range a {
		seen[d.Key()] = true
	}
	out := []snapshot.Drift{}
	for _, d := range b {
		if !seen[d.Key()] {
			seen[d.Key()] = true
			out = append(out, d)
		}
	}
	return out
}

// operations puts each operation's answers and latency side by side.
func operations(old, new *snapshot.Snapshot) []Operation {
	names := map[string]bool{}
	for _, s := range []*snapshot.Snapshot{old, new} {
		for op := range s.Answers {
			names[op] = true
		}
		for _, l := range s.Latency {
			names[l.Operation] = true
		}
	}
	out := make([]Operation, 0, len(names))
	for op := range names {
		o := Operation{Operation: op, Answers: []AnswerCount{}}
		keys := map[string]bool{}
		for k := range old.Answers[op] {
			keys[k] = true
		}
		for k := range new.Answers[op] {
			keys[k] = true
		}
		for k := range keys {
			o.Answers = append(o.Answers, AnswerCount{Answer: k, Old: old.Answers[op][k], New: new.Answers[op][k]})
		}
		sort.Slice(o.Answers, func(a, b int) bool { return o.Answers[a].Answer < o.Answers[b].Answer })
		if l, ok := old.LatencyOf(op); ok {
			o.Old = &l
		}
		if l, ok := new.LatencyOf(op); ok {
			o.New = &l
		}
		out = append(out, o)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Operation < out[b].Operation })
	return out
}
