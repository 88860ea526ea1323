package suite_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
)

var kindStep = regexp.MustCompile(`^the "([^"]+)" cases generated from openapi.yaml for "<operation>"$`)

// TestValidationRowsCoverTheSpec keeps validation.feature honest: each of its
// outlines lists every operation that openapi.yaml gives at least one case of
// its kind. New fields of a listed operation need no edit; an operation that
// gains its first field of a kind fails here until it gets its row.
func TestValidationRowsCoverTheSpec(t *testing.T) {
	data, err := harness.Features.ReadFile("features/validation.feature")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), (&messages.Incrementing{}).NewId)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[payload.Kind]map[string]bool{}
	for _, c := range doc.Feature.Children {
		if c.Scenario == nil || len(c.Scenario.Steps) == 0 {
			continue
		}
		m := kindStep.FindStringSubmatch(c.Scenario.Steps[0].Text)
		if m == nil {
			continue
		}
		kind := payload.Kind(m[1])
		rows[kind] = map[string]bool{}
		for _, ex := range c.Scenario.Examples {
			for _, r := range ex.TableBody {
				rows[kind][r.Cells[0].Value] = true
			}
		}
	}
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []payload.Kind{payload.Missing, payload.WrongType, payload.OutsideEnum} {
		if rows[kind] == nil {
			t.Fatalf("validation.feature has no outline for %q cases", kind)
		}
		for _, op := range sp.Operations() {
			if n := len(payload.Cases(op.Op, kind)); n > 0 && !rows[kind][op.ID] {
				t.Errorf("openapi.yaml gives %s %d %q cases, but validation.feature has no row for it", op.ID, n, kind)
			}
		}
	}
}

// outlineRows reads a feature's Scenario Outlines: each one's requirement
// (its @TG-… tag without the @) → the first cell of every example row.
func outlineRows(t *testing.T, path string) map[string][]string {
	t.Helper()
	data, err := harness.Features.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), (&messages.Incrementing{}).NewId)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, c := range doc.Feature.Children {
		if c.Scenario == nil {
			continue
		}
		tags := c.Scenario.Tags
		for _, ex := range c.Scenario.Examples {
			for _, tg := range append(slices.Clone(tags), ex.Tags...) {
				if !strings.HasPrefix(tg.Name, "@TG-") {
					continue
				}
				for _, r := range ex.TableBody {
					rows[tg.Name[1:]] = append(rows[tg.Name[1:]], r.Cells[0].Value)
				}
			}
		}
	}
	return rows
}
