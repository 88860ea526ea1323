package payload

import (
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Kind is a sort of negative case.
type Kind string

// The negative cases the validation feature sends.
const (
	Missing     Kind = "missing"      // a required field left out
	WrongType   Kind = "wrong type"   // a field of another JSON type
	OutsideEnum Kind = "outside enum" // an enum field with a value outside it
)

// outside is the value sent for a string enum; no Tingee enum holds it.
const outside = "NOT-IN-ENUM"

// Case is one invalid request derived from a valid sample.
type Case struct {
	Kind  Kind
	In    string // "body" or "query"
	Field string // dotted path of the field, e.g. billInfo.amount
	Body  []byte // the body to send, nil when the operation has none
	Query url.Values
}

// Name is the field's last segment, the name a 400 message is expected to carry.
func (c Case) Name() string {
	return c.Field[strings.LastIndex(c.Field, ".")+1:]
}

// Cases lists every case of kind for op, in a stable order.
func Cases(op *openapi3.Operation, kind Kind) []Case {
	sample := Valid(op)
	var cases []Case
	for _, p := range queryParams(op) {
		if q, ok := queryCase(p, sample.Query, kind); ok {
			cases = append(cases, Case{Kind: kind, In: "query", Field: p.Name, Body: Marshal(sample.Body), Query: q})
		}
	}
	media := jsonMedia(op)
	if media == nil || media.Schema == nil || sample.Body == nil {
		return cases
	}
	walk(Effective(media.Schema.Value, sample.Body), sample.Body, nil, func(path []string, prop *openapi3.Schema, required bool) {
		body, ok := bodyCase(sample.Body, path, prop, required, kind)
		if ok {
			cases = append(cases, Case{Kind: kind, In: "body", Field: strings.Join(path, "."), Body: Marshal(body), Query: sample.Query})
		}
	})
	return cases
}

func queryParams(op *openapi3.Operation) []*openapi3.Parameter {
	var ps []*openapi3.Parameter
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
			ps = append(ps, p.Value)
		}
	}
	return ps
}

func queryCase(p *openapi3.Parameter, sample url.Values, kind Kind) (url.Values, bool) {
	q := url.Values{}
	for k, v := range sample {
		q[k] = append([]string(nil), v...)
	}
	var s *openapi3.Schema
	if p.Schema != nil {
		s = p.Schema.Value
	}
	switch {
	case kind == Missing && p.Required:
		q.Del(p.Name)
	case kind == OutsideEnum && s != nil && len(s.Enum) > 0:
		q.Set(p.Name, outside)
	case kind == WrongType && s != nil && (s.Type.Is(openapi3.TypeInteger) || s.Type.Is(openapi3.TypeNumber) || s.Type.Is(openapi3.TypeBoolean)):
		q.Set(p.Name, "not-a-"+map[bool]string{true: "boolean", false: "number"}[s.Type.Is(openapi3.TypeBoolean)])
	default:
		return nil, false
	}
	return q, true
}

func bodyCase(sample map[string]any, path []string, prop *openapi3.Schema, required bool, kind Kind) (map[string]any, bool) {
	body := clone(sample).(map[string]any)
	parent, name := locate(body, path)
	switch {
	case kind == Missing && required:
		if _, present := parent[name]; !present {
			return nil, false
		}
		delete(parent, name)
	case kind == WrongType && wrongValue(prop) != nil:
		parent[name] = wrongValue(prop)
	case kind == OutsideEnum && len(prop.Enum) > 0:
		parent[name] = enumOutsider(prop)
	default:
		return nil, false
	}
	return body, true
}

// walk visits every property of s (sorted), descending into nested objects present in value.
func walk(s *openapi3.Schema, value map[string]any, path []string, visit func(path []string, prop *openapi3.Schema, required bool)) {
	names := make([]string, 0, len(s.Properties))
	for n := range s.Properties {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ref := s.Properties[n]
		if ref == nil || ref.Value == nil || ref.Value.ReadOnly {
			continue
		}
		p := append(append([]string(nil), path...), n)
		visit(p, ref.Value, contains(s.Required, n))
		if child, ok := value[n].(map[string]any); ok {
			walk(Effective(ref.Value, child), child, p, visit)
		}
	}
}

// locate returns the object holding the field at path, and the field's name.
func locate(body map[string]any, path []string) (map[string]any, string) {
	for _, seg := range path[:len(path)-1] {
		body = body[seg].(map[string]any)
	}
	return body, path[len(path)-1]
}

// wrongValue is a value of another JSON type than prop's, or nil when prop has no single type.
func wrongValue(prop *openapi3.Schema) any {
	switch {
	case prop.Type.Is(openapi3.TypeString):
		return 12345
	case prop.Type.Is(openapi3.TypeInteger), prop.Type.Is(openapi3.TypeNumber):
		return "not-a-number"
	case prop.Type.Is(openapi3.TypeBoolean):
		return "yes"
	case prop.Type.Is(openapi3.TypeObject), prop.Type.Is(openapi3.TypeArray):
		return "x"
	}
	return nil
}

func enumOutsider(prop *openapi3.Schema) any {
	if prop.Type.Is(openapi3.TypeInteger) || prop.Type.Is(openapi3.TypeNumber) {
		return 987654321
	}
	return outside
}

// Effective flattens s for walking: allOf merged, and of oneOf/anyOf the
// first branch whose required fields value holds (the first branch otherwise).
func Effective(s *openapi3.Schema, value map[string]any) *openapi3.Schema {
	out := &openapi3.Schema{Properties: openapi3.Schemas{}}
	merge(out, s)
	for _, ref := range s.AllOf {
		if ref.Value != nil {
			merge(out, Effective(ref.Value, value))
		}
	}
	if branch := pickBranch(append(append(openapi3.SchemaRefs(nil), s.OneOf...), s.AnyOf...), value); branch != nil {
		merge(out, Effective(branch, value))
	}
	return out
}

func merge(into, s *openapi3.Schema) {
	for n, p := range s.Properties {
		into.Properties[n] = p
	}
	for _, r := range s.Required {
		if !contains(into.Required, r) {
			into.Required = append(into.Required, r)
		}
	}
}

func pickBranch(branches openapi3.SchemaRefs, value map[string]any) *openapi3.Schema {
	for _, b := range branches {
		if b.Value != nil && holdsAll(value, b.Value.Required) {
			return b.Value
		}
	}
	if len(branches) > 0 {
		return branches[0].Value
	}
	return nil
}

func holdsAll(value map[string]any, names []string) bool {
	for _, n := range names {
		if _, ok := value[n]; !ok {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
