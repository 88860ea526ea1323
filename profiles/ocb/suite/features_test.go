package suite

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
)

// Every @should scenario says in its description why it "Only a warning:",
// and every @must rests on a marker that may fail a target ([seed] [obs]
// [apic] [oauth], docs/ocb-open-api.md): a correct OCB fails no @must
// (house rule: false alarms are as bad as missed defects). Review finding B1.
func TestEveryLevelHasItsReason(t *testing.T) {
	n := 0
	err := fs.WalkDir(features, "features", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(features, p)
		if err != nil {
			return err
		}
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), (&messages.Incrementing{}).NewId)
		if err != nil {
			return err
		}
		for _, c := range doc.Feature.Children {
			sc := c.Scenario
			if sc == nil {
				continue
			}
			n++
			levels := tagNames(sc.Tags)
			for _, ex := range sc.Examples {
				levels = append(levels, tagNames(ex.Tags)...)
			}
			if slices.Contains(levels, "@should") && !strings.Contains(sc.Description, "Only a warning:") {
				t.Errorf("%s: %q is @should but does not say why (\"Only a warning: …\")", p, sc.Name)
			}
			if slices.Contains(levels, "@must") && slices.Contains(tagNames(sc.Tags), "@src-unconfirmed") {
				t.Errorf("%s: %q is @must on an unconfirmed source", p, sc.Name)
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d scenarios, %v", n, err)
	}
}

func tagNames(tags []*messages.Tag) []string {
	var out []string
	for _, t := range tags {
		out = append(out, t.Name)
	}
	return out
}
