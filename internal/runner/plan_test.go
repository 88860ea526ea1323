package runner

import (
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/steps"
)

// An unknown path is answered with an address of the suite that was asked for, not Tingee's whatever the
// profile (review-last nit: OCB's run suggested features/signing.feature, which OCB has not).
func TestUnknownPathSuggestsThisSuitesAddress(t *testing.T) {
	all := []steps.Location{{URI: "features/token.feature:5", Scenario: "features/token.feature:5"}}
	err := checkAddress(all, "features/nosuch.feature")
	if err == nil || !strings.Contains(err.Error(), "features/token.feature or features/token.feature:5") || strings.Contains(err.Error(), "signing") {
		t.Errorf("got %v: want this suite's own address as the example", err)
	}
}
