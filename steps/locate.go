package steps

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v26"
	"github.com/cucumber/godog"
	messages "github.com/cucumber/messages/go/v21"
)

// Location is where a scenario (or an outline's example row) is written.
type Location struct {
	Feature  string   // the feature's name
	URI      string   // features/signing.feature:12
	Keywords []string // each step's keyword as written ("Given ", "And "…)
	Name     string   // the scenario's name (an outline row's, with its values)
	Tags     []string // its tags, the feature's and the examples' included
	// Scenario is the file:line of its Scenario (Outline) keyword, the line
	// godog selects it by (features/x.feature:12); URI for a plain scenario.
	Scenario string
	// Warning is why a @should scenario's failure is only a warning: the
	// scenario description's line starting with WarningPrefix.
	Warning string
}

// WarningPrefix starts the line of a @should scenario's description that says
// why its failure is only a warning.
const WarningPrefix = "Only a warning:"

// Locations maps a scenario, by its URI, name and step texts, to its location.
type Locations map[string]Location

// Locate parses every .feature file under dir of fsys, for Config.Locations.
func Locate(fsys fs.FS, dir string) (Locations, error) {
	locs := Locations{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".feature" {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		newID := (&messages.Incrementing{}).NewId
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), newID)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if doc.Feature == nil {
			return nil
		}
		lines, keywords, warnings := nodeLines(doc.Feature.Children)
		for _, pk := range gherkin.Pickles(*doc, p, newID) {
			loc := Location{Feature: doc.Feature.Name, URI: fmt.Sprintf("%s:%d", p, lines[pk.AstNodeIds[len(pk.AstNodeIds)-1]]),
				Name: pk.Name, Scenario: fmt.Sprintf("%s:%d", p, lines[pk.AstNodeIds[0]]),
				Warning: warnings[pk.AstNodeIds[0]]}
			for _, t := range pk.Tags {
				loc.Tags = append(loc.Tags, t.Name)
			}
			for _, st := range pk.Steps {
				loc.Keywords = append(loc.Keywords, keywords[st.AstNodeIds[0]])
			}
			locs[key(p, pk.Name, pk.Steps)] = loc
		}
		return nil
	})
	return locs, err
}

// nodeLines maps scenario and example-row ids to their line, step ids to
// their keyword, and scenario ids to the "Only a warning:" sentence of their description.
func nodeLines(children []*messages.FeatureChild) (map[string]int64, map[string]string, map[string]string) {
	lines, keywords, warnings := map[string]int64{}, map[string]string{}, map[string]string{}
	steps := func(sts []*messages.Step) {
		for _, st := range sts {
			keywords[st.Id] = st.Keyword
		}
	}
	scenario := func(s *messages.Scenario) {
		lines[s.Id] = s.Location.Line
		for _, l := range strings.Split(s.Description, "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, WarningPrefix) {
				warnings[s.Id] = strings.TrimSpace(strings.TrimPrefix(l, WarningPrefix))
			}
		}
		steps(s.Steps)
		for _, ex := range s.Examples {
			for _, row := range ex.TableBody {
				lines[row.Id] = row.Location.Line
			}
		}
	}
	for _, c := range children {
		if c.Background != nil {
			steps(c.Background.Steps)
		}
		if c.Scenario != nil {
			scenario(c.Scenario)
		}
		if c.Rule != nil {
			for _, rc := range c.Rule.Children {
				if rc.Background != nil {
					steps(rc.Background.Steps)
				}
				if rc.Scenario != nil {
					scenario(rc.Scenario)
				}
			}
		}
	}
	return lines, keywords, warnings
}

// locationKey keys a scenario godog runs; godog appends ":LINE" to the URI
// of a scenario selected by features/x.feature:LINE, which Locate's keys lack.
func locationKey(s *godog.Scenario) string {
	return key(lineSuffix.ReplaceAllString(s.Uri, ""), s.Name, s.Steps)
}

var lineSuffix = regexp.MustCompile(`:\d+$`)

// Warning is the "Only a warning:" sentence of a pickle's scenario, "" when none.
func (l Locations) Warning(uri string, pk *messages.Pickle) string {
	return l[key(uri, pk.Name, pk.Steps)].Warning
}

func key(uri, name string, steps []*messages.PickleStep) string {
	texts := make([]string, len(steps))
	for i, st := range steps {
		texts[i] = st.Text
	}
	return uri + "\x00" + name + "\x00" + strings.Join(texts, "\x00")
}
