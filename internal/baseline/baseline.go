// Package baseline reads a known-deviations file (--baseline FILE, YAML) and
// judges a run's failures against it, after the OpenID Foundation
// conformance suite's expected-failures files. Each entry names a
// requirement (TG-SIG-03) or a scenario (its URI, features/x.feature:12, or
// its name), says why, where it was reported (the ticket sent to the bank)
// and until when it holds. An entry is live through its expiry date (UTC).
//
// A failure a live entry covers is waived: shown in every output, never
// hidden, and it does not fail the run. An expired entry fails the run,
// naming it. A live entry whose check ran and passed is reported "remove
// this entry".
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tingee-conformance/harness/internal/yamlerr"
)

// DateLayout is the form of an entry's expiry date.
const DateLayout = "2006-01-02"

// File is a parsed known-deviations file.
type File struct {
	Name    string     `yaml:"-"` // base name of the file, as reports show it
	SHA256  string     `yaml:"-"` // hex SHA-256 of its bytes, as reports record it
	Entries []Entry    `yaml:"deviations"`
	doc     *yaml.Node // the parsed file, for the lines of errors
}

// Entry is one known deviation.
type Entry struct {
	Requirement string   `yaml:"requirement" json:"requirement,omitempty"`
	Scenario    string   `yaml:"scenario" json:"scenario,omitempty"`
	Reason      string   `yaml:"reason" json:"reason"`
	Reference   string   `yaml:"reference" json:"reference"`
	Expires     string   `yaml:"expires" json:"expires"` // YYYY-MM-DD, live through that day (UTC)
	uris        []string // the scenario URIs Scenario names (every row of an outline's line), from CheckNames
}

// Label names the entry: its requirement or its scenario.
func (e Entry) Label() string {
	if e.Requirement != "" {
		return e.Requirement
	}
	return e.Scenario
}

// Expired says whether the entry's last day is before today's date (UTC).
func (e Entry) Expired(today time.Time) bool {
	last, _ := time.Parse(DateLayout, e.Expires) // checked by Parse
	y, m, d := today.UTC().Date()
	return last.Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Load reads and checks the file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("baseline %s %w", path, err)
	}
	f.Name = filepath.Base(path)
	return f, nil
}

// types names this package's types in errors.
var types = yamlerr.Types{
	"baseline.File":  {Name: "the file", T: reflect.TypeFor[File]()},
	"baseline.Entry": {Name: "an entry", T: reflect.TypeFor[Entry]()},
}

// Parse checks a known-deviations file: unknown fields, an entry naming
// neither or both of requirement and scenario, one without a reason, a
// reference or a valid expiry date, and an entry given twice are refused,
// in one line naming the line and the field (package yamlerr's wording).
func Parse(data []byte) (*File, error) {
	var f File
	doc, err := yamlerr.Decode(data, &f, types)
	if err != nil && !errors.Is(err, yamlerr.ErrEmpty) {
		return nil, err
	}
	if len(f.Entries) == 0 {
		return nil, fmt.Errorf("no entry under deviations:")
	}
	f.doc = doc
	seen := map[string]bool{}
	for i, e := range f.Entries {
		switch {
		case (e.Requirement == "") == (e.Scenario == ""):
			return nil, yamlerr.At(doc, "name either a requirement or a scenario", "deviations", i)
		case e.Reason == "" || e.Reference == "":
			return nil, yamlerr.At(doc, "reason and reference are required", "deviations", i)
		case seen[e.Label()]:
			return nil, yamlerr.At(doc, e.Label()+" is listed twice", "deviations", i)
		}
		if _, err := time.Parse(DateLayout, e.Expires); err != nil {
			return nil, yamlerr.At(doc, fmt.Sprintf("%q: want a date YYYY-MM-DD", e.Expires), "deviations", i, "expires")
		}
		seen[e.Label()] = true
	}
	sum := sha256.Sum256(data)
	f.SHA256 = hex.EncodeToString(sum[:])
	return &f, nil
}

// Suite is what the suite holds, for CheckNames: its requirement ids
// (without the @), and the scenario URIs an address or a name stands for (an
// error when none).
type Suite struct {
	Requirements []string
	Scenario     func(addressOrName string) ([]string, error)
}

// CheckNames refuses an entry naming what the suite does not hold: an
// unknown requirement id (or one written with its @), or a scenario the
// suite has no such file, line or name for. Such an entry would waive
// nothing and end "not checked" without a word.
func (f *File) CheckNames(s Suite) error {
	for i, e := range f.Entries {
		switch {
		case strings.HasPrefix(e.Requirement, "@"):
			return yamlerr.At(f.doc, fmt.Sprintf("%q: write the requirement without its @ (%s)", e.Requirement, e.Requirement[1:]), "deviations", i, "requirement")
		case e.Requirement != "" && !slices.Contains(s.Requirements, e.Requirement):
			return yamlerr.At(f.doc, fmt.Sprintf("%s is not a requirement of the suite (conformance --list shows each scenario's)", e.Requirement), "deviations", i, "requirement")
		case e.Scenario != "":
			uris, err := s.Scenario(e.Scenario)
			if err != nil {
				return yamlerr.At(f.doc, err.Error(), "deviations", i, "scenario")
			}
			f.Entries[i].uris = uris
		}
	}
	return nil
}
