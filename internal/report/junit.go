package report

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// JUnit XML as CI systems read it: one testsuite per feature, one testcase
// per scenario; not-run scenarios are skipped test cases.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr,omitempty"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

func renderJUnit(doc *Document) ([]byte, error) {
	root := junitSuites{Name: strings.ToLower(doc.Provider) + "-conformance " + doc.Run.ID, Time: seconds(doc.Run.DurationMS)} // tingee-conformance, ocb-conformance
	index := map[string]int{}
	suiteOf := func(feature string) *junitSuite {
		i, ok := index[feature]
		if !ok {
			i = len(root.Suites)
			index[feature] = i
			root.Suites = append(root.Suites, junitSuite{
				Name:      feature,
				Timestamp: doc.Run.Start.UTC().Format("2006-01-02T15:04:05"),
				Properties: []junitProperty{
					{"verdict", doc.Verdict.Headline()},
					{"target", doc.Target.BaseURL},
					{"seed", fmt.Sprint(doc.Run.Seed)},
				},
			})
		}
		return &root.Suites[i]
	}
	times := map[string]float64{}
	for _, sc := range doc.Scenarios {
		suiteOf(sc.Feature).add(sc, doc.ReplayNote)
		times[sc.Feature] += sc.DurationMS
	}
	if len(doc.Run.NotRun) > 0 {
		s := suiteOf("not run")
		for _, name := range doc.Run.NotRun {
			s.Cases = append(s.Cases, junitCase{Name: name, Classname: "not run", Time: "0.000",
				Skipped: &junitMessage{Message: "did not run: the run was interrupted or the target was unreachable"}})
			s.Tests++
			s.Skipped++
		}
	}
	for i := range root.Suites {
		s := &root.Suites[i]
		s.Time = seconds(times[s.Name])
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Errors += s.Errors
		root.Skipped += s.Skipped
	}
	out, err := xml.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

// add appends sc as a test case and counts it: a failure on an answer is a
// failure, one without an answer (transport), a harness error or an undefined
// or pending step is an error, a skip is skipped. A should-level failure is a
// warning: the case passes and its system-out says what was expected, what
// came back and why it is only a warning. A failure a known deviation waives
// (--baseline) is <skipped> with a message starting "WAIVED": every JUnit
// reader (GitLab's test report, Jenkins, the GitHub reporters) knows
// <skipped>, none reads a custom property, and a green job must not show a
// red test panel.
func (s *junitSuite) add(sc Scenario, replayNote string) {
	c := junitCase{Name: caseName(sc), Classname: sc.Feature, Time: seconds(sc.DurationMS)}
	switch {
	case sc.HarnessError != "":
		c.Error = &junitMessage{Message: "harness error (not the target's fault)", Type: "harness", Text: sc.HarnessError}
		s.Errors++
		s.Tests++
		s.Cases = append(s.Cases, c)
		return
	case sc.evidence().Warned():
		w := warningOf(sc)
		c.SystemOut = fmt.Sprintf("WARNING (should-level, not a failure)\nexpected: %s\ngot: %s\nwhy only a warning: %s\n", w.Expected, w.Got, w.Why)
		s.Tests++
		s.Cases = append(s.Cases, c)
		return
	}
	switch sc.Status {
	case evidence.Passed:
	case evidence.Skipped:
		c.Skipped = &junitMessage{Message: nonEmpty(sc.SkipReason, "skipped")}
		s.Skipped++
	case evidence.Failed:
		step := failingStep(sc)
		if sc.Waived != "" { // skipped, not failure: CI test panels (GitLab, Jenkins, GitHub reporters) show it neither red nor as a pass
			c.Skipped = &junitMessage{Message: "WAIVED by known deviation " + sc.Waived + " (failed; does not fail the run): " + firstLine(step.Error),
				Text: failureText(step, replayNote)}
			s.Skipped++
			break
		}
		kind := &c.Failure
		if transportFailed(step) {
			kind = &c.Error
			s.Errors++
		} else {
			s.Failures++
		}
		*kind = &junitMessage{Message: firstLine(step.Error), Type: "failed", Text: failureText(step, replayNote)}
	default: // undefined, pending: the scenario was not judged
		c.Error = &junitMessage{Message: sc.Status + " step", Type: sc.Status, Text: failureText(failingStep(sc), replayNote)}
		s.Errors++
	}
	s.Tests++
	s.Cases = append(s.Cases, c)
}

// caseName keeps outline rows apart: the name plus the scenario's location.
func caseName(sc Scenario) string {
	return sc.Name + " [" + sc.URI + "]"
}

// failingStep is the first step that did not pass or skip, or an empty step.
func failingStep(sc Scenario) Step {
	for _, st := range sc.Steps {
		if st.Status != evidence.Passed && st.Status != evidence.Skipped {
			return st
		}
	}
	return Step{}
}

func transportFailed(st Step) bool {
	for _, x := range st.Exchanges {
		if x.TransportError != "" {
			return true
		}
	}
	return false
}

// failureText is the failing step, its error, findings and the curl line
// with the note on replaying it.
func failureText(st Step, replayNote string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s\n%s\n", st.Keyword, st.Text, st.Error)
	for _, x := range st.Exchanges {
		fmt.Fprintf(&b, "\n%s %s → %s\n", x.Method, x.URL, answerText(x))
		for _, f := range x.Findings {
			fmt.Fprintf(&b, "  %s\n", findingText(f))
		}
		if x.Curl != "" {
			fmt.Fprintf(&b, "  %s\n  (%s)\n", x.Curl, replayNote)
		}
	}
	return b.String()
}

// answerText is "HTTP 200" or the transport error.
func answerText(x Exchange) string {
	if x.TransportError != "" {
		return "transport error: " + x.TransportError
	}
	return fmt.Sprintf("HTTP %d", x.Status)
}

func findingText(f evidence.Finding) string {
	s := fmt.Sprintf("%s %s: expected %s", f.Operation, f.Pointer, f.Expected)
	if f.Got != "" {
		s += ", got " + f.Got
	}
	if f.DocRef != "" {
		s += " (doc " + f.DocRef + ")"
	}
	if f.Drift {
		s += " [drift]"
	}
	return s
}

func seconds(ms float64) string { return fmt.Sprintf("%.3f", ms/1000) }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
