package diff

import (
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/latency"
	"github.com/tingee-conformance/harness/internal/markdown"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

// Markdown renders the comparison for a CI job summary: what changed in the
// contract or features first, then regressions, requirement changes,
// warnings, drift, and the operations table.
func (r Report) Markdown() string {
	var b strings.Builder
	mark := "✅ no regression"
	if r.Regressed() {
		mark = fmt.Sprintf("❌ %d regression(s)", len(r.Regressions))
	}
	if n := len(r.NoLongerChecked); n > 0 {
		mark += fmt.Sprintf("; ⚠️ %d requirement(s) no longer checked", n)
	}
	fmt.Fprintf(&b, "# Conformance diff: %s → %s — %s\n\n", r.Old.headline(), r.New.headline(), mark)
	if r.ContractChanged {
		fmt.Fprintf(&b, "> ⚠️ **The contract changed**: openapi.yaml SHA-256 %s → %s. The two runs were judged by different contracts.\n\n",
			short(r.Old.OpenAPISHA256), short(r.New.OpenAPISHA256))
	}
	if r.FeaturesChanged {
		fmt.Fprintf(&b, "> ⚠️ **The features changed**: SHA-256 %s → %s. The two runs checked different scenarios.\n\n",
			short(r.Old.FeaturesSHA256), short(r.New.FeaturesSHA256))
	}
	fmt.Fprintf(&b, "| | older | newer |\n|---|---|---|\n| run | %s | %s |\n| start | %s | %s |\n| verdict | %s | %s |\n",
		markdown.Cell(r.Old.RunID), markdown.Cell(r.New.RunID), r.Old.Start, r.New.Start, markdown.Cell(r.Old.headline()), markdown.Cell(r.New.headline()))

	section(&b, "Regressions", r.Regressions, markdown.Text)
	section(&b, "Requirements pass → fail", r.NewlyFailing, changeLine)
	section(&b, "Requirements fail → pass", r.NewlyPassing, changeLine)
	section(&b, "No longer checked (judged before; skipped, or not run — absent — now)", r.NoLongerChecked, changeLine)
	section(&b, "New warnings", r.NewWarnings, changeLine)
	section(&b, "Gone warnings", r.GoneWarnings, changeLine)
	section(&b, "New drift (never seen in the older run)", r.NewDrift, driftLine)
	section(&b, "Gone drift", r.GoneDrift, driftLine)

	if len(r.Operations) > 0 {
		b.WriteString("\n## Operations\n\n| operation | answers (older → newer) | p50 | p95 |\n|---|---|---|---|\n")
		for _, o := range r.Operations {
			answers := make([]string, 0, len(o.Answers))
			for _, a := range o.Answers {
				answers = append(answers, fmt.Sprintf("%s: %d → %d", a.Answer, a.Old, a.New))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", markdown.Cell(o.Operation), markdown.Cell(strings.Join(answers, "; ")),
				side(o.Old, o.New, func(l *latency.Operation) float64 { return l.P50MS }),
				side(o.Old, o.New, func(l *latency.Operation) float64 { return l.P95MS }))
		}
	}
	return b.String()
}

// headline is the run's verdict as the report shows it: with the subset that narrowed the run.
func (r Run) headline() string {
	return report.Verdict{Result: r.Verdict, Subset: r.Subset}.Headline()
}

// section writes a heading and one bullet per item; nothing for no item.
func section[T any](b *strings.Builder, title string, items []T, line func(T) string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", title)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", line(it))
	}
}

func changeLine(c Change) string {
	s := fmt.Sprintf("`%s` (%s) %s → %s", c.ID, c.Level, c.Old, c.New)
	if c.Waived {
		s += " — waived by a known deviation"
	}
	if c.Statement != "" {
		s += ": " + markdown.Text(c.Statement)
	}
	return s
}

func driftLine(d snapshot.Drift) string {
	s := fmt.Sprintf("`%s` %s: %s", d.Operation, markdown.Text(d.Pointer), markdown.Text(d.Got))
	if d.Expected != "" {
		s += ", expected " + markdown.Text(d.Expected)
	}
	return s
}

// side shows a latency figure of both runs, "—" where a run has none.
func side(old, new *latency.Operation, f func(*latency.Operation) float64) string {
	show := func(l *latency.Operation) string {
		if l == nil {
			return "—"
		}
		return fmt.Sprintf("%.1f", f(l))
	}
	return show(old) + " → " + show(new) + " ms"
}

func short(sum string) string {
	if len(sum) > 12 {
		return "`" + sum[:12] + "…`"
	}
	return "`" + sum + "`"
}
