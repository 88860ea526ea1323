package baseline

import (
	"slices"
	"time"
)

// Statuses of an entry after a run.
const (
	Waived    = "waived"            // live, and it covered at least one failure
	Expired   = "expired"           // past its date: it waives nothing and fails the run
	Remove    = "remove this entry" // live, and its check ran and passed
	NotProven = "not checked"       // live, and no scenario it names ran (skipped or outside --tags)
)

// Outcome is how one scenario of the run ended.
type Outcome struct {
	URI    string
	Name   string
	Tags   []string // with their @
	Failed bool
	Passed bool
}

// Judged is an entry and what the run made of it.
type Judged struct {
	Entry
	Status    string   `json:"status"`
	Scenarios []string `json:"scenarios"` // URIs of the failures it waived, or of the scenarios it names
}

// Judgement is the whole file judged against a run.
type Judgement struct {
	Entries []Judged
	Waived  map[string]string // URI of a waived failure → the entry's reference
}

// Expired lists the entries that expired.
func (j Judgement) Expired() []Judged {
	var out []Judged
	for _, e := range j.Entries {
		if e.Status == Expired {
			out = append(out, e)
		}
	}
	return out
}

// Judge matches each entry against the run's outcomes on day today.
func (f *File) Judge(outcomes []Outcome, today time.Time) Judgement {
	j := Judgement{Entries: make([]Judged, 0, len(f.Entries)), Waived: map[string]string{}}
	for _, e := range f.Entries {
		d := Judged{Entry: e, Scenarios: []string{}}
		var failed, passed []string
		for _, o := range outcomes {
			if !e.covers(o) {
				continue
			}
			if o.Failed {
				failed = append(failed, o.URI)
			} else if o.Passed {
				passed = append(passed, o.URI)
			}
		}
		switch {
		case e.Expired(today):
			d.Status, d.Scenarios = Expired, append(failed, passed...)
		case len(failed) > 0:
			d.Status, d.Scenarios = Waived, failed
			for _, uri := range failed {
				j.Waived[uri] = e.Reference
			}
		case len(passed) > 0:
			d.Status, d.Scenarios = Remove, passed
		default:
			d.Status = NotProven
		}
		if d.Scenarios == nil {
			d.Scenarios = []string{}
		}
		j.Entries = append(j.Entries, d)
	}
	return j
}

// covers says whether the entry names the scenario: by requirement tag, URI,
// name, or (once CheckNames ran) an outline's line standing for its rows.
func (e Entry) covers(o Outcome) bool {
	if e.Requirement != "" {
		return slices.Contains(o.Tags, "@"+e.Requirement)
	}
	return e.Scenario == o.URI || e.Scenario == o.Name || slices.Contains(e.uris, o.URI)
}
