package main

import (
	"testing"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/spec"
)

// Scaling by 3 triples the request fields and the generated cases of every
// kind, and the scaled spec is still a valid OpenAPI document.
func TestScaleMultipliesFieldsAndCases(t *testing.T) {
	one, fields1, err := scaleSpec(harness.OpenAPI, 1)
	if err != nil {
		t.Fatal(err)
	}
	three, fields3, err := scaleSpec(harness.OpenAPI, 3)
	if err != nil {
		t.Fatal(err)
	}
	if fields1 == 0 || fields3 != 3*fields1 {
		t.Fatalf("fields %d at scale 1, %d at scale 3", fields1, fields3)
	}
	sp1, err := spec.Parse(one, contract.Rules)
	if err != nil {
		t.Fatal(err)
	}
	sp3, err := spec.Parse(three, contract.Rules)
	if err != nil {
		t.Fatalf("scaled spec: %v", err)
	}
	for _, kind := range []payload.Kind{payload.Missing, payload.WrongType, payload.OutsideEnum} {
		n1, n3 := cases(t, sp1, kind), cases(t, sp3, kind)
		if n1 == 0 || n3 != 3*n1 {
			t.Errorf("%s cases: %d at scale 1, %d at scale 3", kind, n1, n3)
		}
	}
}

func cases(t *testing.T, sp *spec.Spec, kind payload.Kind) int {
	t.Helper()
	n := 0
	for _, op := range sp.Operations() {
		for _, c := range payload.Cases(op.Op, kind) {
			if c.In == "body" {
				n++
			}
		}
	}
	return n
}
