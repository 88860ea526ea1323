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
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gopkg.in/yaml.v3"
)

// DateLayout is the form of an entry's expiry date.
const DateLayout = "2006-01-02"

// File is a parsed known-deviations file.
type File struct {
	Name    string  `yaml:"-"` // base name of the file, as reports show it
	SHA256  string  `yaml:"-"` // hex SHA-256 of its bytes, as reports record it
	Entries []Entry `yaml:"deviations"`
}

// Entry is one known deviation.
type Entry struct {
	Requirement string `yaml:"requirement" json:"requirement,omitempty"`
	Scenario    string `yaml:"scenario" json:"scenario,omitempty"`
	Reason      string `yaml:"reason" json:"reason"`
	Reference   string `yaml:"reference" json:"reference"`
	Expires     string `yaml:"expires" json:"expires"` // YYYY-MM-DD, live through that day (UTC)
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
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	f.Name = filepath.Base(path)
	return f, nil
}

// Parse checks a known-deviations file: unknown fields, an entry naming
// neither or both of requirement and scenario, one without a reason, a
// reference or a valid expiry date, and an entry given twice are refused.
func Parse(data []byte) (*File, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f File
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(f.Entries) == 0 {
		return nil, fmt.Errorf("no entry under deviations:")
	}
	seen := map[string]bool{}
	for i, e := range f.Entries {
		switch {
		case (e.Requirement == "") == (e.Scenario == ""):
			return nil, fmt.Errorf("deviations[%d]: name either a requirement or a scenario", i)
		case e.Reason == "" || e.Reference == "":
			return nil, fmt.Errorf("deviations[%d] (%s): reason and reference are required", i, e.Label())
		case seen[e.Label()]:
			return nil, fmt.Errorf("deviations[%d]: %s is listed twice", i, e.Label())
		}
		if _, err := time.Parse(DateLayout, e.Expires); err != nil {
			return nil, fmt.Errorf("deviations[%d] (%s): expires %q: want a date YYYY-MM-DD", i, e.Label(), e.Expires)
		}
		seen[e.Label()] = true
	}
	sum := sha256.Sum256(data)
	f.SHA256 = hex.EncodeToString(sum[:])
	return &f, nil
}
