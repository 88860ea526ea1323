package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// draft202012 is the dialect every converted schema declares.
const draft202012 = "https://json-schema.org/draft/2020-12/schema"

// componentRef is how OpenAPI refers to a schema component.
const componentRef = "#/components/schemas/"

// schemaIDBase prefixes the $id of each schema compiled for validation.
const schemaIDBase = "https://github.com/tingee-conformance/harness/spec/schemas/"

// toGeneric turns a kin-openapi value into plain JSON values (numbers kept exact).
func toGeneric(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out any
	err = dec.Decode(&out)
	return out, err
}

// convertSchema rewrites an OpenAPI 3.0 schema (as plain JSON values) into
// JSON Schema 2020-12: `nullable` becomes a type array (and null joins an
// enum), `example` becomes `examples`, a boolean exclusiveMinimum/Maximum
// becomes the numeric form, and component refs point into $defs.
// Values of enum/example/default/const are copied untouched.
func convertSchema(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, val := range t {
			switch k {
			case "enum", "default", "const":
				out[k] = val
			case "example":
				out["examples"] = []any{val}
			case "nullable":
				// handled below
			case "$ref":
				s, _ := val.(string)
				out[k] = "#/$defs/" + strings.TrimPrefix(s, componentRef)
			case "properties":
				props, _ := val.(map[string]any)
				conv := make(map[string]any, len(props))
				for name, p := range props {
					conv[name] = convertSchema(p)
				}
				out[k] = conv
			default:
				out[k] = convertSchema(val)
			}
		}
		if nullable, _ := t["nullable"].(bool); nullable {
			makeNullable(out)
		}
		exclusiveBound(out, "exclusiveMinimum", "minimum")
		exclusiveBound(out, "exclusiveMaximum", "maximum")
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = convertSchema(e)
		}
		return out
	default:
		return v
	}
}

// makeNullable lets a converted schema accept null.
func makeNullable(s map[string]any) {
	if typ, ok := s["type"].(string); ok {
		s["type"] = []any{typ, "null"}
	}
	if enum, ok := s["enum"].([]any); ok {
		for _, e := range enum {
			if e == nil {
				return
			}
		}
		s["enum"] = append(append([]any(nil), enum...), nil)
	}
}

// exclusiveBound turns OpenAPI 3.0's `exclusiveX: true` + `bound` into 2020-12's `exclusiveX: bound`.
func exclusiveBound(s map[string]any, exclusive, bound string) {
	flag, isBool := s[exclusive].(bool)
	if !isBool {
		return
	}
	delete(s, exclusive)
	if v, ok := s[bound]; ok && flag {
		s[exclusive] = v
		delete(s, bound)
	}
}

// refsOf lists the component names a converted schema refers to.
func refsOf(v any, into map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			switch k {
			case "enum", "examples", "default", "const":
				continue
			case "$ref":
				if s, ok := val.(string); ok {
					into[strings.TrimPrefix(s, "#/$defs/")] = true
				}
			default:
				refsOf(val, into)
			}
		}
	case []any:
		for _, e := range t {
			refsOf(e, into)
		}
	}
}

// componentDefs converts every schema component of doc.
func componentDefs(doc *openapi3.T) (map[string]any, error) {
	defs := map[string]any{}
	if doc.Components == nil {
		return defs, nil
	}
	for name, ref := range doc.Components.Schemas {
		g, err := toGeneric(ref)
		if err != nil {
			return nil, fmt.Errorf("spec: schema %s: %w", name, err)
		}
		defs[name] = convertSchema(g)
	}
	return defs, nil
}

// standalone makes root a self-contained 2020-12 document: every component it
// reaches, directly or not, is copied into $defs.
func standalone(id string, root any, defs map[string]any) map[string]any {
	need := map[string]bool{}
	refsOf(root, need)
	for grew := true; grew; {
		grew = false
		for name := range need {
			more := map[string]bool{}
			refsOf(defs[name], more)
			for m := range more {
				if !need[m] {
					need[m], grew = true, true
				}
			}
		}
	}
	doc := map[string]any{"$schema": draft202012}
	if id != "" {
		doc["$id"] = id
	}
	if m, ok := root.(map[string]any); ok {
		for k, v := range m {
			doc[k] = v
		}
	} else {
		doc["allOf"] = []any{root}
	}
	if len(need) > 0 {
		names := make([]string, 0, len(need))
		for n := range need {
			names = append(names, n)
		}
		sort.Strings(names)
		d := make(map[string]any, len(names))
		for _, n := range names {
			d[n] = defs[n]
		}
		doc["$defs"] = d
	}
	return doc
}

// SchemaFiles returns each schema component as a standalone JSON Schema
// 2020-12 document, keyed by file name (e.g. "HttpError400.json"), each with
// the $id idBase+NAME.json (idBase names where the profile publishes them; a
// profile's go generate writes them, e.g. profiles/tingee/contract/schemas/).
func (s *Spec) SchemaFiles(idBase string) (map[string][]byte, error) {
	defs, err := componentDefs(s.Doc)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(defs))
	for name, def := range defs {
		raw, err := json.MarshalIndent(standalone(idBase+name+".json", def, defs), "", "  ")
		if err != nil {
			return nil, fmt.Errorf("spec: schema %s: %w", name, err)
		}
		files[name+".json"] = append(raw, '\n')
	}
	return files, nil
}
