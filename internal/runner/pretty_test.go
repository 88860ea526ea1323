package runner

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// prettyBlock is one scenario as the pretty output shows it.
type prettyBlock struct {
	name, uri string
	steps     []string // "Given a valid \"getBanks\" request"
	end       string   // the "=> …" line
}

// parsePretty cuts a pretty run's output into its scenario blocks.
func parsePretty(t *testing.T, out string) []prettyBlock {
	t.Helper()
	var blocks []prettyBlock
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "Scenario: "):
			name, uri, ok := strings.Cut(strings.TrimPrefix(line, "Scenario: "), "  # ")
			if !ok {
				t.Fatalf("scenario header without its URI: %q", line)
			}
			blocks = append(blocks, prettyBlock{name: name, uri: uri})
		case len(blocks) == 0:
		case strings.HasPrefix(line, "  => "):
			blocks[len(blocks)-1].end = line
		case len(line) > 11 && strings.HasPrefix(line, "  ") && line[2] != ' ':
			b := &blocks[len(blocks)-1]
			b.steps = append(b.steps, line[11:])
		}
	}
	return blocks
}

// TestPrettyListsEachScenarioOnceWithItsOwnSteps runs outlines of several
// operations in a random order: every example row is shown once, under its
// own header, with its own steps (godog's pretty formatter put the rows of
// one outline under another's header when the order was random).
func TestPrettyListsEachScenarioOnceWithItsOwnSteps(t *testing.T) {
	var out bytes.Buffer
	o := options(mockURL(t), EnvMock, "@signing && ~@destructive", &out)
	o.Format, o.Seed = "pretty", 42
	run, code := Run(context.Background(), o)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	byURI := map[string]evidence.Scenario{}
	for _, s := range run.Scenarios {
		byURI[s.URI] = s
	}
	blocks := parsePretty(t, out.String())
	if len(blocks) != len(run.Scenarios) || len(blocks) < 10 {
		t.Fatalf("%d scenario blocks for %d scenarios:\n%s", len(blocks), len(run.Scenarios), out.String())
	}
	seen := map[string]bool{}
	for _, b := range blocks {
		s, ok := byURI[b.uri]
		if !ok || seen[b.uri] || s.Name != b.name {
			t.Fatalf("block %q (%s): listed twice, or not the scenario run there (%q)", b.name, b.uri, s.Name)
		}
		seen[b.uri] = true
		if len(b.steps) != len(s.Steps) {
			t.Fatalf("%s: steps %q, ran %d", b.uri, b.steps, len(s.Steps))
		}
		for i, st := range s.Steps {
			if b.steps[i] != st.Keyword+st.Text {
				t.Fatalf("%s: step %d shown as %q, ran %q", b.uri, i, b.steps[i], st.Keyword+st.Text)
			}
		}
		if op, _, ok := strings.Cut(b.name, ": "); ok && !strings.Contains(b.steps[0], `"`+op+`"`) {
			t.Fatalf("%s: %q begins with %q", b.uri, b.name, b.steps[0])
		}
		if !strings.HasPrefix(b.end, "  => passed (") {
			t.Fatalf("%s: ends with %q", b.uri, b.end)
		}
	}
}
