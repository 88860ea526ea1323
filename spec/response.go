package spec

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// ValidateResponse checks an answer to method+path (path may carry a query):
// status code, content type, headers and body. An unknown operation, an
// undocumented status, a non-JSON body and every schema departure each give a
// finding; an HTTP error body whose status echo (AnswerRules.StatusEcho)
// differs from the status too. Drift findings (Drift true) name what the
// answer does not document: a body property (of any answer, success, business
// error or HTTP error), a header other than the transport ones (headers.go),
// a business code the docs do not mention (codes.go).
func (s *Spec) ValidateResponse(method, path string, status int, h http.Header, body []byte) (out []Finding) {
	defer recoverAsFinding(&out, method+" "+path)
	i, ok := s.find(method, path)
	if !ok {
		return []Finding{noSuchOperation(method, path)}
	}
	op := s.ops[i]
	base := Finding{Operation: op.ID, DocRef: op.DocRef}
	answer := op.Op.Responses.Status(status)
	documented := answer != nil
	if !documented {
		f := base
		f.Pointer, f.Expected, f.Got = "/status", "a documented status: "+s.statuses(i), strconv.Itoa(status)
		out = append(out, f)
	}
	out = append(out, headerDrift(base, answer, h)...)
	instance, bodyFindings, ok := jsonBody(base, h, body)
	out = append(out, bodyFindings...)
	if !ok {
		return out
	}
	if schema, ok := s.schemas.responses[i][strconv.Itoa(status)]; ok && documented {
		out = append(out, schema.check(instance, base, s.rules, s.schemas.codes)...)
	}
	if f, bad := statusEchoFinding(s.rules.StatusEcho, base, status, instance, out); bad {
		out = append(out, f)
	}
	return out
}

// ValidateBody checks a JSON body against one schema component by name, e.g.
// a webhook's PaymentNotification.
func (s *Spec) ValidateBody(component string, body []byte) []Finding {
	base := Finding{Operation: component}
	c, ok := s.schemas.byName[component]
	if !ok {
		base.Expected, base.Got = "a schema component of openapi.yaml", component
		return []Finding{base}
	}
	instance, err := decodeJSON(body)
	if err != nil {
		return []Finding{notJSON(base, body)}
	}
	return validateAgainst(c, instance, base)
}

// check validates a body against one answer's schema and walks it for
// undocumented properties. A success/business-error answer is checked
// against the branch the rules say the body is, so findings point into that
// branch; a business error's code is also checked against the codes the docs
// mention.
func (a *answerSchema) check(instance any, base Finding, rules AnswerRules, codes documentedCodes) []Finding {
	_, isArray := instance.([]any)
	switch {
	case a.success == nil:
		return checkAgainst(a.whole, instance, base)
	case isArray && a.array != nil:
		return checkAgainst(a.array, instance, base)
	case rules.IsBusinessError(instance):
		code := instance.(map[string]any)[rules.CodeField]
		return codes.codeDrift(code, rules, base, checkAgainst(a.business, instance, base))
	}
	return checkAgainst(a.success, instance, base)
}

// checkAgainst validates instance against c, then notes its drift.
func checkAgainst(c *compiled, instance any, base Finding) []Finding {
	return c.shape.drift(instance, nil, base, validateAgainst(c, instance, base))
}

// validateAgainst runs one compiled schema.
func validateAgainst(c *compiled, instance any, base Finding) []Finding {
	if err := c.schema.Validate(instance); err != nil {
		return schemaFindings(err, instance, base)
	}
	return nil
}

// jsonBody checks that a message is declared application/json and parses its
// body. The findings say what is wrong; ok is false when the body is not JSON.
func jsonBody(base Finding, h http.Header, body []byte) (instance any, out []Finding, ok bool) {
	if f, bad := contentTypeFinding(base, h); bad {
		out = append(out, f)
	}
	instance, err := decodeJSON(body)
	if err != nil {
		return nil, append(out, notJSON(base, body)), false
	}
	return instance, out, true
}

// notJSON is the finding for a body that does not parse as JSON.
func notJSON(base Finding, body []byte) Finding {
	base.Expected, base.Got = "a JSON body", shorten(string(body))
	return base
}

// decodeJSON parses a body the way jsonschema expects (numbers kept exact).
func decodeJSON(body []byte) (any, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return v, nil
}

// recoverAsFinding turns a panic inside a validation into one finding, so a
// validator bug never takes the mock or a run down with it.
func recoverAsFinding(out *[]Finding, what string) {
	if p := recover(); p != nil {
		*out = append(*out, Finding{Operation: what, Expected: "a validation without internal error", Got: shorten(fmt.Sprint(p))})
	}
}

// noSuchOperation is the finding for a method and path the spec lacks.
func noSuchOperation(method, path string) Finding {
	return Finding{
		Operation: method + " " + path,
		Pointer:   "/path",
		Expected:  "an operation of openapi.yaml",
		Got:       "no such operation: " + method + " " + path,
	}
}

// contentTypeFinding checks that a message is declared application/json.
func contentTypeFinding(base Finding, h http.Header) (Finding, bool) {
	ct := h.Get("Content-Type")
	if ct == "application/json" {
		return Finding{}, false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && mt == "application/json" {
		return Finding{}, false
	}
	base.Pointer, base.Expected, base.Got = "/header/Content-Type", "application/json", shorten(ct)
	if ct == "" {
		base.Got = "(missing)"
	}
	return base, true
}

// statusEchoFinding checks that an HTTP error body's echo field repeats the
// HTTP status, unless the rules name none or the schema already reported it.
func statusEchoFinding(echo string, base Finding, status int, instance any, found []Finding) (Finding, bool) {
	obj, ok := instance.(map[string]any)
	if echo == "" || status < 400 || !ok {
		return Finding{}, false
	}
	at := "/" + echo
	for _, f := range found {
		if f.Pointer == at {
			return Finding{}, false
		}
	}
	got, has := obj[echo]
	if has && fmt.Sprint(got) == strconv.Itoa(status) {
		return Finding{}, false
	}
	base.Pointer, base.Expected, base.Got = at, echo+" "+strconv.Itoa(status)+", the HTTP status", valueAt(instance, []string{echo})
	return base, true
}

// statuses lists the documented statuses of operation i.
func (s *Spec) statuses(i int) string {
	keys := make([]string, 0, s.ops[i].Op.Responses.Len())
	for k := range s.ops[i].Op.Responses.Map() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
