// Package yamlerr reads a YAML file a user writes (the fixtures, a
// known-deviations file) and words its errors one way: one line naming the
// line and the field as the file writes them, what is wrong in words, never a
// Go type name ("line 3: unknown field \"reasn\" in an entry (it takes
// requirement, scenario, …)").
package yamlerr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Type names one of the caller's types as a user knows it ("an account"),
// keyed in Types by the name yaml.v3 gives it ("fixtures.Account").
type Type struct {
	Name string
	T    reflect.Type
}

// Types are the caller's types a file decodes into.
type Types map[string]Type

// ErrEmpty is returned by Decode for a file with no document.
var ErrEmpty = errors.New("empty file")

// Decode reads data into v, refusing unknown keys, and returns its node
// tree (for LineOf). An error is one line: a syntax error with the line at
// fault, each decoding error in words, ErrEmpty for an empty file.
func Decode(data []byte, v any, types Types) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(data, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return &doc, ErrEmpty
		}
		if typeErr, ok := errors.AsType[*yaml.TypeError](err); ok { // one line, not yaml's indented list
			msgs := make([]string, len(typeErr.Errors))
			for i, e := range typeErr.Errors {
				msgs[i] = typeError(e, types)
			}
			return nil, errors.New(strings.Join(msgs, "; "))
		}
		return nil, err
	}
	return &doc, nil
}

// At is msg about the node at path in doc: "line 7: accounts, item 2, otp: msg".
func At(doc *yaml.Node, msg string, path ...any) error {
	return fmt.Errorf("line %d: %s: %s", LineOf(doc, path...), FieldWords(path), msg)
}

// FieldWords names a path as a user reads it: "accounts, item 2, otp".
func FieldWords(path []any) string {
	words := make([]string, len(path))
	for i, p := range path {
		if n, ok := p.(int); ok {
			words[i] = fmt.Sprintf("item %d", n+1)
		} else {
			words[i] = fmt.Sprint(p)
		}
	}
	return strings.Join(words, ", ")
}

// syntaxLine finds the line a YAML syntax error is on. yaml.v3 names the line
// where the enclosing block began ("line 1: did not find expected '-'
// indicator" for a fault on line 3); the first prefix of the file that fails
// to parse ends on the line at fault.
func syntaxLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	for n := 1; n <= len(lines); n++ {
		var node yaml.Node
		if yaml.Unmarshal(bytes.Join(lines[:n], nil), &node) != nil {
			return n
		}
	}
	return 0
}

var (
	yamlLine     = regexp.MustCompile(`^yaml: line \d+: `)
	unknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type (\S+)$`)
	wrongKind    = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)$")
)

// syntaxError rewrites a YAML syntax error with the line at fault.
func syntaxError(data []byte, err error) error {
	msg := yamlLine.ReplaceAllString(err.Error(), "")
	msg = strings.TrimPrefix(msg, "yaml: ")
	return fmt.Errorf("line %d: not valid YAML: %s", syntaxLine(data), msg)
}

// typeError rewrites one of yaml.v3's decoding errors in words.
func typeError(e string, types Types) string {
	if g := unknownField.FindStringSubmatch(e); g != nil {
		return fmt.Sprintf("line %s: unknown field %q in %s (it takes %s)", g[1], g[2], types[g[3]].Name, strings.Join(fieldsOf(types, g[3]), ", "))
	}
	if g := wrongKind.FindStringSubmatch(e); g != nil {
		got := kindWords[g[2]]
		if g[3] != "" {
			got = fmt.Sprintf("%q", g[3])
		}
		return fmt.Sprintf("line %s: %s where %s is expected", g[1], got, wantWords(types, g[4]))
	}
	return e
}

// kindWords names YAML's node kinds.
var kindWords = map[string]string{"seq": "a list", "map": "a mapping", "str": "text", "int": "a number", "bool": "true/false", "float": "a number", "null": "nothing"}

// wantWords says what a Go type holds, in words.
func wantWords(types Types, goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map[int]"):
		return "a mapping keyed by HTTP status"
	case strings.HasPrefix(goType, "map["):
		return "a mapping"
	case goType == "int":
		return "a whole number"
	case goType == "string":
		return "text"
	}
	if t, ok := types[goType]; ok {
		return t.Name + " (a mapping)"
	}
	return "another kind of value"
}

// fieldsOf lists the YAML field names of one of the caller's types.
func fieldsOf(types Types, goType string) []string {
	t := types[goType].T
	if t == nil {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// LineOf is the line of the node at path (mapping keys, and list indexes as
// ints) in doc, or of the deepest node of path found; 0 when none is.
func LineOf(doc *yaml.Node, path ...any) int {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, p := range path {
		var next *yaml.Node
		switch key := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == key {
						line, next = n.Content[i].Line, n.Content[i+1]
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && key < len(n.Content) {
				next = n.Content[key]
				line = next.Line
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return line
}
