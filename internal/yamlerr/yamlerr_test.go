package yamlerr

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

type entry struct {
	Name  string `yaml:"name"`
	Count int    `yaml:"count"`
}

type file struct {
	Entries []entry `yaml:"entries"`
}

var testTypes = Types{
	"yamlerr.file":  {Name: "the file", T: reflect.TypeFor[file]()},
	"yamlerr.entry": {Name: "an entry", T: reflect.TypeFor[entry]()},
}

// Every error is one line naming the line at fault and the field in words,
// never a Go type name (review-13-14 S6: a baseline key printed
// "field reasn not found in type baseline.Entry" over two lines).
func TestErrorsAreOneLineInWords(t *testing.T) {
	for src, want := range map[string]string{
		"entries:\n  - name: a\n    nmae: b\n": `line 3: unknown field "nmae" in an entry (it takes name, count)`,
		"entries:\n  - count: many\n":          `line 2: "many" where a whole number is expected`,
		"entries:\n  - name: [a\n":             "line 2: not valid YAML",
	} {
		var f file
		_, err := Decode([]byte(src), &f, testTypes)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "yamlerr.") {
			t.Errorf("%q: %v, want one line with %q", src, err, want)
		}
	}
	var f file
	if _, err := Decode(nil, &f, testTypes); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty file: %v", err)
	}
	doc, err := Decode([]byte("entries:\n  - name: a\n  - name: b\n    count: 2\n"), &f, testTypes)
	if err != nil {
		t.Fatal(err)
	}
	if got := At(doc, "too many", "entries", 1, "count").Error(); got != "line 4: entries, item 2, count: too many" {
		t.Errorf("At: %q", got)
	}
}
