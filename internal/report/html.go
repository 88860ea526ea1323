package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"facts":       facts,
	"brief":       Verdict.brief,
	"failures":    failedScenarios,
	"reruns":      reruns,
	"failingStep": failingStep,
	"cellLabel":   Cell.label,
	"cellClass":   cellClass,
	"pretty":      prettyBody,
	"ms":          func(v float64) string { return fmt.Sprintf("%.1f ms", v) },
	"lower":       strings.ToLower,
	"verdictSlug": func(v string) string { return strings.ReplaceAll(strings.ToLower(v), " ", "-") },
	"reqResult":   requirementResult,
	"answer":      answerText,
	"curlNote":    func() string { return "" }, // the document's ReplayNote, bound in renderHTML
	"docLabel":    func(s string) string { return nonEmpty(s, "—") },
	"add":         func(a, b int) int { return a + b },
}).Parse(htmlSource))

// renderHTML writes report.html: one file, inline CSS, no script, no external
// resource, readable top to bottom and on paper.
func renderHTML(doc *Document) ([]byte, error) {
	t, err := htmlTemplate.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(template.FuncMap{"curlNote": func() string { return doc.ReplayNote }})
	var buf bytes.Buffer
	if err := t.Execute(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cellClass colours a coverage cell: failed, passed, documented but not
// exercised, or neither documented nor seen.
func cellClass(c Cell) string {
	switch {
	case c.Failed > 0:
		return "bad"
	case c.Exercised > 0 && !c.Documented:
		return "drift"
	case c.Exercised > 0 && c.Passed == c.Exercised:
		return "good"
	case c.Exercised > 0:
		return "seen"
	case c.Documented:
		return "gap"
	}
	return "none"
}

// prettyBody indents a JSON body for reading; anything else is shown as sent.
func prettyBody(body string) string {
	var out bytes.Buffer
	if json.Indent(&out, []byte(body), "", "  ") == nil {
		return out.String()
	}
	return body
}
