package steps_test

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/steps"
)

// TestEveryScenarioIsTagged: a requirement (@TG-…), a doc section (@doc-…),
// and exactly one of @uat-safe or @destructive, on every scenario of the API suite.
func TestEveryScenarioIsTagged(t *testing.T) {
	n := 0
	err := fs.WalkDir(harness.Features, "features", func(p string, d fs.DirEntry, err error) error {
		if err != nil || path.Ext(p) != ".feature" {
			return err
		}
		data, _ := fs.ReadFile(harness.Features, p)
		newID := (&messages.Incrementing{}).NewId
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), newID)
		if err != nil {
			return err
		}
		for _, pk := range gherkin.Pickles(*doc, p, newID) {
			var tags []string
			for _, tg := range pk.Tags {
				tags = append(tags, tg.Name)
			}
			if slices.Contains(tags, strings.TrimPrefix(steps.OtherSuites, "~")) {
				continue
			}
			n++
			has := func(prefix string) bool {
				return slices.ContainsFunc(tags, func(s string) bool { return strings.HasPrefix(s, prefix) })
			}
			safe, destructive := slices.Contains(tags, "@uat-safe"), slices.Contains(tags, "@destructive")
			if !has("@TG-") || !has("@doc-") || safe == destructive {
				t.Errorf("%s: %q has tags %v", p, pk.Name, tags)
			}
			if safe && (slices.Contains(tags, "@needs-otp") || slices.Contains(tags, "@mock-only")) {
				t.Errorf("%s: %q is @uat-safe but needs an OTP or the mock", p, pk.Name)
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d scenarios, %v", n, err)
	}
}
