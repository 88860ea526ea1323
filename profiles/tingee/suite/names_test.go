package suite_test

import (
	"regexp"
	"strings"
	"testing"

	messages "github.com/cucumber/messages/go/v21"
)

// namedAlternatives: a scenario with a step that accepts more than one
// answer says each of them in its name, so a reviewer reading "expected HTTP
// 401" never finds a pass on HTTP 200 code 96 (review of issue 10, nit 6).
// The alternatives are the notes' "Levels and sources" (docs/levels-and-sources.md).
var namedAlternatives = []struct {
	step *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`^the request is refused`), "or HTTP 401"},                                    // code 97 / 90 or 91, or a 401
	{regexp.MustCompile(`^the request is refused as a bad timestamp`), "code 90 or 91"},               // the sources disagree 90/91
	{regexp.MustCompile(`^the target answers HTTP 401 with`), `HTTP 200 with a code other than "00"`}, // the page documents the 401 body, not its trigger
	{regexp.MustCompile(`^a "[^"]*" request sent with the method`), "405"},                            // a gateway's 405 for a wrong method
}

// TestScenarioNamesSayEveryAnswerTheyAccept checks every scenario (each
// example row) of features/ against namedAlternatives.
func TestScenarioNamesSayEveryAnswerTheyAccept(t *testing.T) {
	n := 0
	eachPickle(t, func(p string, pk *messages.Pickle) {
		for _, st := range pk.Steps {
			for _, a := range namedAlternatives {
				if a.step.MatchString(st.Text) {
					n++
					if !strings.Contains(pk.Name, a.name) {
						t.Errorf("%s: %q has the step %q but its name does not say %q", p, pk.Name, st.Text, a.name)
					}
				}
			}
		}
	})
	if n == 0 {
		t.Fatal("no step with alternatives checked")
	}
}
