package steps

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	"github.com/cucumber/godog"
)

// Location is where a scenario (or an outline's example row) is written.
type Location struct {
	Feature string // the feature's name
	URI     string // features/signing.feature:12
}

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
		lines := nodeLines(doc.Feature.Children)
		for _, pk := range gherkin.Pickles(*doc, p, newID) {
			line := lines[pk.AstNodeIds[len(pk.AstNodeIds)-1]]
			locs[key(p, pk.Name, pk.Steps)] = Location{Feature: doc.Feature.Name, URI: fmt.Sprintf("%s:%d", p, line)}
		}
		return nil
	})
	return locs, err
}

// nodeLines maps scenario and example-row ids to their line.
func nodeLines(children []*messages.FeatureChild) map[string]int64 {
	lines := map[string]int64{}
	var scenario func(s *messages.Scenario)
	scenario = func(s *messages.Scenario) {
		lines[s.Id] = s.Location.Line
		for _, ex := range s.Examples {
			for _, row := range ex.TableBody {
				lines[row.Id] = row.Location.Line
			}
		}
	}
	for _, c := range children {
		if c.Scenario != nil {
			scenario(c.Scenario)
		}
		if c.Rule != nil {
			for _, rc := range c.Rule.Children {
				if rc.Scenario != nil {
					scenario(rc.Scenario)
				}
			}
		}
	}
	return lines
}

func locationKey(s *godog.Scenario) string { return key(s.Uri, s.Name, s.Steps) }

func key(uri, name string, steps []*messages.PickleStep) string {
	texts := make([]string, len(steps))
	for i, st := range steps {
		texts[i] = st.Text
	}
	return uri + "\x00" + name + "\x00" + strings.Join(texts, "\x00")
}
