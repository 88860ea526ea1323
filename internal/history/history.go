// Package history turns many conformance runs of any API profile (e.g. the
// last 30 nights' bundles, read by package snapshot) into trends: the
// verdict per night, each requirement's pass rate over time, latency per
// operation over time, and when each drift was first seen. Render writes
// them as one self-contained HTML page with inline SVG charts: no script,
// no external resource.
package history

import (
	"sort"

	"github.com/tingee-conformance/harness/internal/snapshot"
)

// Trends is what the page shows, oldest night first.
type Trends struct {
	Nights       []Night
	Requirements []RequirementRow
	Operations   []OperationSeries
	Drift        []DriftRow
}

// Night is one run.
type Night struct {
	RunID   string
	Date    string // start, UTC, "2006-01-02 15:04"
	Verdict string
}

// RequirementRow is one requirement across the nights.
type RequirementRow struct {
	ID    string
	Level string
	Cells []RateCell // one per night, same order
}

// RateCell is a requirement's outcome in one night; Total 0 when it was not in that run.
type RateCell struct {
	Result string
	Passed int
	Total  int
}

// Rate is the share of the requirement's scenarios that passed, 0 to 1.
func (c RateCell) Rate() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Passed) / float64(c.Total)
}

// OperationSeries is one operation's latency across the nights.
type OperationSeries struct {
	Operation string
	Points    []LatencyPoint // one per night, same order
}

// LatencyPoint is an operation's latency in one night; Present false when it had no answer.
type LatencyPoint struct {
	Present         bool
	P50, P95, MaxMS float64
}

// DriftRow is one drift: when it first and last showed, and in how many nights.
type DriftRow struct {
	Operation, Pointer, Got string
	FirstSeen, LastSeen     string // night dates
	Nights                  int
}

// dateLayout formats a night's start.
const dateLayout = "2006-01-02 15:04"

// Collect builds the trends of runs, sorted oldest first by the caller
// (snapshot.LoadAll); the same run given twice counts once.
func Collect(runs []*snapshot.Snapshot) Trends {
	var t Trends
	seen := map[string]bool{}
	var kept []*snapshot.Snapshot
	for _, s := range runs {
		if !seen[s.RunID] {
			seen[s.RunID] = true
			kept = append(kept, s)
		}
	}
	reqIndex := map[string]int{}
	opIndex := map[string]int{}
	driftIndex := map[string]int{}
	for n, s := range kept {
		date := s.Start.UTC().Format(dateLayout)
		t.Nights = append(t.Nights, Night{RunID: s.RunID, Date: date, Verdict: s.Verdict})
		for _, r := range s.Requirements {
			i, ok := reqIndex[r.ID]
			if !ok {
				i = len(t.Requirements)
				reqIndex[r.ID] = i
				t.Requirements = append(t.Requirements, RequirementRow{ID: r.ID, Level: r.Level, Cells: make([]RateCell, len(kept))})
			}
			t.Requirements[i].Cells[n] = RateCell{Result: r.Result, Passed: r.Passed, Total: r.Total}
		}
		for _, l := range s.Latency {
			i, ok := opIndex[l.Operation]
			if !ok {
				i = len(t.Operations)
				opIndex[l.Operation] = i
				t.Operations = append(t.Operations, OperationSeries{Operation: l.Operation, Points: make([]LatencyPoint, len(kept))})
			}
			t.Operations[i].Points[n] = LatencyPoint{Present: true, P50: l.P50MS, P95: l.P95MS, MaxMS: l.MaxMS}
		}
		inNight := map[string]bool{}
		for _, d := range s.Drift {
			k := d.Key()
			if inNight[k] {
				continue
			}
			inNight[k] = true
			i, ok := driftIndex[k]
			if !ok {
				i = len(t.Drift)
				driftIndex[k] = i
				t.Drift = append(t.Drift, DriftRow{Operation: d.Operation, Pointer: d.Pointer, Got: d.Got, FirstSeen: date})
			}
			t.Drift[i].LastSeen = date
			t.Drift[i].Nights++
		}
	}
	sort.SliceStable(t.Requirements, func(a, b int) bool { return t.Requirements[a].ID < t.Requirements[b].ID })
	sort.SliceStable(t.Operations, func(a, b int) bool { return t.Operations[a].Operation < t.Operations[b].Operation })
	sort.SliceStable(t.Drift, func(a, b int) bool { return t.Drift[a].FirstSeen > t.Drift[b].FirstSeen }) // newest first
	return t
}
