package spec

import (
	"strconv"
	"strings"
)

// driftNode is what a schema documents about a value's shape, resolved once
// when the schema is compiled: the properties of an object (through $ref and
// allOf/anyOf/oneOf) and the items of an array.
type driftNode struct {
	props map[string]*driftNode
	items *driftNode
	open  bool // names no properties and is not an object type: not walked
}

// maxDriftDepth bounds the resolution of nested or recursive schemas.
const maxDriftDepth = 32

// newDriftNode resolves a converted, standalone schema into its shape.
func newDriftNode(schema map[string]any) *driftNode {
	return buildDriftNode(schema, asMap(schema["$defs"]), 0)
}

func buildDriftNode(schema map[string]any, defs map[string]any, depth int) *driftNode {
	n := &driftNode{props: map[string]*driftNode{}, open: true}
	if depth > maxDriftDepth {
		return n
	}
	var items map[string]any
	var visit func(s map[string]any, d int)
	visit = func(s map[string]any, d int) {
		if s == nil || d > maxDriftDepth {
			return
		}
		if ref, ok := s["$ref"].(string); ok {
			visit(asMap(defs[strings.TrimPrefix(ref, "#/$defs/")]), d+1)
		}
		if s["type"] == "object" {
			n.open = false
		}
		if p, ok := s["properties"].(map[string]any); ok {
			n.open = false
			for k, sub := range p {
				if _, seen := n.props[k]; !seen {
					n.props[k] = buildDriftNode(asMap(sub), defs, depth+1)
				}
			}
		}
		if it := asMap(s["items"]); it != nil && items == nil {
			items = it
		}
		for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
			if list, ok := s[kw].([]any); ok {
				for _, b := range list {
					visit(asMap(b), d+1)
				}
			}
		}
	}
	visit(schema, 0)
	if items != nil {
		n.items = buildDriftNode(items, defs, depth+1)
	}
	return n
}

// drift reports every object property of an answer's body the schema does not
// document. The spec never sets additionalProperties:false on answers, so
// extras are drift, not breaks.
func (n *driftNode) drift(v any, path []string, base Finding, out []Finding) []Finding {
	switch t := v.(type) {
	case map[string]any:
		if n.open {
			return out
		}
		for k, val := range t {
			sub, ok := n.props[k]
			if !ok {
				f := base
				f.Pointer = pointer(append(append([]string(nil), path...), k))
				f.Expected, f.Got, f.Drift = "only documented properties", valueAt(t, []string{k}), true
				out = append(out, f)
				continue
			}
			out = sub.drift(val, append(path, k), base, out)
		}
	case []any:
		if n.items == nil {
			return out
		}
		for i, val := range t {
			out = n.items.drift(val, append(path, strconv.Itoa(i)), base, out)
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
