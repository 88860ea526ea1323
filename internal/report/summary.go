package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/markdown"
)

// summaryFailures caps the failures summary.md details, to stay well within
// GitHub's 1 MiB step-summary limit.
const summaryFailures = 25

// renderSummary writes summary.md, for $GITHUB_STEP_SUMMARY: verdict, counts,
// requirements, coverage and drift, then each failure with its curl line.
// Full evidence stays in report.html.
func renderSummary(doc *Document) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s — %s Open API conformance\n\n", verdictMark(doc.Verdict.Result), mdText(doc.Verdict.Headline()), mdText(doc.Provider))
	if doc.Verdict.Rehearsal != "" {
		fmt.Fprintf(&b, "> **Rehearsal.** %s\n\n", mdText(doc.Verdict.Rehearsal))
	}
	if doc.Verdict.Scope != "" {
		fmt.Fprintf(&b, "> **What this certifies.** %s\n\n", mdText(doc.Verdict.Scope))
	}
	reasons := doc.Verdict.brief()
	for _, r := range reasons.Shown {
		fmt.Fprintf(&b, "- %s\n", mdText(r))
	}
	if reasons.More > 0 {
		fmt.Fprintf(&b, "- … and %d more (all in report.json; each failure below and in report.html)\n", reasons.More)
	}
	for _, r := range doc.Verdict.NotVerified {
		fmt.Fprintf(&b, "- not verified: %s\n", mdText(r))
	}
	b.WriteString("\n| | |\n|---|---|\n")
	for _, row := range facts(doc) {
		fmt.Fprintf(&b, "| %s | %s |\n", row[0], mdCell(row[1]))
	}
	s := doc.Counts.Scenarios
	waived := ""
	if s.Waived > 0 {
		waived = fmt.Sprintf(" (%d of them waived by known deviations: not counted against the verdict)", s.Waived)
	}
	fmt.Fprintf(&b, "\n**Scenarios** %d: %d passed, %d failed%s, %d warned, %d skipped, %d undefined, %d pending, %d not run. "+
		"**Exchanges** %d (%d transport errors), **contract findings** %d, **drift** %d.\n",
		s.Total, s.Passed, s.Failed, waived, s.Warned, s.Skipped, s.Undefined, s.Pending, s.NotRun,
		doc.Counts.Exchanges, doc.Counts.TransportErrors, doc.Counts.Findings, doc.Counts.Drift)

	writeBaselineSection(&b, doc.Baseline)

	if rr := reruns(doc); len(rr) > 0 {
		b.WriteString("\n## Flaky and broken (run again with --rerun-failed)\n\n| scenario | attempts | outcome |\n|---|---|---|\n")
		for _, r := range rr {
			fmt.Fprintf(&b, "| %s (`%s`) | %d | %s |\n", mdCell(r.Scenario), r.URI, r.Attempts, mdCell(r.Outcome))
		}
	}

	if len(doc.Verdict.Warnings) > 0 {
		b.WriteString("\n## Warnings (should-level: not failures)\n\n| requirement | scenario | expected | got | why only a warning |\n|---|---|---|---|---|\n")
		for _, w := range doc.Verdict.Warnings {
			fmt.Fprintf(&b, "| %s (%s) | %s | %s | %s | %s |\n", mdCell(w.Requirement), mdCell(w.Source), mdCell(w.Scenario),
				mdCell(w.Expected), mdCell(w.Got), mdCell(w.Why))
		}
	}

	b.WriteString("\n## Requirements\n\n| requirement | level | source | doc | statement | result |\n|---|---|---|---|---|---|\n")
	for _, r := range doc.Requirements {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s %s |\n", mdCell(r.ID), mdCell(r.Level), mdCell(r.Source), mdCell(r.DocRef), mdCell(r.Statement),
			resultMark(r.Result), requirementResult(r)+waivedMark(r))
	}

	if doc.Client != nil {
		writeClientCoverage(&b, doc.Client)
	} else {
		writeCatalogueAndDrift(&b, doc)
	}

	b.WriteString("\n## Latency per operation\n\n")
	writeLatencyTable(&b, doc.Latency)

	if failures := failedScenarios(doc); len(failures) > 0 {
		b.WriteString("\n## Failures\n")
		if len(failures) > summaryFailures {
			fmt.Fprintf(&b, "\nThe first %d of %d; report.html has every one.\n", summaryFailures, len(failures))
			failures = failures[:summaryFailures]
		}
		for _, sc := range failures {
			st := failingStep(sc)
			fmt.Fprintf(&b, "\n### %s\n\n`%s` — %s%s\n\n", mdText(sc.Name), sc.URI, st.Keyword, mdText(st.Text))
			fmt.Fprintf(&b, "```text\n%s\n```\n", fence(strings.TrimSpace(failureText(st, doc.ReplayNote))))
		}
	}
	return []byte(b.String()), nil
}

