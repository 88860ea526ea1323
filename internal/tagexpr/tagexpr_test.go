package tagexpr

import (
	"errors"
	"strings"
	"testing"
)

// Both syntaxes select the same scenarios as their own tools would.
// Sources: godog v0.15.1 internal/tags (",": or, "&&": and, "~": not, "," inside "&&");
// Cucumber tag-expressions (not, and, or, parentheses; and binds tighter than or).
func TestMatch(t *testing.T) {
	cases := []struct {
		expr string
		tags []string
		want bool
	}{
		{"", []string{"@a"}, true},
		{"@a", []string{"@a"}, true},
		{"@a", []string{"@b"}, false},
		{"a", []string{"@a"}, true}, // godog drops the "@"
		{"@a,@b && ~@c", []string{"@b"}, true},
		{"@a,@b && ~@c", []string{"@b", "@c"}, false},
		{"@a,@b && ~@c", []string{"@c"}, false},
		{"not @a", []string{"@b"}, true},
		{"not @a", []string{"@a"}, false},
		{"@a and @b", []string{"@a", "@b"}, true},
		{"@a and @b", []string{"@a"}, false},
		{"@a or @b and @c", []string{"@a"}, true}, // and binds tighter
		{"(@a or @b) and @c", []string{"@a"}, false},
		{"(@a or @b) and not (@c or @d)", []string{"@b"}, true},
		{"(@a or @b) and not (@c or @d)", []string{"@b", "@d"}, false},
		{"!@a || @b", []string{"@a"}, false},
		{"NOT @a AND @b", []string{"@b"}, true},
	}
	for _, c := range cases {
		e, err := Parse(c.expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.expr, err)
		}
		if got := e.Match(c.tags); got != c.want {
			t.Errorf("Parse(%q).Match(%v) = %v, want %v", c.expr, c.tags, got, c.want)
		}
	}
}

// The godog form selects exactly what the expression does, on every tag set.
func TestGodogFormAgrees(t *testing.T) {
	exprs := []string{"@a", "not @a", "@a and @b", "@a or @b", "(@a or @b) and not (@c or @a)",
		"not (@a and (@b or not @c))", "@a,@b && ~@c", "@a or @b and @c"}
	universe := []string{"a", "b", "c"}
	for _, s := range exprs {
		e, _ := Parse(s)
		g, err := e.Godog()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if strings.ContainsAny(g, "()") || strings.Contains(g, " or ") || strings.Contains(g, "not ") {
			t.Errorf("%q: godog form %q still holds Cucumber syntax", s, g)
		}
		for mask := 0; mask < 1<<len(universe); mask++ {
			var tags []string
			for i, u := range universe {
				if mask&(1<<i) != 0 {
					tags = append(tags, "@"+u)
				}
			}
			if godogMatch(g, tags) != e.Match(tags) {
				t.Errorf("%q as godog %q disagrees on %v", s, g, tags)
			}
		}
	}
}

// godogMatch is godog v0.15.1's internal/tags match, restated (it is internal).
func godogMatch(filter string, tags []string) bool {
	has := func(tag string) bool {
		for _, t := range tags {
			if strings.TrimPrefix(t, "@") == tag {
				return true
			}
		}
		return false
	}
	ok := true
	for _, and := range strings.Split(filter, "&&") {
		any := false
		for _, tag := range strings.Split(and, ",") {
			tag = strings.ReplaceAll(strings.TrimSpace(tag), "@", "")
			any = has(tag) || any
			if tag[0] == '~' {
				any = !has(tag[1:]) || any
			}
		}
		ok = ok && any
	}
	return ok
}

// A syntax error is one line naming the position, never a panic (godog
// panics on "@signing &&").
func TestSyntaxErrors(t *testing.T) {
	cases := map[string]string{
		"@signing &&":    "position 12",
		"@a and":         "position 7",
		"(@a or @b":      "position 10",
		"@a )":           "position 4",
		"@a & @b":        "position 4",
		"@a @b":          "position 4",
		"and @a":         "position 1",
		"@a or (@b and)": "position 14",
		"@":              "position 1",
	}
	for expr, pos := range cases {
		_, err := Parse(expr)
		if err == nil {
			t.Errorf("Parse(%q) accepted", expr)
			continue
		}
		if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), pos) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%q) = %q, want one line naming %s", expr, err, pos)
		}
	}
}

func TestTooComplex(t *testing.T) {
	var parts []string
	for i := 0; i < 10; i++ {
		parts = append(parts, "(@a"+string(rune('a'+i))+" and @b"+string(rune('a'+i))+")")
	}
	if _, err := Godog(strings.Join(parts, " or ")); err == nil || !strings.Contains(err.Error(), "too complex") {
		t.Errorf("2^10 groups: got %v, want too complex", err)
	}
}

// The example tag an error gives is every profile's (@must), not one
// profile's feature tag: OCB has no @signing (review-last finding 7).
func TestSyntaxErrorExampleIsNeutral(t *testing.T) {
	for _, expr := range []string{"@must and (", "@a or and"} {
		_, err := Parse(expr)
		if err == nil || !strings.Contains(err.Error(), "such as @must") || strings.Contains(err.Error(), "@signing") {
			t.Errorf("Parse(%q) = %v, want the example @must", expr, err)
		}
	}
}
