package report

import (
	"slices"
	"testing"
)

// TestClientBundleLeavesOutTheSuitesRunFacts: a certify-client run replays
// no feature file with godog, so its summary.md and report.html show no godog
// seed, tags or features SHA-256 (review-final); an API run shows all three.
func TestClientBundleLeavesOutTheSuitesRunFacts(t *testing.T) {
	suiteFacts := []string{"Features SHA-256", "Godog seed", "Tags"}
	for _, tc := range []struct {
		suite string
		shown bool
	}{{APISuite, true}, {ClientSuite, false}} {
		doc := &Document{Run: RunInfo{Suite: tc.suite, Seed: 42}}
		var labels []string
		for _, f := range facts(doc) {
			labels = append(labels, f[0])
		}
		for _, l := range suiteFacts {
			if slices.Contains(labels, l) != tc.shown {
				t.Errorf("%s suite: fact %q shown = %v, want %v (facts %q)", tc.suite, l, !tc.shown, tc.shown, labels)
			}
		}
		if !slices.Contains(labels, "openapi.yaml SHA-256") {
			t.Errorf("%s suite: facts %q lack the contract's hash", tc.suite, labels)
		}
	}
}
