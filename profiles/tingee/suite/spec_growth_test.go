package suite_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/spec"
)

// pagingExtras is where a field is added to get-va-paging's request in a scratch copy of openapi.yaml.
const pagingExtras = `    GetVaPagingRequest:
      allOf:
        - $ref: '#/components/schemas/PagingRequest'
        - type: object
          properties:
`

// pagingExample is the end of get-va-paging's request example, which must carry the new required field.
const pagingExample = "              maxResultCount: 10\n"

// addedField is a required string enum: one case of each kind.
const addedField = `          required: [conformanceProbe]
          properties:
            conformanceProbe:
              type: string
              enum: [ALPHA, BETA]
`

// TestAFieldAddedToTheSpecGainsItsCases adds a required enum field to
// get-va-paging's request in a scratch copy of openapi.yaml and runs the
// unchanged validation.feature with it: each kind gains one case, and the
// mock (which knows nothing of the field) fails the new required-field case
// by name. No feature or step is edited.
func TestAFieldAddedToTheSpecGainsItsCases(t *testing.T) {
	yaml := string(harness.OpenAPI)
	if !strings.Contains(yaml, pagingExtras) {
		t.Fatal("openapi.yaml no longer declares GetVaPagingRequest as this test expects; update pagingExtras")
	}
	yaml = strings.Replace(yaml, pagingExtras, strings.TrimSuffix(pagingExtras, "          properties:\n")+addedField, 1)
	op, rest, _ := strings.Cut(yaml, "operationId: getVaPaging\n")
	if !strings.Contains(rest, pagingExample) {
		t.Fatal("openapi.yaml no longer gives getVaPaging the example this test expects; update pagingExample")
	}
	yaml = op + "operationId: getVaPaging\n" + strings.Replace(rest, pagingExample, pagingExample+"              conformanceProbe: ALPHA\n", 1)
	grown, err := spec.Parse([]byte(yaml), contract.Rules)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	before, after := opOf(t, embedded, "getVaPaging"), opOf(t, grown, "getVaPaging")
	for _, kind := range []payload.Kind{payload.Missing, payload.WrongType, payload.OutsideEnum} {
		b, a := payload.Cases(before, kind), payload.Cases(after, kind)
		if len(a) != len(b)+1 || !hasField(a, "conformanceProbe") {
			t.Errorf("%q cases: %d before, %d after adding conformanceProbe; want one more, for it", kind, len(b), len(a))
		}
	}

	f := mockFixtures(t)
	srv := mockServer(t, f, nil)
	res, _ := runSuiteWith(t, nil, grown, srv.URL, "@validation && @uat-safe", 1, f)
	var sent int
	for _, r := range res.results {
		if !strings.HasPrefix(r.Scenario.Name, "getVaPaging ") {
			continue
		}
		for _, st := range r.Scenario.Steps {
			sent += len(st.Exchanges)
		}
		if strings.Contains(r.Scenario.Name, "required field") {
			if msg := failures(r.Scenario); r.Scenario.Status != evidence.Failed || !strings.Contains(msg, "conformanceProbe missing") {
				t.Errorf("%s: status %s; want a failure naming the new field's case, got %q", r.Scenario.Name, r.Scenario.Status, msg)
			}
		}
	}
	want := 0
	for _, kind := range []payload.Kind{payload.Missing, payload.WrongType, payload.OutsideEnum} {
		want += len(payload.Cases(after, kind))
	}
	if sent != want {
		t.Errorf("the getVaPaging validation scenarios sent %d requests, want %d (every generated case of the grown spec)", sent, want)
	}
}

func opOf(t *testing.T, sp *spec.Spec, id string) *openapi3.Operation {
	t.Helper()
	op, ok := sp.OperationByID(id)
	if !ok {
		t.Fatalf("no operation %s", id)
	}
	return op.Op
}

func hasField(cases []payload.Case, field string) bool {
	for _, c := range cases {
		if c.Field == field {
			return true
		}
	}
	return false
}
