package history

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/latency"
	"github.com/tingee-conformance/harness/internal/snapshot"
	"golang.org/x/net/html"
)

// The charts asserted here are README "Running nightly": verdict per night, pass rate per requirement,
// latency per operation over time, first-seen dates of drift; no external script.

// nights: three runs, the second failing TG-SIG-01 and showing a new header,
// getBanks slowing down; given out of order and one twice.
func nights() []*snapshot.Snapshot {
	mk := func(day int, verdict, sig string, passed int, p95 float64, drift ...snapshot.Drift) *snapshot.Snapshot {
		return &snapshot.Snapshot{RunID: "run-" + string(rune('0'+day)), Start: time.Date(2026, 11, day, 2, 0, 0, 0, time.UTC), Verdict: verdict,
			Requirements: []snapshot.Requirement{
				{ID: "TG-SIG-01", Level: "must", Result: sig, Passed: passed, Total: 2},
				{ID: "TG-ENV-02", Level: "must", Result: "passed", Passed: 1, Total: 1},
			},
			Latency: []latency.Operation{{Operation: "getBanks", Count: 2, P50MS: p95 / 2, P95MS: p95, MaxMS: p95}},
			Drift:   drift}
	}
	hdr := snapshot.Drift{Operation: "getBanks", Pointer: "/header/X-Trace", Got: "a"}
	hdr2 := hdr
	hdr2.Got = "b"
	return []*snapshot.Snapshot{
		mk(28, "CONFORMANT", "passed", 2, 40),
		mk(29, "NOT CONFORMANT", "failed", 1, 80, hdr),
		mk(30, "CONFORMANT", "passed", 2, 120, hdr2),
	}
}

func TestCollect(t *testing.T) {
	runs := nights()
	tr := Collect(append(runs, runs[1])) // the same run twice counts once
	if len(tr.Nights) != 3 || tr.Nights[1].Verdict != "NOT CONFORMANT" {
		t.Fatalf("nights = %+v", tr.Nights)
	}
	if sig := tr.Requirements[1]; sig.ID != "TG-SIG-01" || sig.Cells[1].Rate() != 0.5 || sig.Cells[0].Rate() != 1 {
		t.Errorf("TG-SIG-01 row = %+v", sig)
	}
	if len(tr.Drift) != 1 || tr.Drift[0].FirstSeen != "2026-11-29 02:00" || tr.Drift[0].LastSeen != "2026-11-30 02:00" || tr.Drift[0].Nights != 2 {
		t.Errorf("drift = %+v (a header's changing value is one drift)", tr.Drift)
	}
}

// TestPageCarriesTheChartsData parses the page and reads the charts' data
// back from the SVG: verdicts, pass rates, latency points, drift first seen.
func TestPageCarriesTheChartsData(t *testing.T) {
	page, err := Render(Collect(nights()), "Tingee Open API conformance", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var verdicts, rates, p95s, firstSeen []string
	svgs := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := attrs(n)
			switch {
			case n.Data == "script" || (n.Data == "link") || a["src"] != "":
				t.Errorf("the page loads something: <%s %v>", n.Data, a)
			case n.Data == "svg":
				svgs++
			case n.Data == "rect" && a["data-verdict"] != "":
				verdicts = append(verdicts, a["data-verdict"])
			case n.Data == "rect" && a["data-requirement"] == "TG-SIG-01":
				rates = append(rates, a["data-rate"])
			case n.Data == "circle" && a["data-p95"] != "":
				p95s = append(p95s, a["data-p95"])
			case n.Data == "tr" && a["data-first-seen"] != "":
				firstSeen = append(firstSeen, a["data-first-seen"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	check := func(what string, got []string, want ...string) {
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("verdicts", verdicts, "CONFORMANT", "NOT CONFORMANT", "CONFORMANT")
	check("TG-SIG-01 pass rates", rates, "1.000", "0.500", "1.000")
	check("getBanks p95", p95s, "40.0", "80.0", "120.0")
	check("drift first seen", firstSeen, "2026-11-29 02:00")
	if svgs != 3 {
		t.Errorf("%d SVG charts, want 3 (verdicts, requirements, one operation)", svgs)
	}
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[a.Key] = a.Val
	}
	return m
}

// Review of issues 13-14, S3: report.json writes a should-level failure as "warning", which the heatmap drew
// grey, under "skipped, undefined or pending"; it is the verdict strip's warning colour.
func TestAWarningNightIsDrawnAsAWarning(t *testing.T) {
	for result, want := range map[string]string{snapshot.Warning: "warn", snapshot.Failed: "bad", snapshot.Passed: "good", "skipped": "unknown"} {
		if got := cellClass(RateCell{Result: result, Total: 1}); got != want {
			t.Errorf("%s: class %q, want %q", result, got, want)
		}
	}
}
