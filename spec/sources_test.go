package spec

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestEveryAnswerRuleNamesItsSource: a schema an answer is judged by can fail
// a target, so its description must mark a source that allows that — [doc]
// or [live] (docs/levels-and-sources.md); a rule whose only source is [?]
// may not be written as a constraint, only as drift or a warning.
func TestEveryAnswerRuleNamesItsSource(t *testing.T) {
	s := mustLoad(t)
	source := regexp.MustCompile(`\[(doc|live)\b`)
	var missing []string
	for name, ref := range s.Doc.Components.Schemas {
		if strings.HasSuffix(name, "Request") || name == "PagingRequest" || name == "EmptyBody" || name == "DynamicQrRef" {
			continue // what the harness sends, not what it judges
		}
		if !source.MatchString(ref.Value.Description) {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("answer schemas with no [doc] or [live] marker in their description: %v", missing)
	}
}
