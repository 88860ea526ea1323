package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

var (
	docTag = regexp.MustCompile(`^@?doc-(.+)$`) // @doc-6.2.2
)

// untagged groups scenarios that carry no requirement tag.
const untagged = "(untagged)"

// requirements groups scenarios by requirement tag, sorted by tag.
// A requirement fails when any of its scenarios failed; it passes when at least
// one passed and none failed, was undefined or pending; otherwise it carries
// the status its scenarios share (skipped, undefined, pending).
func requirements(scenarios []Scenario) []Requirement {
	out := []Requirement{}
	index := map[string]int{}
	var names [][]string // scenario names per requirement
	for _, sc := range scenarios {
		id, doc := requirementOf(sc.Tags)
		i, ok := index[id]
		if !ok {
			i = len(out)
			index[id] = i
			ev := sc.evidence()
			out = append(out, Requirement{ID: id, DocRef: doc, Level: ev.Level(), Source: ev.Source(), Scenarios: []string{}})
			names = append(names, nil)
		}
		names[i] = append(names[i], sc.Name)
		r := &out[i]
		if r.DocRef == "" {
			r.DocRef = doc
		}
		r.Total++
		if sc.Status == evidence.Passed {
			r.Passed++
		}
		r.Scenarios = append(r.Scenarios, sc.URI)
		status := sc.Status
		if sc.evidence().Warned() {
			status = RequirementWarning
		}
		r.Result = worse(r.Result, status)
	}
	for i := range out {
		out[i].Statement = statement(names[i])
	}
	slices.SortStableFunc(out, byRequirementID)
	return out
}

// statement states a requirement from its scenarios' names: the name they
// share; up to three names; or the words outline rows share at the start and
// the end ("a correctly signed … request is accepted"); or the first name.
func statement(names []string) string {
	var distinct []string
	seen := map[string]bool{}
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			distinct = append(distinct, n)
		}
	}
	if len(distinct) == 1 {
		return distinct[0]
	}
	if joined := strings.Join(distinct, "; "); len(distinct) <= 3 && len(joined) <= 240 {
		return joined
	}
	if prefix, suffix := commonWords(distinct); len(prefix)+len(suffix) >= 3 {
		return strings.TrimSpace(strings.Join(prefix, " ") + " … " + strings.Join(suffix, " "))
	}
	return fmt.Sprintf("%s (and %d more)", distinct[0], len(distinct)-1)
}

// commonWords are the whole words every name starts with and ends with; the
// two never overlap.
func commonWords(names []string) (prefix, suffix []string) {
	first := strings.Fields(names[0])
	shortest := len(first)
	prefix, suffix = first, first
	for _, n := range names[1:] {
		words := strings.Fields(n)
		shortest = min(shortest, len(words))
		p := 0
		for p < len(prefix) && p < len(words) && prefix[p] == words[p] {
			p++
		}
		prefix = prefix[:p]
		k := 0
		for k < len(suffix) && k < len(words) && suffix[len(suffix)-1-k] == words[len(words)-1-k] {
			k++
		}
		suffix = suffix[len(suffix)-k:]
	}
	if len(prefix)+len(suffix) > shortest {
		prefix = prefix[:shortest-len(suffix)]
	}
	return prefix, suffix
}

// byRequirementID orders TG-SIG-2 before TG-SIG-10, the untagged last.
func byRequirementID(a, b Requirement) int {
	if (a.ID == untagged) != (b.ID == untagged) {
		if a.ID == untagged {
			return 1
		}
		return -1
	}
	ap, an := splitNumber(a.ID)
	bp, bn := splitNumber(b.ID)
	if c := strings.Compare(ap, bp); c != 0 {
		return c
	}
	return an - bn
}

// splitNumber splits "TG-SIG-10" into "TG-SIG-" and 10.
func splitNumber(id string) (string, int) {
	i := strings.LastIndexByte(id, '-') + 1
	n, err := strconv.Atoi(id[i:])
	if err != nil {
		return id, 0
	}
	return id[:i], n
}

// requirementOf reads the requirement id and doc section from a scenario's tags.
func requirementOf(tags []string) (id, doc string) {
	id = untagged
	for _, t := range tags {
		if r, ok := evidence.RequirementID(t); ok && id == untagged {
			id = r
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
	RequirementWarning: 3,
	evidence.Pending:   4,
	evidence.Undefined: 5,
	evidence.Failed:    6,
}

func worse(a, b string) string {
	if severity[b] > severity[a] {
		return b
	}
	return a
}
