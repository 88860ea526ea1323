package main

import (
	"fmt"
	"maps"
	"strings"

	"gopkg.in/yaml.v3"
)

const schemaRef = "#/components/schemas/"

// scaleSpec returns openapi.yaml with every request body schema holding scale
// times its properties: each property p gains copies pX1…pX(scale-1),
// required when p is, nested objects scaled alike; request examples gain the
// same keys, so the generated samples stay valid. Schemas a body reaches
// through allOf, anyOf or oneOf are scaled too (once each); response schemas
// are left alone. It also returns how many request fields the result holds.
func scaleSpec(openapi []byte, scale int) ([]byte, int, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(openapi, &doc); err != nil {
		return nil, 0, err
	}
	s := scaler{scale: scale, schemas: asMap(dig(doc, "components", "schemas")), done: map[string]bool{}}
	for _, item := range asMap(doc["paths"]) {
		for _, op := range asMap(item) {
			media := asMap(dig(op, "requestBody", "content", "application/json"))
			if media == nil {
				continue
			}
			s.scaleRef(media["schema"])
			scaleExample(media["example"], scale)
			for _, ex := range asMap(media["examples"]) {
				scaleExample(asMap(ex)["value"], scale)
			}
		}
	}
	if s.err != nil {
		return nil, 0, s.err
	}
	out, err := yaml.Marshal(doc)
	return out, s.fields, err
}

type scaler struct {
	scale   int
	schemas map[string]any  // components.schemas
	done    map[string]bool // components already scaled
	fields  int
	err     error
}

// scaleRef scales a schema given inline or as a $ref to a component, each component once.
func (s *scaler) scaleRef(v any) {
	ref, isRef := asMap(v)["$ref"].(string)
	if !isRef {
		s.scaleSchema(v)
		return
	}
	name, ok := strings.CutPrefix(ref, schemaRef)
	if !ok || s.schemas[name] == nil {
		s.err = fmt.Errorf("request schema $ref %q: not a component of openapi.yaml", ref)
		return
	}
	if !s.done[name] {
		s.done[name] = true
		s.scaleSchema(s.schemas[name])
	}
}

// scaleSchema multiplies the properties of a schema, of its allOf, anyOf and
// oneOf branches and of its inline nested objects.
func (s *scaler) scaleSchema(v any) {
	m := asMap(v)
	for _, key := range []string{"allOf", "anyOf", "oneOf"} {
		for _, branch := range asSlice(m[key]) {
			s.scaleRef(branch)
		}
	}
	props := asMap(m["properties"])
	for _, p := range props {
		if _, isRef := asMap(p)["$ref"]; !isRef {
			s.scaleSchema(p) // nested objects first, so their copies are scaled too
		}
	}
	for name, p := range maps.Clone(props) {
		for i := 1; i < s.scale; i++ {
			props[copyName(name, i)] = p
		}
	}
	s.fields += len(props)
	required := asSlice(m["required"])
	for i := 1; i < s.scale; i++ {
		for _, r := range required {
			m["required"] = append(asSlice(m["required"]), copyName(r.(string), i))
		}
	}
}

// scaleExample gives every object of an example the copied keys.
func scaleExample(v any, scale int) {
	m := asMap(v)
	for _, child := range m {
		scaleExample(child, scale)
	}
	for name, val := range maps.Clone(m) {
		for i := 1; i < scale; i++ {
			m[copyName(name, i)] = val
		}
	}
}

func copyName(name string, i int) string { return fmt.Sprintf("%sX%d", name, i) }

func dig(v any, keys ...string) any {
	for _, k := range keys {
		v = asMap(v)[k]
	}
	return v
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}
