package spec

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// maxGot is how much of an offending value a finding quotes.
const maxGot = 120

var printer = message.NewPrinter(language.English)

// pointer renders path segments as a JSON pointer (RFC 6901).
func pointer(segs []string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		s = strings.ReplaceAll(s, "~", "~0")
		b.WriteString(strings.ReplaceAll(s, "/", "~1"))
	}
	return b.String()
}

// shorten quotes at most maxGot bytes of s, cut on a character boundary.
func shorten(s string) string {
	if len(s) <= maxGot {
		return s
	}
	cut := maxGot
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// valueAt renders the value at path in instance, shortened; "(missing)" when absent.
func valueAt(instance any, segs []string) string {
	v, ok := lookup(instance, segs)
	if !ok {
		return "(missing)"
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return "(unprintable)"
	}
	return shorten(string(raw))
}

// lookup follows path segments through objects and arrays.
func lookup(v any, segs []string) (any, bool) {
	for _, s := range segs {
		switch t := v.(type) {
		case map[string]any:
			next, ok := t[s]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, ok := index(s, len(t))
			if !ok {
				return nil, false
			}
			v = t[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// index parses an array index segment below n.
func index(s string, n int) (int, bool) {
	i := 0
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
		if i >= n {
			return 0, false
		}
	}
	return i, true
}

// schemaFindings turns a jsonschema validation error into findings: one per
// leaf, one per missing property, and one per failed anyOf/oneOf (its
// alternatives joined with " or ").
func schemaFindings(err error, instance any, base Finding) []Finding {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		f := base
		f.Expected, f.Got = "a value the schema accepts", shorten(err.Error())
		return []Finding{f}
	}
	return errorFindings(ve, instance, base)
}

// errorFindings is schemaFindings for one node of the error tree.
func errorFindings(e *jsonschema.ValidationError, instance any, base Finding) []Finding {
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		out := make([]Finding, 0, len(k.Missing))
		for _, name := range k.Missing {
			f := base
			f.Pointer = pointer(append(append([]string(nil), e.InstanceLocation...), name))
			f.Expected, f.Got = "required property "+name, "(missing)"
			out = append(out, f)
		}
		return out
	case *kind.AnyOf, *kind.OneOf:
		if len(e.Causes) > 0 {
			return alternativeFindings(e, instance, base)
		}
	}
	if len(e.Causes) == 0 {
		f := base
		f.Pointer = pointer(e.InstanceLocation)
		f.Expected = e.ErrorKind.LocalizedString(printer)
		f.Got = valueAt(instance, e.InstanceLocation)
		return []Finding{f}
	}
	var out []Finding
	for _, c := range e.Causes {
		out = append(out, errorFindings(c, instance, base)...)
	}
	return out
}

// alternativeFindings reports a failed anyOf/oneOf. A failure every
// alternative shares is reported at its own location, once: an anyOf of
// complete object schemas with the same properties (confirm-va's two forms,
// restated so that contract tools read them) then gives the findings the
// same properties stated once beside an anyOf of bare required lists would.
// The anyOf/oneOf itself is reported unless an alternative failed only on the
// shared failures.
func alternativeFindings(e *jsonschema.ValidationError, instance any, base Finding) []Finding {
	branches := make([][]Finding, len(e.Causes))
	for i, c := range e.Causes {
		branches[i] = errorFindings(c, instance, base)
	}
	shared := sharedFindings(branches)
	for _, b := range branches {
		if len(b) == len(shared) {
			return shared
		}
	}
	f := base
	f.Pointer = pointer(e.InstanceLocation)
	f.Expected = alternatives(e)
	f.Got = valueAt(instance, e.InstanceLocation)
	return append(shared, f)
}

// sharedFindings lists the findings of the first branch that every other
// branch reports too (same pointer, same expectation).
func sharedFindings(branches [][]Finding) []Finding {
	var shared []Finding
	for _, f := range branches[0] {
		everywhere := true
		for _, b := range branches[1:] {
			if !slices.ContainsFunc(b, func(g Finding) bool { return g.Pointer == f.Pointer && g.Expected == f.Expected }) {
				everywhere = false
				break
			}
		}
		if everywhere {
			shared = append(shared, f)
		}
	}
	return shared
}

// alternatives describes what each branch of a failed anyOf/oneOf wanted.
func alternatives(e *jsonschema.ValidationError) string {
	parts := make([]string, 0, len(e.Causes))
	for _, c := range e.Causes {
		parts = append(parts, leafText(c, e.InstanceLocation))
	}
	return strings.Join(parts, " or ")
}

// leafText summarises one branch's failures on one line, naming locations
// relative to the anyOf/oneOf's own location.
func leafText(e *jsonschema.ValidationError, from []string) string {
	if len(e.Causes) == 0 {
		msg := e.ErrorKind.LocalizedString(printer)
		if len(e.InstanceLocation) <= len(from) {
			return msg
		}
		return pointer(e.InstanceLocation[len(from):]) + ": " + msg
	}
	parts := make([]string, 0, len(e.Causes))
	for _, c := range e.Causes {
		parts = append(parts, leafText(c, from))
	}
	return "(" + strings.Join(parts, "; ") + ")"
}
