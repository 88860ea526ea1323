package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// BaselineInfo is the known-deviations file the run was judged with
// (--baseline) and what became of each entry. Being in report.json, it is
// covered by the manifest and its signature.
type BaselineInfo struct {
	File    string            `json:"file"`
	SHA256  string            `json:"sha256"`
	Entries []baseline.Judged `json:"entries"`
}

// BaselineRef names the known-deviations file on the verdict.
type BaselineRef struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// judgedBaseline is Options.Baseline judged against a run; nil without one.
type judgedBaseline struct {
	file *baseline.File
	baseline.Judgement
}

// judgeBaseline judges opts.Baseline against run on opts.Today (default: the run's end).
func judgeBaseline(run evidence.Run, opts Options) *judgedBaseline {
	if opts.Baseline == nil {
		return nil
	}
	today := opts.Today
	if today.IsZero() {
		today = run.End
	}
	outcomes := make([]baseline.Outcome, 0, len(run.Scenarios))
	for _, sc := range run.Scenarios {
		outcomes = append(outcomes, baseline.Outcome{URI: sc.URI, Name: sc.Name, Tags: sc.Tags,
			Failed: sc.Status == evidence.Failed, Passed: sc.Status == evidence.Passed})
	}
	return &judgedBaseline{file: opts.Baseline, Judgement: opts.Baseline.Judge(outcomes, today)}
}

// unwaived is run, and its masked scenarios, without the waived failures:
// what the verdict is decided on (decide's two lists stay parallel).
func (b *judgedBaseline) unwaived(run evidence.Run, masked []Scenario) (evidence.Run, []Scenario) {
	if b == nil || len(b.Waived) == 0 {
		return run, masked
	}
	kept := make([]evidence.Scenario, 0, len(run.Scenarios))
	keptMasked := make([]Scenario, 0, len(masked))
	for i, sc := range run.Scenarios {
		if _, waived := b.Waived[sc.URI]; !waived || sc.Status != evidence.Failed {
			kept = append(kept, sc)
			keptMasked = append(keptMasked, masked[i])
		}
	}
	run.Scenarios = kept
	return run, keptMasked
}

// annotate records the baseline on the document: on the verdict (file,
// SHA-256 and, first, one reason per entry that is not simply waiting), on each
// waived scenario and requirement, and in its own section.
func (b *judgedBaseline) annotate(doc *Document) {
	if b == nil {
		return
	}
	doc.Baseline = &BaselineInfo{File: b.file.Name, SHA256: b.file.SHA256, Entries: b.Entries}
	doc.Verdict.Baseline = &BaselineRef{File: b.file.Name, SHA256: b.file.SHA256}
	var reasons []string
	for _, e := range b.Entries {
		if r := baselineReason(e); r != "" {
			reasons = append(reasons, r)
		}
	}
	at := 0 // first, after the subset warning: "all N passed" below counts only what was not waived
	if doc.Verdict.Subset != "" && len(doc.Verdict.Reasons) > 0 {
		at = 1
	}
	doc.Verdict.Reasons = slices.Insert(doc.Verdict.Reasons, at, reasons...)
	failing := map[string]int{} // requirement → failures not waived
	for i := range doc.Scenarios {
		sc := &doc.Scenarios[i]
		ref, waived := b.Waived[sc.URI]
		if sc.Status == evidence.Failed && waived {
			sc.Waived = ref
			doc.Counts.Scenarios.Waived++
		} else if sc.Status == evidence.Failed {
			id, _ := requirementOf(sc.Tags)
			failing[id]++
		}
	}
	for i := range doc.Requirements {
		r := &doc.Requirements[i]
		r.Waived = r.Result == evidence.Failed && failing[r.ID] == 0
	}
}

// baselineReason is an entry's line under the verdict; "" for one not checked.
func baselineReason(e baseline.Judged) string {
	what := fmt.Sprintf("%s (%s, until %s)", e.Label(), e.Reference, e.Expires)
	switch e.Status {
	case baseline.Waived:
		return fmt.Sprintf("waived by a known deviation (failed, not counted against the verdict): %s — %s; failing: %s", what, e.Reason, strings.Join(e.Scenarios, ", "))
	case baseline.Expired:
		return fmt.Sprintf("known deviation expired: %s — renew or remove the entry; it waives nothing and fails the run", what)
	case baseline.Remove:
		return fmt.Sprintf("known deviation no longer needed: %s — its check now passes: remove this entry", what)
	}
	return ""
}

// writeBaselineSection writes summary.md's known-deviations section.
func writeBaselineSection(b *strings.Builder, bl *BaselineInfo) {
	if bl == nil {
		return
	}
	fmt.Fprintf(b, "\n## Known deviations (%s, SHA-256 %s)\n\n| entry | reference | expires | status | reason |\n|---|---|---|---|---|\n",
		mdText(bl.File), bl.SHA256)
	for _, e := range bl.Entries {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdCell(e.Label()), mdCell(e.Reference), e.Expires, e.Status, mdCell(e.Reason))
	}
}
