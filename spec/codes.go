package spec

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// documentedCodesKey is the extension on the business error's code property that
// lists the codes the docs mention: each key a code ("42") or an inclusive
// range of codes of one length ("1001-1076"), each value what it means.
const documentedCodesKey = "x-documented-codes"

// codeRange is one entry of x-documented-codes; a single code has lo == hi.
// Bounds have the same length, so comparing digit strings compares numbers.
type codeRange struct{ lo, hi string }

// documentedCodes are the business codes the docs mention, sorted.
type documentedCodes []codeRange

// readDocumentedCodes reads x-documented-codes from the rules' business-error
// component. A document without it lists no codes, and no code is drift.
func readDocumentedCodes(doc *openapi3.T, rules AnswerRules) (documentedCodes, error) {
	if doc.Components == nil || rules.BusinessError == "" {
		return nil, nil
	}
	be := doc.Components.Schemas[rules.BusinessError]
	field := rules.CodeField
	if be == nil || be.Value == nil || be.Value.Properties[field] == nil || be.Value.Properties[field].Value == nil {
		return nil, nil
	}
	businessError := rules.BusinessError
	raw, ok := be.Value.Properties[field].Value.Extensions[documentedCodesKey]
	if !ok {
		return nil, nil
	}
	entries, ok := raw.(map[string]any)
	if !ok || len(entries) == 0 {
		return nil, fmt.Errorf("spec: %s.%s %s: want a map of code or range to meaning", businessError, field, documentedCodesKey)
	}
	codes := make(documentedCodes, 0, len(entries))
	for key, meaning := range entries {
		r, err := parseCodeRange(key)
		if err == nil {
			if s, isText := meaning.(string); !isText || s == "" {
				err = fmt.Errorf("%q has no meaning", key)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("spec: %s.%s %s: %w", businessError, field, documentedCodesKey, err)
		}
		codes = append(codes, r)
	}
	sort.Slice(codes, func(a, b int) bool {
		if len(codes[a].lo) != len(codes[b].lo) {
			return len(codes[a].lo) < len(codes[b].lo)
		}
		return codes[a].lo < codes[b].lo
	})
	return codes, nil
}

// parseCodeRange reads "42" or "1001-1076".
func parseCodeRange(key string) (codeRange, error) {
	lo, hi, isRange := strings.Cut(key, "-")
	if !isRange {
		hi = lo
	}
	if !digits(lo) || !digits(hi) || len(lo) != len(hi) || lo > hi {
		return codeRange{}, fmt.Errorf("%q is not a code or a range of codes of one length", key)
	}
	return codeRange{lo, hi}, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// has says whether code is one the docs mention.
func (d documentedCodes) has(code string) bool {
	for _, r := range d {
		if len(code) == len(r.lo) && r.lo <= code && code <= r.hi {
			return true
		}
	}
	return false
}

// String lists the codes as the docs name them: "90, 91, 97, 1001–1076".
func (d documentedCodes) String() string {
	parts := make([]string, len(d))
	for i, r := range d {
		parts[i] = r.lo
		if r.hi != r.lo {
			parts[i] += "–" + r.hi
		}
	}
	return strings.Join(parts, ", ")
}

// codeDrift reports a business error's code the docs do not mention, at
// the rules' code field, unless the schema already found the code wrong
// (found) or the document lists no codes.
func (d documentedCodes) codeDrift(code any, rules AnswerRules, base Finding, found []Finding) []Finding {
	s, isText := code.(string)
	if len(d) == 0 || !isText || d.has(s) {
		return found
	}
	at := "/" + rules.CodeField
	for _, f := range found {
		if f.Pointer == at {
			return found
		}
	}
	base.Pointer, base.Expected, base.Got, base.Drift = at, "a code the docs mention: "+rules.SuccessCode+", "+d.String(), strconv.Quote(s), true
	return append(found, base)
}
