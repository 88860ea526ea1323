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
// scheme of the operation) the request lacks. Its value is checked by
// internal/signing, not here.
func (s *Spec) missingHeaders(i int, h http.Header, base Finding) []Finding {
	reqs := s.Doc.Security
	if op := s.ops[i].Op; op.Security != nil {
		reqs = *op.Security
	}
	if s.Doc.Components == nil {
		return nil
	}
	var out []Finding
	seen := map[string]bool{}
	for _, req := range reqs {
		for name := range req {
			ref := s.Doc.Components.SecuritySchemes[name]
			if ref == nil || ref.Value == nil || ref.Value.In != "header" || seen[ref.Value.Name] {
				continue
			}
			seen[ref.Value.Name] = true
			if h.Get(ref.Value.Name) == "" {
				f := base
				f.Pointer, f.Expected, f.Got = "/header/"+ref.Value.Name, "header "+ref.Value.Name, "(missing)"
				out = append(out, f)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Pointer < out[b].Pointer })
	return out
}

// ValidateRequest checks a request (its raw body passed separately) against
// its operation: signing headers present, query parameters (openapi3filter),
// then content type and body (the compiled JSON Schema, so every field's
// departure gets its own finding). Findings point at /header/NAME,
// /query/NAME or into the body.
func (s *Spec) ValidateRequest(r *http.Request, body []byte) (out []Finding) {
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
	in := &openapi3filter.RequestValidationInput{
		Request: r,
		Route:   s.routes[i],
		Options: &openapi3filter.Options{
			MultiError:         true,
			ExcludeRequestBody: true,
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	}
	out = s.missingHeaders(i, r.Header, base)
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		out = append(out, requestFindings(err, r, base)...)
	}
	return append(out, s.checkRequestBody(i, r.Header, body, base)...)
}

// checkRequestBody checks the content type and the body of a request to operation i.
func (s *Spec) checkRequestBody(i int, h http.Header, body []byte, base Finding) []Finding {
	schema := s.schemas.requests[i]
	if schema == nil {
		return nil
	}
	instance, out, ok := jsonBody(base, h, body)
	if !ok {
		return out
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
