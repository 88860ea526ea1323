package report

import (
	"regexp"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

var (
	requirementTag = regexp.MustCompile(`^@?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+)$`) // @TG-SIG-01
	docTag         = regexp.MustCompile(`^@?doc-(.+)$`)                               // @doc-6.2.2
)

// untagged groups scenarios that carry no requirement tag.
const untagged = "(untagged)"

// requirements groups scenarios by requirement tag, in order of first appearance.
// A requirement fails when any of its scenarios failed; it passes when at least
// one passed and none failed, was undefined or pending; otherwise it carries
// the status its scenarios share (skipped, undefined, pending).
func requirements(scenarios []Scenario) []Requirement {
	out := []Requirement{}
	index := map[string]int{}
	for _, sc := range scenarios {
		id, doc := requirementOf(sc.Tags)
		i, ok := index[id]
		if !ok {
			i = len(out)
			index[id] = i
			out = append(out, Requirement{ID: id, DocRef: doc, Statement: sc.Name, Scenarios: []string{}})
		}
		r := &out[i]
		if r.DocRef == "" {
			r.DocRef = doc
		}
		r.Total++
		if sc.Status == evidence.Passed {
			r.Passed++
		}
		r.Scenarios = append(r.Scenarios, sc.URI)
		r.Result = worse(r.Result, sc.Status)
	}
	return out
}

// requirementOf reads the requirement id and doc section from a scenario's tags.
func requirementOf(tags []string) (id, doc string) {
	id = untagged
	for _, t := range tags {
		if m := requirementTag.FindStringSubmatch(t); m != nil && id == untagged {
			id = m[1]
		}
		if m := docTag.FindStringSubmatch(t); m != nil && doc == "" {
			doc = strings.TrimSpace(m[1])
		}
	}
	return id, doc
}

// severity orders results for a requirement: the higher wins.
var severity = map[string]int{
	evidence.Skipped:   1,
	evidence.Passed:    2,
	evidence.Pending:   3,
	evidence.Undefined: 4,
	evidence.Failed:    5,
}

func worse(a, b string) string {
	if severity[b] > severity[a] {
		return b
	}
	return a
}
