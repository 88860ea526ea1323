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
	// Body is the request example as minified JSON; nil for an operation without a body.
	Body []byte
	// Answer is the 200 answer's `success` example as minified JSON.
	Answer []byte
}

// Examples lists every operation's request examples, in operation order and
// by name within one operation. An operation without a request body gives one
// example with a nil Body. It fails when an operation lacks a `success`
// example or a required parameter has no example.
func (s *Spec) Examples() ([]Example, error) {
	var out []Example
	for _, op := range s.ops {
		query, err := queryExample(op)
		if err != nil {
			return nil, err
		}
		answer, err := successExample(op)
		if err != nil {
			return nil, err
		}
		bodies := map[string]any{}
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			if mt := rb.Value.Content.Get("application/json"); mt != nil {
				if mt.Example != nil {
					bodies["example"] = mt.Example
				}
				for name, ex := range mt.Examples {
					if ex.Value != nil {
						bodies[name] = ex.Value.Value
					}
				}
			}
			if len(bodies) == 0 {
				return nil, fmt.Errorf("spec: %s: the request body has no example", op.ID)
			}
		}
		if len(bodies) == 0 {
			out = append(out, Example{Operation: op, Name: "example", Query: query, Answer: answer})
			continue
		}
		names := make([]string, 0, len(bodies))
		for n := range bodies {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			body, err := json.Marshal(bodies[n])
			if err != nil {
				return nil, fmt.Errorf("spec: %s example %s: %w", op.ID, n, err)
			}
			out = append(out, Example{Operation: op, Name: n, Query: query, Body: body, Answer: answer})
		}
	}
	return out, nil
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

// successExample is the 200 answer's `success` example, minified.
func successExample(op Operation) ([]byte, error) {
	if r := op.Op.Responses.Value("200"); r != nil && r.Value != nil {
		if mt := r.Value.Content.Get("application/json"); mt != nil {
			if ex := mt.Examples["success"]; ex != nil && ex.Value != nil {
				return json.Marshal(ex.Value.Value)
			}
		}
	}
	return nil, fmt.Errorf("spec: %s: the 200 answer has no success example", op.ID)
}