// facts are the run's identity, as label/value pairs, shared by summary and HTML.
// A certify-client run replays no feature file with godog: its bundle leaves
// out the suite's facts (features SHA-256, godog seed, tags).
func facts(doc *Document) [][2]string {
	modified := ""
	switch {
	case doc.Tool.Modified:
		modified = " (modified tree)"
	case doc.Tool.Revision == unknown:
		modified = " (not stamped: go run, go test, -buildvcs=false and builds outside a git checkout stamp none; for a certification run, build with go build -buildvcs=true)"
	}
	all := [][2]string{
		{"Run", doc.Run.ID},
		{"Start – end", doc.Run.Start.UTC().Format("2006-01-02 15:04:05 MST") + " – " + doc.Run.End.UTC().Format("15:04:05 MST")},
		{"Target", doc.Target.BaseURL + " (" + doc.Target.Environment + ")"},
		{"Client id", doc.Target.ClientID},
		{"Partner", nonEmpty(doc.Attestation.Partner, "not given")},
		{"Attested by", nonEmpty(doc.Attestation.AttestedBy, "not given")},
		{"Attested environment", nonEmpty(doc.Attestation.Environment, "not given")},
		{"Spec", doc.Spec.Title + " " + doc.Spec.Version},
		{"openapi.yaml SHA-256", doc.Spec.OpenAPISHA256},
		{"Features SHA-256", doc.Spec.FeaturesSHA256},
		{"Harness", doc.Tool.Module + " " + doc.Tool.Version + ", revision " + doc.Tool.Revision + modified + ", " + doc.Tool.GoVersion},
		{"Godog seed", fmt.Sprint(doc.Run.Seed)},
		{"Tags", nonEmpty(doc.Run.Tags, "all")},
		{"Clock skew", doc.Run.ClockSkew},
	}
	if doc.Run.Suite != ClientSuite {
		return all
	}
	return slices.DeleteFunc(all, func(f [2]string) bool {
		return f[0] == "Features SHA-256" || f[0] == "Godog seed" || f[0] == "Tags"
	})
}

func failedScenarios(doc *Document) []Scenario {
	var out []Scenario
	for _, sc := range doc.Scenarios {
		if sc.evidence().Warned() {
			continue // listed under the warnings
		}
		if sc.Status == evidence.Failed || sc.Status == evidence.Undefined || sc.Status == evidence.Pending {
			out = append(out, sc)
		}
	}
	return out
}

func requirementResult(r Requirement) string {
	if r.Total == 1 {
		return r.Result
	}
	return fmt.Sprintf("%s (%d of %d passed)", r.Result, r.Passed, r.Total)
}

// waivedMark flags a failed requirement whose every failure a known deviation waived.
func waivedMark(r Requirement) string {
	if r.Waived {
		return " — waived (known deviation)"
	}
	return ""
}

func verdictMark(v string) string {
	switch v {
	case Conformant, ConformantWithWarnings:
		return "✅"
	case NotConformant, CredentialsRejected:
		return "❌"
	}
	return "⚠️"
}

func resultMark(status string) string {
	switch status {
	case evidence.Passed:
		return "✅"
	case evidence.Failed:
		return "❌"
	case evidence.Skipped:
		return "⏭️"
	}
	return "⚠️"
}

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string { return markdown.Cell(s) }

// mdText keeps text on one line and stops it from opening HTML in the summary.
func mdText(s string) string { return markdown.Text(s) }

// fence keeps a code block from being closed by its content.
func fence(s string) string {
	return strings.ReplaceAll(s, "```", "ˋˋˋ")
}

// writeCoverageTable writes the matrix as a Markdown table.
func writeCoverageTable(b *strings.Builder, cov Coverage) {
	b.WriteString("| operation |")
	for _, c := range cov.Columns {
		fmt.Fprintf(b, " %s |", mdCell(c.Label))
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(cov.Columns)) + "\n")
	for _, row := range cov.Rows {
		fmt.Fprintf(b, "| %s |", mdCell(row.Operation))
		for _, c := range row.Cells {
			fmt.Fprintf(b, " %s |", mdCell(c.label()))
		}
		b.WriteString("\n")
	}
}

// writeCatalogueAndDrift writes the error-catalogue matrix and the drift the target sent.
func writeCatalogueAndDrift(b *strings.Builder, doc *Document) {
	b.WriteString("\n## Error-catalogue coverage\n\n")
	if doc.Coverage.Note != "" {
		b.WriteString(mdText(doc.Coverage.Note) + "\n")
	} else {
		writeCoverageTable(b, doc.Coverage)
	}

	b.WriteString("\n## Drift (sent by the target, not in the spec)\n\n")
	if len(doc.Drift) == 0 {
		b.WriteString("None seen.\n")
	}
	for _, d := range doc.Drift {
		fmt.Fprintf(b, "- `%s` %s: %s, expected %s (×%d, first in %s)\n",
			d.Operation, mdText(d.Pointer), mdText(d.Got), mdText(d.Expected), d.Count, mdText(d.FirstSeen))
	}
}

// writeClientCoverage writes what a partner's client exercised: each operation of the contract
// with its requests, and each lifecycle with how far the client took it.
func writeClientCoverage(b *strings.Builder, cov *ClientCoverage) {
	b.WriteString("\n## Client coverage (what the partner's client exercised; the rest is not certified)\n\n")
	b.WriteString("| operation | requests | answered \"00\" | |\n|---|---|---|---|\n")
	for _, op := range cov.Operations {
		fmt.Fprintf(b, "| %s | %d | %d | %s |\n", mdCell(op.Operation), op.Requests, op.Answered00, exercised(op.Requests > 0))
	}
	b.WriteString("\n| lifecycle | stages reached | |\n|---|---|---|\n")
	for _, lc := range cov.Lifecycles {
		state := "✅ completed"
		if !lc.Completed {
			state = "⏭️ not completed, next: " + lc.Next
		}
		fmt.Fprintf(b, "| %s | %d of %d | %s |\n", mdCell(lc.Name), lc.Reached, lc.Stages, mdCell(state))
	}
}

func exercised(yes bool) string {
	if yes {
		return "exercised"
	}
	return "not exercised"
}
