package suite_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// TestSigningMatrixCoversEveryOperation keeps signing.feature complete: each
// outline of the signing matrix runs for every operation of openapi.yaml,
// but one body byte changed (TG-SIG-02) needs a body, and the empty string
// signed instead of "{}" (TG-SIG-10) is for the bodyless calls only.
func TestSigningMatrixCoversEveryOperation(t *testing.T) {
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	var all, withBody []string
	for _, op := range sp.Operations() {
		all = append(all, op.ID)
		if op.Op.RequestBody != nil {
			withBody = append(withBody, op.ID)
		}
	}
	outlines := outlineRows(t, "features/signing.feature")
	for _, req := range []string{"TG-SIG-01", "TG-SIG-03", "TG-SIG-04", "TG-SIG-05", "TG-SIG-06", "TG-SIG-07", "TG-SIG-08", "TG-SIG-09", "TG-SIG-12"} {
		wantRows(t, req, outlines[req], all)
	}
	wantRows(t, "TG-SIG-02", outlines["TG-SIG-02"], withBody)
	for _, id := range outlines["TG-SIG-10"] {
		if op, _ := sp.OperationByID(id); op.Op == nil || (op.Method != "GET" && len(op.Op.Parameters) == 0) {
			t.Errorf("TG-SIG-10 lists %s, which is not a bodyless call", id)
		}
	}
	if len(outlines["TG-SIG-10"]) == 0 {
		t.Error("signing.feature has no TG-SIG-10 row")
	}
}

func wantRows(t *testing.T, req string, got, want []string) {
	t.Helper()
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("%s: signing.feature has no row for %s", req, id)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows (%s), want %d", req, len(got), strings.Join(got, ", "), len(want))
	}
}
