// Package payload builds request data from openapi.yaml alone: a valid sample
// for each operation, and the negative cases the validation feature sends
// (each required field missing, each field with a wrong type, each enum with a
// value outside it). A field added to the spec gains its cases here, with no
// edit to the features.
package payload

import (
	"bytes"
	"encoding/json"
	"net/url"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// Sample is a valid request for an operation: a JSON object body (nil when
// the operation takes none) and its query parameters.
type Sample struct {
	Body  map[string]any // nil: the operation has no JSON body
	Query url.Values
}

// Valid builds a sample request for op from its examples, enums and types:
// every required field, with the media example when the spec gives one.
func Valid(op *openapi3.Operation) Sample {
	s := Sample{Query: url.Values{}}
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != openapi3.ParameterInQuery || !p.Value.Required {
			continue
		}
		s.Query.Set(p.Value.Name, scalar(firstNonNil(p.Value.Example, schemaValue(p.Value.Schema))))
	}
	media := jsonMedia(op)
	if media == nil {
		return s
	}
	if ex := mediaExample(media); ex != nil {
		if m, ok := clone(ex).(map[string]any); ok {
			s.Body = m
			return s
		}
	}
	if m, ok := schemaValue(media.Schema).(map[string]any); ok {
		s.Body = m
	} else {
		s.Body = map[string]any{}
	}
	return s
}

// Marshal writes a body minified, keys sorted, "<>&" and non-ASCII unescaped, as the SDKs send it.
func Marshal(body map[string]any) []byte {
	if body == nil {
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		panic(err) // values built from decoded YAML always encode
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// jsonMedia is op's application/json request body, or nil.
func jsonMedia(op *openapi3.Operation) *openapi3.MediaType {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	return op.RequestBody.Value.Content.Get("application/json")
}

func mediaExample(m *openapi3.MediaType) any {
	if m.Example != nil {
		return m.Example
	}
	names := make([]string, 0, len(m.Examples))
	for n := range m.Examples {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ex := m.Examples[n]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			return ex.Value.Value
		}
	}
	return nil
}

// schemaValue builds a value that satisfies ref: its example, default, first
// enum value, or one made from its type (objects get their required fields).
func schemaValue(ref *openapi3.SchemaRef) any {
	if ref == nil || ref.Value == nil {
		return "x"
	}
	s := ref.Value
	if v := firstNonNil(s.Example, s.Default); v != nil {
		return clone(v)
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if len(s.OneOf) > 0 || len(s.AnyOf) > 0 || len(s.AllOf) > 0 {
		return objectValue(Effective(s, nil))
	}
	switch {
	case s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0:
		return objectValue(s)
	case s.Type.Is(openapi3.TypeArray):
		return []any{schemaValue(s.Items)}
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		if s.Min != nil && *s.Min > 1 {
			return *s.Min
		}
		return 1
	case s.Type.Is(openapi3.TypeBoolean):
		return false
	}
	return "x"
}

func objectValue(s *openapi3.Schema) map[string]any {
	m := map[string]any{}
	for _, name := range s.Required {
		m[name] = schemaValue(s.Properties[name])
	}
	return m
}

func firstNonNil(vs ...any) any {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// scalar renders a query parameter value.
func scalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// clone deep-copies decoded JSON/YAML values so a case never edits the spec's example.
func clone(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = clone(x)
		}
		return m
	case []any:
		a := make([]any, len(t))
		for i, x := range t {
			a[i] = clone(x)
		}
		return a
	}
	return v
}
