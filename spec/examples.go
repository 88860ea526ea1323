package spec

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// Example is one request an operation documents, paired with the success
// answer the contract shows for it: what the contract tools (Specmatic's stub,
// the Postman export, the generated client's test) send and expect.
type Example struct {
	Operation Operation
	// Name is the request example's name; "example" for a media type's single example.
	Name string
	// Query holds the example of each required parameter and of each optional
	// parameter that has its own example.
	Query url.Values
	// ContentType is the request body's media type: application/json (Body is
	// minified JSON) or application/x-www-form-urlencoded (Body is the encoded
	// form, keys sorted); "" for an operation without a body.
	ContentType string
	// Body is the request example in ContentType; nil for an operation without a body.
	Body []byte
	// Status is the success answer's HTTP status: the lowest 2xx status that
	// has a `success` example (200 for every Tingee operation, 201 for OCB's PAR).
	Status int
	// Answer is that answer's `success` example as minified JSON.
	Answer []byte
}

// Request body media types an example can be written in.
const (
	JSONMedia = "application/json"
	FormMedia = "application/x-www-form-urlencoded"
)

// Examples lists every operation's request examples, in operation order and
// by name within one operation. An operation without a request body gives one
// example with a nil Body. A body is read from its application/json media
// type, else from its application/x-www-form-urlencoded one. It fails when an
// operation lacks a `success` example or a required parameter has no example.
func (s *Spec) Examples() ([]Example, error) {
	var out []Example
	for _, op := range s.ops {
		query, err := queryExample(op)
		if err != nil {
			return nil, err
		}
		status, answer, err := successExample(op)
		if err != nil {
			return nil, err
		}
		media, bodies := requestExamples(op)
		if op.Op.RequestBody != nil && len(bodies) == 0 {
			return nil, fmt.Errorf("spec: %s: the request body has no example", op.ID)
		}
		if len(bodies) == 0 {
			out = append(out, Example{Operation: op, Name: "example", Query: query, Status: status, Answer: answer})
			continue
		}
		names := make([]string, 0, len(bodies))
		for n := range bodies {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			body, err := encodeBody(media, bodies[n])
			if err != nil {
				return nil, fmt.Errorf("spec: %s example %s: %w", op.ID, n, err)
			}
			out = append(out, Example{Operation: op, Name: n, Query: query, ContentType: media, Body: body, Status: status, Answer: answer})
		}
	}
	return out, nil
}

// requestExamples are the request body's examples by name, in the first of
// JSONMedia and FormMedia the operation documents.
func requestExamples(op Operation) (string, map[string]any) {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil {
		return "", nil
	}
	for _, media := range []string{JSONMedia, FormMedia} {
		mt := rb.Value.Content.Get(media)
		if mt == nil {
			continue
		}
		bodies := map[string]any{}
		if mt.Example != nil {
			bodies["example"] = mt.Example
		}
		for name, ex := range mt.Examples {
			if ex.Value != nil {
				bodies[name] = ex.Value.Value
			}
		}
		return media, bodies
	}
	return "", nil
}

// encodeBody writes an example value as minified JSON, or as a form for
// FormMedia (an object of scalar fields).
func encodeBody(media string, v any) ([]byte, error) {
	if media != FormMedia {
		return json.Marshal(v)
	}
	fields, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a form example must be an object of fields, not %T", v)
	}
	form := url.Values{}
	for k, f := range fields {
		form.Set(k, fmt.Sprint(f))
	}
	return []byte(form.Encode()), nil
}

// queryExample builds an operation's example query string.
func queryExample(op Operation) (url.Values, error) {
	q := url.Values{}
	for _, ref := range op.Op.Parameters {
		p := ref.Value
		if p == nil || p.In != openapi3.ParameterInQuery {
			continue
		}
		ex := p.Example
		if ex == nil && p.Required && p.Schema != nil && p.Schema.Value != nil {
			ex = p.Schema.Value.Example
		}
		if ex == nil {
			if p.Required {
				return nil, fmt.Errorf("spec: %s: required parameter %s has no example", op.ID, p.Name)
			}
			continue
		}
		q.Set(p.Name, fmt.Sprint(ex))
	}
	return q, nil
}

// successExample is the lowest 2xx answer's `success` example, minified, with its status.
func successExample(op Operation) (int, []byte, error) {
	for status := 200; status < 300; status++ {
		r := op.Op.Responses.Status(status)
		if r == nil || r.Value == nil {
			continue
		}
		if mt := r.Value.Content.Get(JSONMedia); mt != nil {
			if ex := mt.Examples["success"]; ex != nil && ex.Value != nil {
				answer, err := json.Marshal(ex.Value.Value)
				return status, answer, err
			}
		}
	}
	return 0, nil, fmt.Errorf("spec: %s: no 2xx answer has a success example", op.ID)
}
