package report

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/spec"
)

// columns are the answers every operation is checked for, in order: each
// status the contract documents for some operation or the rules' Catalogue
// lists; 200, when the rules name a business error (spec.AnswerRules), is
// split by the body's code into success, any other code (a business error)
// and each refusal code.
func columns(s *spec.Spec) []Column {
	rules := s.Rules()
	var out []Column
	for _, status := range documentedStatuses(s) {
		if status != "200" || rules.BusinessError == "" {
			out = append(out, Column{status, status})
			continue
		}
		out = append(out, Column{status + "/" + rules.SuccessCode, status + " · success " + strconv.Quote(rules.SuccessCode)},
			Column{status + "/business", status + " · business error"})
		for _, code := range rules.RefusalCodes {
			out = append(out, Column{status + "/" + code, status + " · code " + code})
		}
	}
	return out
}

// documentedStatuses lists the statuses any operation documents or the
// rules' Catalogue lists, in order.
func documentedStatuses(s *spec.Spec) []string {
	seen := map[string]bool{}
	for _, status := range s.Rules().Catalogue {
		seen[status] = true
	}
	for _, op := range s.Operations() {
		for status := range op.Op.Responses.Map() {
			seen[status] = true
		}
	}
	out := make([]string, 0, len(seen))
	for status := range seen {
		out = append(out, status)
	}
	sort.Strings(out)
	return out
}

// noOperation is the row of exchanges that routed to no operation (e.g. 404 probes).
const noOperation = "(no operation)"

// answerKey is the coverage column of an answer; ok is false when there was none.
// A 200 answer is split by its code when the rules name a business error: no
// code or the success code, a refusal code, or any other (a business error).
func answerKey(s *spec.Spec, x Exchange) (key string, ok bool) {
	if x.TransportError != "" || x.Status == 0 {
		return "", false
	}
	rules := s.Rules()
	if x.Status != http.StatusOK || rules.BusinessError == "" {
		return strconv.Itoa(x.Status), true
	}
	code := s.Code([]byte(x.ResponseBody))
	switch {
	case code == "" || code == rules.SuccessCode:
		return "200/" + rules.SuccessCode, true // a bare success body (get-banks) has no code
	case slices.Contains(rules.RefusalCodes, code):
		return "200/" + code, true
	}
	return "200/business", true
}

// documents says whether the spec documents the answer key (a column key) for
// op. The business-error component carries the refusal codes as well as the
// business codes, so all of them are documented when the answer's schema
// offers it.
func documents(s *spec.Spec, op spec.Operation, key string) bool {
	if op.Op == nil || op.Op.Responses == nil {
		return false
	}
	status, code, isCode := strings.Cut(key, "/")
	n, err := strconv.Atoi(status)
	if err != nil {
		return false
	}
	ref := op.Op.Responses.Status(n)
	if ref == nil || ref.Value == nil {
		return false
	}
	rules := s.Rules()
	if !isCode || code == rules.SuccessCode {
		return true
	}
	for _, mt := range ref.Value.Content {
		if mt != nil && offers(mt.Schema, rules.BusinessError, 0) {
			return true
		}
	}
	return false
}

// offers says whether s is, or has among its oneOf/anyOf/allOf, the named component.
func offers(s *openapi3.SchemaRef, component string, depth int) bool {
	if s == nil || depth > 8 {
		return false
	}
	if strings.HasSuffix(s.Ref, "/"+component) {
		return true
	}
	if s.Value == nil {
		return false
	}
	for _, group := range []openapi3.SchemaRefs{s.Value.OneOf, s.Value.AnyOf, s.Value.AllOf} {
		for _, sub := range group {
			if offers(sub, component, depth+1) {
				return true
			}
		}
	}
	return false
}

// judged is one answer the run saw and whether it held up. An answer failed
// when it has a contract finding (not drift), or when it is the last answer of
// a failed step; it passed when its step passed and it has no finding.
type judged struct {
	scenario string // URI
	x        Exchange
	passed   bool
	failed   bool
}

func answers(scenarios []Scenario) []judged {
	var out []judged
	for _, sc := range scenarios {
		for _, st := range sc.Steps {
			for i, x := range st.Exchanges {
				broken := false
				for _, f := range x.Findings {
					broken = broken || !f.Drift
				}
				last := i == len(st.Exchanges)-1
				j := judged{scenario: sc.URI, x: x}
				j.failed = (broken || (st.Status == evidence.Failed && last)) && !sc.evidence().Warned() // a warning is no failure
				j.passed = !j.failed && st.Status == evidence.Passed
				out = append(out, j)
			}
		}
	}
	return out
}

// coverage builds the operation × answer matrix. Statuses outside the
// documented catalogue that the target sent get columns of their own.
func coverage(s *spec.Spec, scenarios []Scenario) Coverage {
	ops := s.Operations()
	seen := answers(scenarios)
	columns := columns(s)
	known := map[string]bool{}
	for _, c := range columns {
		known[c.Key] = true
	}
	var extra []string
	for _, j := range seen {
		if k, ok := answerKey(s, j.x); ok && !known[k] {
			known[k] = true
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		columns = append(columns, Column{k, k + " (undocumented)"})
	}

	rowOf := map[string]int{}
	rows := make([]CoverageRow, 0, len(ops)+1)
	for _, op := range ops {
		cells := make([]Cell, len(columns))
		for i, c := range columns {
			cells[i] = Cell{Column: c.Key, Documented: documents(s, op, c.Key)}
		}
		rowOf[op.ID] = len(rows)
		rows = append(rows, CoverageRow{Operation: op.ID, DocRef: op.DocRef, Cells: cells})
	}
	col := map[string]int{}
	for i, c := range columns {
		col[c.Key] = i
	}
	for _, j := range seen {
		k, ok := answerKey(s, j.x)
		if !ok {
			continue
		}
		r, found := rowOf[j.x.Operation]
		if !found {
			r, found = rowOf[noOperation]
		}
		if !found {
			r = len(rows)
			rowOf[noOperation] = r
			// Any path the spec does not name is documented to answer 404.
			cells := make([]Cell, len(columns))
			for i, c := range columns {
				cells[i] = Cell{Column: c.Key, Documented: c.Key == "404"}
			}
			rows = append(rows, CoverageRow{Operation: noOperation, Cells: cells})
		}
		cell := &rows[r].Cells[col[k]]
		cell.Exercised++
		if j.passed {
			cell.Passed++
		}
		if j.failed {
			cell.Failed++
		}
	}
	return Coverage{Columns: columns, Rows: rows}
}

// label is how a cell reads in the HTML and the summary.
func (c Cell) label() string {
	switch {
	case c.Exercised == 0 && c.Documented:
		return "not exercised"
	case c.Exercised == 0:
		return "—"
	case c.Failed > 0:
		return fmt.Sprintf("✗ %d of %d failed", c.Failed, c.Exercised)
	case c.Passed == c.Exercised:
		return fmt.Sprintf("✓ %d", c.Exercised)
	}
	return fmt.Sprintf("seen %d, %d passed", c.Exercised, c.Passed)
}
