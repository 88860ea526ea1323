package suite

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// expectedGot words every departure a check reports the same way:
// "expected WANT, got GOT".
func expectedGot(want, got string) string {
	return "expected " + want + ", got " + got
}

// schemaMessage matches a JSON Schema message that already says what it got
// and wanted ("got null, want object", "minLength: got 0, want 1").
var schemaMessage = regexp.MustCompile(`^(?:(\w+): )?got (.*), want (.*)$`)

// findingText words a finding of openapi.yaml: "/data: expected object, got null".
func findingText(f evidence.Finding) string {
	want, got := f.Expected, shorten([]byte(f.Got))
	if m := schemaMessage.FindStringSubmatch(f.Expected); m != nil {
		want, got = strings.TrimSpace(m[1]+" "+m[3]), m[2]
	}
	return pointerOf(f) + ": " + expectedGot(want, got)
}

// rulePrefix labels a failure with its requirement, where the rule is
// written and the rule: "TG-SIG-02 (doc 6.2.2, x-signature)" where the
// scenario cites the doc section that states it (@doc-X), else
// "TG-ENV-01 (openapi.yaml getVaPaging, response schema)": one form per
// requirement, whatever operation a row sends.
func (w *world) rulePrefix(rule string) string {
	req := w.rec.Scenario.Requirement()
	if req == "" {
		req = "contract"
	}
	where := ""
	for _, t := range w.rec.Scenario.Tags {
		if strings.HasPrefix(t, "@doc-") {
			where = "doc " + t[len("@doc-"):]
		}
	}
	if where == "" && w.op.ID != "" {
		where = "openapi.yaml " + w.op.ID
	}
	if where == "" {
		return fmt.Sprintf("%s (%s)", req, rule)
	}
	return fmt.Sprintf("%s (%s, %s)", req, where, rule)
}
