package spec

import (
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// missingHeaders reports each signing header (an apiKey-in-header security
// scheme of the operation) the request lacks. Its value is checked by the
// profile's signer, not here.
func (s *Spec) missingHeaders(i int, h http.Header, base Finding) []Finding {
	var out []Finding
	for _, name := range s.securityHeaders[i] {
		if h.Get(name) == "" {
			f := base
			f.Pointer, f.Expected, f.Got = "/header/"+name, "header "+name, "(missing)"
			out = append(out, f)
		}
	}
	return out
}

// headerSchemes lists, sorted, the header names of the apiKey-in-header security schemes
// operation op requires (its own security, else the document's).
func headerSchemes(doc *openapi3.T, op *openapi3.Operation) []string {
	reqs := doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	if doc.Components == nil {
		return nil
	}
	seen := map[string]bool{}
	var names []string
	for _, req := range reqs {
		for name := range req {
			ref := doc.Components.SecuritySchemes[name]
			if ref == nil || ref.Value == nil || ref.Value.In != "header" || seen[ref.Value.Name] {
				continue
			}
			seen[ref.Value.Name] = true
			names = append(names, ref.Value.Name)
		}
	}
	sort.Strings(names)
	return names
}

// ValidateRequest checks a request (its raw body passed separately) against
// its operation: signing headers present, query parameters (openapi3filter),
// then content type and body (the compiled JSON Schema, so every field's
// departure gets its own finding). Findings point at /header/NAME,
// /query/NAME or into the body.
func (s *Spec) ValidateRequest(r *http.Request, body []byte) []Finding {
	return s.validateRequest(r, requestBody{raw: body})
}

// ValidateDecodedRequest is ValidateRequest for a body the caller has already
// parsed as one JSON value, the way jsonschema.UnmarshalJSON does (objects as
// map[string]any, arrays as []any, numbers as json.Number), so it is not
// parsed twice. The findings are those ValidateRequest gives for the raw body.
func (s *Spec) ValidateDecodedRequest(r *http.Request, body any) []Finding {
	return s.validateRequest(r, requestBody{value: body, decoded: true})
}

// requestBody is a request's body, raw or already decoded.
type requestBody struct {
	raw     []byte
	value   any
	decoded bool
}

func (s *Spec) validateRequest(r *http.Request, body requestBody) (out []Finding) {
	if r == nil || r.URL == nil {
		return []Finding{{Pointer: "/path", Expected: "a request with a URL", Got: "(none)"}}
	}
	defer recoverAsFinding(&out, r.Method+" "+r.URL.Path)
	i, ok := s.find(r.Method, r.URL.String())
	if !ok {
		return []Finding{noSuchOperation(r.Method, r.URL.Path)}
	}
	op := s.ops[i]
	base := Finding{Operation: op.ID, DocRef: op.DocRef}
	out = s.missingHeaders(i, r.Header, base)
	// With the body excluded and authentication a no-op, openapi3filter checks only parameters
	// and that each security scheme is declared, which Parse's doc.Validate already ensured:
	// without parameters it cannot find anything, so it is not run.
	if s.hasParams[i] {
		in := &openapi3filter.RequestValidationInput{
			Request: r,
			Route:   s.routes[i],
			Options: &openapi3filter.Options{
				MultiError:         true,
				ExcludeRequestBody: true,
				AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			},
		}
		if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
			out = append(out, requestFindings(err, r, base)...)
		}
	}
	return append(out, s.checkRequestBody(i, r.Header, body, base)...)
}

// checkRequestBody checks the content type and the body of a request to operation i.
func (s *Spec) checkRequestBody(i int, h http.Header, body requestBody, base Finding) []Finding {
	schema := s.schemas.requests[i]
	if schema == nil {
		return nil
	}
	var out []Finding
	instance := body.value
	if body.decoded {
		if f, bad := contentTypeFinding(base, h); bad {
			out = append(out, f)
		}
	} else {
		var ok bool
		if instance, out, ok = jsonBody(base, h, body.raw); !ok {
			return out
		}
	}
	return append(out, validateAgainst(schema, instance, base)...)
}

// requestFindings converts openapi3filter's errors (parameters) into findings.
func requestFindings(err error, r *http.Request, base Finding) []Finding {
	if me, ok := err.(openapi3.MultiError); ok {
		var out []Finding
		for _, e := range me {
			out = append(out, requestFindings(e, r, base)...)
		}
		return out
	}
	f := base
	var re *openapi3filter.RequestError
	if errors.As(err, &re) && re.Parameter != nil {
		p := re.Parameter
		f.Pointer = "/" + p.In + "/" + p.Name
		f.Expected, f.Got = "parameter "+p.Name+": "+reason(re), paramValue(r, p)
	} else {
		f.Expected, f.Got = "a request the operation accepts", shorten(err.Error())
	}
	return []Finding{f}
}

// paramValue quotes the value a request gave a parameter.
func paramValue(r *http.Request, p *openapi3.Parameter) string {
	var vals []string
	switch p.In {
	case "query":
		vals = r.URL.Query()[p.Name]
	case "header":
		vals = r.Header.Values(p.Name)
	}
	if len(vals) == 0 {
		return "(missing)"
	}
	return shorten(strings.Join(vals, ","))
}

// reason says what a RequestError wanted: its schema errors' reasons, its
// own reason, or its cause.
func reason(re *openapi3filter.RequestError) string {
	var reasons []string
	var me openapi3.MultiError
	if errors.As(re.Err, &me) {
		for _, e := range me {
			var se *openapi3.SchemaError
			if errors.As(e, &se) {
				reasons = append(reasons, se.Reason)
			}
		}
	}
	var se *openapi3.SchemaError
	if len(reasons) == 0 && errors.As(re.Err, &se) {
		reasons = append(reasons, se.Reason)
	}
	switch {
	case len(reasons) > 0:
		return strings.Join(reasons, "; ")
	case re.Reason != "":
		return re.Reason
	case re.Err != nil:
		return re.Err.Error()
	}
	return "a valid request"
}
