package history

import (
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/snapshot"
)

// Chart geometry, in SVG user units.
const (
	cellW    = 22  // one night's column in the strip and the heatmap
	cellH    = 18  // one requirement's row in the heatmap
	chartH   = 120 // a latency chart's plot height
	chartPad = 30  // room for the axis labels
	// minNights is the fewest nights a latency chart is drawn wide enough for.
	minNights = 8
)

// lineChart is one operation's latency over the nights, ready to draw.
type lineChart struct {
	Operation string
	Width     int
	Height    int
	YMax      float64 // ms at the top of the plot
	P50, P95  string  // polyline points
	Dots      []dot
}

// dot is one night's p50/p95 of an operation.
type dot struct {
	X, Y50, Y95   float64
	Night         string
	P50, P95, Max float64
}

// lineCharts lays out each operation's p50 and p95 over the nights, on a
// y axis from 0 to its highest p95; a night without an answer is left out.
func lineCharts(t Trends) []lineChart {
	out := make([]lineChart, 0, len(t.Operations))
	for _, op := range t.Operations {
		c := lineChart{Operation: op.Operation, Width: chartPad + cellW*max(len(t.Nights), minNights), Height: chartH + chartPad}
		for _, p := range op.Points {
			c.YMax = max(c.YMax, p.P95)
		}
		if c.YMax == 0 {
			c.YMax = 1
		}
		y := func(v float64) float64 { return float64(chartH) - v/c.YMax*float64(chartH-10) }
		var p50, p95 []string
		for i, p := range op.Points {
			if !p.Present {
				continue
			}
			x := float64(chartPad + i*cellW + cellW/2)
			d := dot{X: x, Y50: y(p.P50), Y95: y(p.P95), Night: t.Nights[i].Date, P50: p.P50, P95: p.P95, Max: p.MaxMS}
			c.Dots = append(c.Dots, d)
			p50 = append(p50, fmt.Sprintf("%.1f,%.1f", x, d.Y50))
			p95 = append(p95, fmt.Sprintf("%.1f,%.1f", x, d.Y95))
		}
		c.P50, c.P95 = strings.Join(p50, " "), strings.Join(p95, " ")
		out = append(out, c)
	}
	return out
}

// verdictClass colours a verdict: good, warn (with warnings), bad, or unknown
// (incomplete, credentials rejected).
func verdictClass(v string) string {
	switch v {
	case "CONFORMANT":
		return "good"
	case "CONFORMANT WITH WARNINGS":
		return "warn"
	case "NOT CONFORMANT":
		return "bad"
	}
	return "unknown"
}

// cellClass colours a requirement's night by its result.
func cellClass(c RateCell) string {
	switch {
	case c.Total == 0 && c.Result == "":
		return "absent"
	case c.Result == snapshot.Passed:
		return "good"
	case c.Result == snapshot.Warning:
		return "warn"
	case c.Result == snapshot.Failed && c.Passed > 0:
		return "part"
	case c.Result == snapshot.Failed:
		return "bad"
	}
	return "unknown"
}
