package report

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// The documented answers every operation is checked for, in column order.
// HTTP 200 is split by the envelope's code: "00" success, 90 (timestamp out of
// the window), 97 (invalid signature) and any other code (a business error).
var baseColumns = []Column{
	{"200/00", `200 · success "00"`},
	{"200/business", "200 · business error"},
	{"200/90", "200 · code 90"},
	{"200/97", "200 · code 97"},
	{"400", "400"},
	{"401", "401"},
	{"403", "403"},
	{"404", "404"},
	{"500", "500"},
	{"501", "501"},
}

// noOperation is the row of exchanges that routed to no operation (e.g. 404 probes).
const noOperation = "(no operation)"

// answerKey is the coverage column of an answer; ok is false when there was none.
func answerKey(x Exchange) (key string, ok bool) {
	if x.TransportError != "" || x.Status == 0 {
		return "", false
	}
	if x.Status != http.StatusOK {
		return strconv.Itoa(x.Status), true
	}
	switch code := envelopeCode(x.ResponseBody); code {
	case "", "00":
		return "200/00", true // a bare success body (get-banks) has no code
	case signing.CodeBadTimestamp, signing.CodeBadSignature:
		return "200/" + code, true
	default:
		return "200/business", true
	}
}

// envelopeCode is the "code" of a JSON object body, or "".
func envelopeCode(body string) string {
	var env struct {
		Code json.RawMessage `json:"code"`
	}
	if json.Unmarshal([]byte(body), &env) != nil || len(env.Code) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(env.Code, &s) == nil {
		return s
	}
	return string(env.Code)
}

// documents says whether the spec documents the answer key (a column key) for
// op. The business-error envelope carries codes 90 and 97 as well as the
// 1001–1076 range, so all three are documented when the 200 answer's schema
// offers BusinessError.
func documents(op spec.Operation, key string) bool {
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
	if !isCode || code == "00" {
		return true
	}
	for _, mt := range ref.Value.Content {
		if mt != nil && offers(mt.Schema, "BusinessError", 0) {
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
func coverage(ops []spec.Operation, scenarios []Scenario) Coverage {
	seen := answers(scenarios)
	columns := append([]Column{}, baseColumns...)
	known := map[string]bool{}
	for _, c := range columns {
		known[c.Key] = true
	}
	var extra []string
	for _, j := range seen {
		if k, ok := answerKey(j.x); ok && !known[k] {
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
			cells[i] = Cell{Column: c.Key, Documented: documents(op, c.Key)}
		}
		rowOf[op.ID] = len(rows)
		rows = append(rows, CoverageRow{Operation: op.ID, DocRef: op.DocRef, Cells: cells})
	}
	col := map[string]int{}
	for i, c := range columns {
		col[c.Key] = i
	}
	for _, j := range seen {
		k, ok := answerKey(j.x)
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
