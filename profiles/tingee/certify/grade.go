package certify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/signing/diagnose"
	"github.com/tingee-conformance/harness/spec"
)

// sent is one request as the client sent it, before the mock saw it.
type sent struct {
	method string
	path   string // as sent
	op     string // operationId; "" when the path is no operation
	query  string // raw query
	header http.Header
	body   []byte
	at     time.Time
}

// canonicalPath maps the SDKs' /v1/bank/<action> onto the contract's /v1/<action> for the bank
// group (every operation but transaction/get-paging), so that both families are served and graded.
func canonicalPath(path string) string {
	if action, ok := strings.CutPrefix(path, "/v1/bank/"); ok && action != "" && !strings.Contains(action, "/") {
		return "/v1/" + action
	}
	return path
}

// grade applies the request checks to s. contract finds the operation and checks the body.
func grade(s sent, contract *spec.Spec, clientID string, secret []byte) []outcome {
	out := []outcome{}
	add := func(c Check, ok bool, detail string) { out = append(out, outcome{c, ok, detail}) }
	add(checkPath, s.op != "", fmt.Sprintf("%s %s is no operation of the contract", s.method, s.path))
	missing := missingHeaders(s.header)
	add(checkHeaders, len(missing) == 0, "missing: "+strings.Join(missing, ", "))
	if id := s.header.Get(signing.HeaderClientID); id != "" {
		add(checkClientID, id == clientID, "x-client-id is not the client id certify-client gave")
	}
	out = append(out, contentType(s)...)
	ts := s.header.Get(signing.HeaderTimestamp)
	if ts != "" {
		out = append(out, timestamp(ts, s.at)...)
	}
	if ts != "" && s.header.Get(signing.HeaderSignature) != "" {
		out = append(out, signature(s, ts, secret)...)
	}
	if s.op != "" {
		out = append(out, body(s, contract)...)
	}
	return out
}

func missingHeaders(h http.Header) []string {
	var missing []string
	for _, name := range signing.RequestHeaders {
		if h.Get(name) == "" {
			missing = append(missing, name)
		}
	}
	return missing
}

func contentType(s sent) []outcome {
	mt, _, err := mime.ParseMediaType(s.header.Get("Content-Type"))
	ok := err == nil && mt == "application/json"
	detail := fmt.Sprintf("Content-Type is %q", s.header.Get("Content-Type"))
	if len(s.body) > 0 {
		return []outcome{{checkContentType, ok, detail}}
	}
	return []outcome{{checkCTBodyless, ok, detail}}
}

// timestamp checks the format, then the zone and the skew: a timestamp off by a whole or half
// number of hours (±10 minutes) is named as another zone's, anything else as clock skew.
func timestamp(ts string, now time.Time) []outcome {
	t, err := signing.ParseTimestamp(ts)
	if err != nil {
		return []outcome{{checkTSFormat, false, fmt.Sprintf("%q is not 17 digits of a real date and time", ts)}}
	}
	out := []outcome{{checkTSFormat, true, ""}}
	d := now.Sub(t)
	if d <= signing.Tolerance && d >= -signing.Tolerance {
		return append(out, outcome{checkTSWindow, true, ""})
	}
	halfHours := d.Round(30 * time.Minute)
	if off := d - halfHours; (halfHours >= time.Hour || halfHours <= -time.Hour) && off <= signing.Tolerance && off >= -signing.Tolerance {
		return append(out, outcome{checkTSWindow, false, fmt.Sprintf(
			"%s is %s Vietnam time: it looks like the time in %s, not UTC+7", ts, durationText(d), diagnose.ZoneName(7*time.Hour-halfHours))})
	}
	return append(out, outcome{checkTSWindow, false, fmt.Sprintf("%s is %s the server's clock (allowed ±%s): clock skew", ts, durationText(d), signing.Tolerance)})
}

func durationText(d time.Duration) string {
	if d > 0 {
		return d.Round(time.Second).String() + " behind"
	}
	return (-d).Round(time.Second).String() + " ahead"
}

// signature checks the signature over the exact bytes sent and names the mistake of a wrong one.
func signature(s sent, ts string, secret []byte) []outcome {
	res := diagnose.Diagnose(diagnose.Input{Secret: secret, Timestamp: ts, Body: s.body, Query: s.query, Signature: s.header.Get(signing.HeaderSignature)})
	if !res.OK() {
		return []outcome{{checkSignature, false, fmt.Sprintf("cause: %s — %s", res.Cause, res.Detail)}}
	}
	return []outcome{{checkSignature, true, ""}, {checkLowerHex, res.Cause == diagnose.Match, res.Detail}}
}

