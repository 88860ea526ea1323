package runner

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/term"
)

// printer shows a run as it goes, driven by the steps' hooks; godog's own
// output is discarded. Scenarios run one at a time, so calls never overlap.
type printer interface {
	began(s evidence.Scenario) // a scenario the gate let run is starting
	stepped(st evidence.Step)  // one of its steps ended
	// ended: the n-th recorded scenario is over; cutShort: the interrupt
	// stopped it after it began, so it is listed as not run.
	ended(n int, s evidence.Scenario, cutShort bool)
}

// newPrinter prints in format; known (--baseline) marks the failures it
// waives WAIVED as they end, as the closing summary does.
func newPrinter(format string, out io.Writer, colour bool, known *baseline.File) printer {
	if format == "pretty" {
		return pretty{out, colour, known}
	}
	return lines{out, colour, known}
}

// waivedLabel is what a live line calls a scenario that ended: WAIVED for a
// failure known waives, else its Label.
func waivedLabel(s evidence.Scenario, known *baseline.File) string {
	if s.Status == evidence.Failed && s.HarnessError == "" && !s.Warned() && waives(known, s) {
		return "WAIVED"
	}
	return Label(s)
}

// lines prints one line per scenario as it ends (--format progress).
type lines struct {
	out    io.Writer
	colour bool
	known  *baseline.File
}

func (lines) began(evidence.Scenario) {}
func (lines) stepped(evidence.Step)   {}
func (p lines) ended(n int, s evidence.Scenario, cutShort bool) {
	if !cutShort {
		progressLine(p.out, n, s, waivedLabel(s, p.known), p.colour)
	}
}

// ProgressLine prints the line of the n-th scenario of a run: number, status, URI, name, duration.
func ProgressLine(w io.Writer, n int, s evidence.Scenario) { progressLine(w, n, s, Label(s), false) }

func progressLine(w io.Writer, n int, s evidence.Scenario, label string, colour bool) {
	fmt.Fprintf(w, "%4d %s %s  %s (%s)\n", n, painted(colour, fmt.Sprintf("%-9s", label), s.Status), s.URI, s.Name, s.Duration.Round(time.Millisecond))
}

// painted colours text by status: green passed, yellow skipped, red otherwise.
func painted(on bool, text, status string) string {
	c := term.Red
	switch status {
	case evidence.Passed:
		c = term.Green
	case evidence.Skipped:
		c = term.Yellow
	}
	return term.Paint(on, c, text)
}

// pretty prints each scenario step by step: a header with its URI, each step
// with its status and failure message, then how it ended, with the skip
// reason. It replaces godog's pretty formatter, which prints an outline's
// example rows after whichever outline header it printed last and so, in the
// random order every run uses, lists rows under another outline.
type pretty struct {
	out    io.Writer
	colour bool
	known  *baseline.File
}

// stepIndent lines up a failure message with the step text above it.
const stepIndent = "           "

func (p pretty) began(s evidence.Scenario) {
	fmt.Fprintf(p.out, "\nScenario: %s  # %s\n", s.Name, s.URI)
}

func (p pretty) stepped(st evidence.Step) {
	fmt.Fprintf(p.out, "  %s%s%s\n", painted(p.colour, fmt.Sprintf("%-9s", st.Status), st.Status), st.Keyword, st.Text)
	if st.Error != "" {
		fmt.Fprintf(p.out, "%s%s\n", stepIndent, strings.ReplaceAll(st.Error, "\n", "\n"+stepIndent))
	}
}

func (p pretty) ended(_ int, s evidence.Scenario, cutShort bool) {
	switch {
	case cutShort:
		fmt.Fprintln(p.out, "  => not run: interrupted")
	case s.Status == evidence.Skipped:
		fmt.Fprintf(p.out, "  => skipped: %s\n", s.SkipReason)
	default:
		fmt.Fprintf(p.out, "  => %s (%s)\n", painted(p.colour, waivedLabel(s, p.known), s.Status), s.Duration.Round(time.Millisecond))
	}
}
