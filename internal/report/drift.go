package report

import (
	"sort"
	"strings"

	"github.com/tingee-conformance/harness/spec"
)

// drift lists what the target sent that the spec does not document: findings
// marked Drift (extra fields, headers, codes), and answers — a status, or a
// code in HTTP 200 — outside an operation's documented catalogue. Repeats are
// counted, not listed again (a header's by name alone: its value, often a
// request id, changes every time; the first is shown); the list is sorted by
// operation and pointer.
func drift(s *spec.Spec, scenarios []Scenario) []Drift {
	byID := map[string]spec.Operation{}
	for _, op := range s.Operations() {
		byID[op.ID] = op
	}
	out := []Drift{}
	index := map[[3]string]int{}
	note := func(d Drift, scenario string) {
		key := [3]string{d.Operation, d.Pointer, d.Got}
		if strings.HasPrefix(d.Pointer, headerPointer) {
			key[2] = ""
		}
		if i, ok := index[key]; ok {
			out[i].Count++
			return
		}
		d.Count, d.FirstSeen = 1, scenario
		index[key] = len(out)
		out = append(out, d)
	}
	for _, j := range answers(scenarios) {
		for _, f := range j.x.Findings {
			if f.Drift {
				note(Drift{Operation: f.Operation, Pointer: f.Pointer, Expected: f.Expected, Got: f.Got, DocRef: f.DocRef}, j.scenario)
			}
		}
		op, known := byID[j.x.Operation]
		key, answered := answerKey(s, j.x)
		if !known || !answered || documents(s, op, key) {
			continue
		}
		d := Drift{Operation: op.ID, DocRef: op.DocRef, Expected: "an answer the spec documents"}
		if status, _, isCode := strings.Cut(key, "/"); isCode {
			d.Pointer, d.Got = "/"+s.Rules().CodeField, "HTTP "+status+" with code "+s.Code([]byte(j.x.ResponseBody))
		} else {
			d.Pointer, d.Got = "/status", "HTTP "+key
		}
		note(d, j.scenario)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Operation != out[b].Operation {
			return out[a].Operation < out[b].Operation
		}
		return out[a].Pointer < out[b].Pointer
	})
	return out
}

// headerPointer starts the pointer of a finding on a response header, e.g. /header/X-Powered-By.
const headerPointer = "/header/"