// body checks the body against the contract; for delete-va, that its parameters are in the query.
func body(s sent, contract *spec.Spec) []outcome {
	var out []outcome
	if s.op == "deleteVa" {
		trimmed := string(bytes.TrimSpace(s.body))
		out = append(out, outcome{checkDeleteVa, trimmed == "" || trimmed == signing.EmptyBody,
			"delete-va sent a body with fields; its parameters go in the query string and the body is {}"})
	}
	r, _ := http.NewRequest(s.method, canonicalPath(s.path)+queryPart(s.query), bytes.NewReader(s.body))
	r.Header = s.header
	findings := contract.ValidateRequest(r, s.body)
	if len(bytes.TrimSpace(s.body)) == 0 { // a call without a body signs, and is read as, {}
		findings = contract.ValidateDecodedRequest(r, map[string]any{})
	}
	var faults []string
	for _, f := range findings {
		switch {
		case strings.HasPrefix(f.Pointer, "/header/"): // the header checks above
		default:
			faults = append(faults, bodyFault(f))
		}
	}
	out = append(out, outcome{checkBody, len(faults) == 0, strings.Join(faults, "; ")})
	if extras := undocumented(s, contract); len(extras) > 0 {
		out = append(out, outcome{checkExtraFields, false, "undocumented: " + strings.Join(extras, ", ")})
	}
	if len(s.body) > 0 && json.Valid(s.body) {
		out = append(out, minified(s.body))
	}
	return out
}

// schemaKind is a type or format mismatch as the schema validator words it: "got number, want string".
var schemaKind = regexp.MustCompile(`^got (.+), want (.+)$`)

// bodyFault is one contract finding on the body, worded "want …, got …".
func bodyFault(f evidence.Finding) string {
	if m := schemaKind.FindStringSubmatch(f.Expected); m != nil {
		return fmt.Sprintf("%s: want %s, got %s %s", f.Pointer, m[2], m[1], f.Got)
	}
	return fmt.Sprintf("%s: expected %s, got %s", f.Pointer, f.Expected, f.Got)
}

// minified checks that the body is as JSON.stringify writes it: no whitespace between tokens and
// "/" not escaped as "\/" (PHP's json_encode default).
func minified(body []byte) outcome {
	var min bytes.Buffer
	_ = json.Compact(&min, body)
	switch {
	case !bytes.Equal(min.Bytes(), body):
		return outcome{checkMinified, false, "the body carries whitespace between its tokens"}
	case escapesSlash(body):
		return outcome{checkMinified, false, `the body escapes "/" as "\/" (PHP json_encode's default; JSON.stringify does not)`}
	}
	return outcome{checkMinified, true, ""}
}

// escapesSlash reports whether a valid JSON text holds the escape \/ (a backslash can only
// appear inside strings, as the start of an escape).
func escapesSlash(body []byte) bool {
	for i := 0; i+1 < len(body); i++ {
		if body[i] == '\\' {
			if body[i+1] == '/' {
				return true
			}
			i++ // skip the escaped character, so that \\/ is a backslash then a slash
		}
	}
	return false
}

func queryPart(q string) string {
	if q == "" {
		return ""
	}
	return "?" + q
}

// undocumented lists the top-level body fields the operation's request schema does not name
// (its properties and those of its allOf/anyOf/oneOf branches); names only, never values.
func undocumented(s sent, contract *spec.Spec) []string {
	var body map[string]json.RawMessage
	if json.Unmarshal(s.body, &body) != nil {
		return nil
	}
	op, ok := contract.OperationByID(s.op)
	if !ok || op.Op == nil || op.Op.RequestBody == nil || op.Op.RequestBody.Value == nil {
		return nil
	}
	media := op.Op.RequestBody.Value.Content.Get("application/json")
	if media == nil || media.Schema == nil {
		return nil
	}
	known := map[string]bool{}
	collectProperties(media.Schema, known, 0)
	var extras []string
	for name := range body {
		if !known[name] {
			extras = append(extras, "/"+name)
		}
	}
	slices.Sort(extras)
	return extras
}

func collectProperties(ref *openapi3.SchemaRef, into map[string]bool, depth int) {
	if ref == nil || ref.Value == nil || depth > 8 {
		return
	}
	for name := range ref.Value.Properties {
		into[name] = true
	}
	for _, group := range []openapi3.SchemaRefs{ref.Value.AllOf, ref.Value.AnyOf, ref.Value.OneOf} {
		for _, sub := range group {
			collectProperties(sub, into, depth+1)
		}
	}
}
