package suite

import (
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/steps"
)

// TestFindingsReadAsExpectedGot: a JSON Schema message that says what it got
// and wanted reads "expected …, got …" like every other departure, never
// "expected got null, want object, got null" (review of issue 10, nit 13).
func TestFindingsReadAsExpectedGot(t *testing.T) {
	for _, c := range []struct {
		f    evidence.Finding
		want string
	}{
		{evidence.Finding{Pointer: "/data", Expected: "got null, want object", Got: "null"}, "/data: expected object, got null"},
		{evidence.Finding{Pointer: "/name", Expected: "minLength: got 0, want 1", Got: `""`}, "/name: expected minLength 1, got 0"},
		{evidence.Finding{Pointer: "/items", Expected: "required property items", Got: "(missing)"}, "/items: expected required property items, got (missing)"},
		{evidence.Finding{Expected: "a JSON body", Got: "<html>"}, "body: expected a JSON body, got <html>"},
	} {
		if got := findingText(c.f); got != c.want {
			t.Errorf("findingText(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestEveryRowOfARequirementCitesTheSameSection: a failure's label names the
// doc section the scenario cites (@doc-X), whatever operation the row sends —
// never "doc 6.2.2" on one row and the contract's own "§6.2.6" on the next
// (docs/levels-and-sources.md) — and the operation by name in openapi.yaml
// when the scenario cites none.
func TestEveryRowOfARequirementCitesTheSameSection(t *testing.T) {
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	label := func(tags []string, opID string) string {
		w := &world{rec: &steps.Recording{Scenario: evidence.Scenario{Tags: tags}}}
		if opID != "" {
			var ok bool
			if w.op, ok = sp.OperationByID(opID); !ok {
				t.Fatalf("openapi.yaml has no operation %s", opID)
			}
		}
		return w.rulePrefix("x-signature")
	}
	signing := []string{"@TG-SIG-02", "@must", "@src-live", "@doc-6.2.2"}
	for _, op := range []string{"confirmVa", "getVaPaging", "generateVietQr"} {
		if got := label(signing, op); got != "TG-SIG-02 (doc 6.2.2, x-signature)" {
			t.Errorf("%s row: %q", op, got)
		}
	}
	if got := label([]string{"@TG-ENV-01", "@must", "@src-doc"}, "getVaPaging"); got != "TG-ENV-01 (openapi.yaml getVaPaging, x-signature)" {
		t.Errorf("no @doc tag: %q", got)
	}
	if got := label([]string{"@TG-ERR-04", "@should", "@src-unconfirmed"}, ""); got != "TG-ERR-04 (x-signature)" {
		t.Errorf("no operation, no @doc tag: %q", got)
	}
}
