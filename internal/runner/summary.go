package runner

import (
	"fmt"
	"io"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
)

// Summarize prints counts, every failure with its message (a failure the
// baseline waived as WAIVED), every skip with its reason, what did not run,
// then the verdict (j, the report's own judgement, as the bundle says it) and
// the exit code with what it means; for an outage, the last transport error.
// Every suite (run, webhook-check) ends with it.
func Summarize(w io.Writer, run evidence.Run, j report.Judgement, code int, lastTransportError string) {
	counts := map[string]int{}
	warned, waived := 0, 0
	for _, s := range run.Scenarios {
		switch _, w := j.Waived[s.URI]; {
		case s.Warned():
			warned++
		case w && s.Status == evidence.Failed:
			waived++
		default:
			counts[s.Status]++
		}
	}
	fmt.Fprintf(w, "\n%d scenarios: %d passed, %d failed, %d skipped", len(run.Scenarios), counts[evidence.Passed], counts[evidence.Failed], counts[evidence.Skipped])
	if waived > 0 {
		fmt.Fprintf(w, ", %d waived (known deviations)", waived)
	}
	if warned > 0 {
		fmt.Fprintf(w, ", %d warned (should-level)", warned)
	}
	if n := counts[evidence.Undefined] + counts[evidence.Pending]; n > 0 {
		fmt.Fprintf(w, ", %d undefined or pending", n)
	}
	fmt.Fprintf(w, ", %d not run — ", len(run.NotRun))
	if run.Seed != 0 { // a suite run in file order has none
		fmt.Fprintf(w, "seed %d, ", run.Seed)
	}
	fmt.Fprintf(w, "%s\n", run.End.Sub(run.Start).Round(1e6))
	if run.CredentialsRejected != "" {
		fmt.Fprintf(w, "  CREDENTIALS REJECTED: %s\n", run.CredentialsRejected)
	}
	for _, s := range run.Scenarios {
		ref, isWaived := j.Waived[s.URI]
		switch {
		case s.Warned():
			fmt.Fprintf(w, "  WARNING %s  %s (should-level, not a failure)\n      %s\n      why only a warning: %s\n", s.URI, s.Name, firstError(s), s.Warning)
		case s.HarnessError != "":
			fmt.Fprintf(w, "  HARNESS ERROR %s  %s (not the target's fault)\n      %s\n", s.URI, s.Name, s.HarnessError)
		case s.Status == evidence.Passed:
		case s.Status == evidence.Skipped:
			fmt.Fprintf(w, "  SKIPPED %s  %s: %s\n", s.URI, s.Name, s.SkipReason)
		case isWaived && s.Status == evidence.Failed:
			fmt.Fprintf(w, "  WAIVED %s  %s (failed; known deviation %s: does not fail the run)\n      %s\n", s.URI, s.Name, ref, firstError(s))
		default:
			fmt.Fprintf(w, "  %s %s  %s\n      %s\n", strings.ToUpper(Label(s)), s.URI, s.Name, firstError(s))
		}
	}
	if n, ex := retries(run); n > 0 {
		fmt.Fprintf(w, "  retries: %d, of idempotent reads after a transport failure or a 502/503/504, e.g. %s %s (%d times)\n", n, ex.Method, ex.URL, ex.Retries)
	}
	if s := run.ClockSkew; s != nil && (*s >= minSkew || *s <= -minSkew) {
		fmt.Fprintf(w, "  clock skew: the target's Date header is %s from our clock; timestamps were moved to its clock\n", *s)
	}
	if run.Interrupted {
		fmt.Fprintln(w, "  interrupted: the run stopped early")
	}
	if n := len(run.NotRun); n > 0 { // the list is in the report, not on the console
		fmt.Fprintf(w, "  NOT RUN: %d scenarios%s (listed in the report)\n", n, notRunWhy(run, code))
	}
	for _, e := range j.Expired {
		fmt.Fprintf(w, "  EXPIRED known deviation: %s — it waives nothing and fails the run: renew or remove the entry\n", e)
	}
	fmt.Fprintf(w, "verdict: %s\n", j.Verdict.Headline())
	if j.Verdict.Rehearsal != "" {
		fmt.Fprintln(w, j.Verdict.Rehearsal)
	}
	fmt.Fprintf(w, "exit %d: %s\n", code, exitMeaning(run, j, code, warned, waived, counts[evidence.Skipped], lastTransportError))
}

// exitMeaning says what the exit code means for this run: each code read
// from the verdict it came from (exitCode), never guessed again.
func exitMeaning(run evidence.Run, j report.Judgement, code, warned, waived, skipped int, lastTransportError string) string {
	var m string
	switch {
	case code == ExitUnreachable:
		m = "the target could not be reached or gave no complete answer"
		if lastTransportError != "" {
			m += " (last error: " + lastTransportError + ")"
		}
	case code == ExitConfig && run.CredentialsRejected != "":
		m = "credentials rejected: no scenario ran"
	case code == ExitConfig && len(run.Scenarios) > 0:
		m = "nothing passed: every scenario was skipped (see why above: fixtures, OTP, or --tags)"
	case code == ExitConfig:
		m = "configuration error"
	case code == ExitFail && len(j.Expired) > 0 && j.Verdict.Result != report.NotConformant:
		m = fmt.Sprintf("%d known deviation(s) expired", len(j.Expired))
	case code == ExitFail && j.Verdict.Result == report.NotConformant:
		m = "the target broke the contract"
	case code == ExitFail && j.Verdict.Result == report.ConformantWithWarnings:
		m = fmt.Sprintf("%d should-level warning(s) under --strict", warned)
	case code == ExitFail && run.Interrupted:
		m = "interrupted before the end: the run could not judge everything"
	case code == ExitFail:
		m = "the run could not judge everything (see above: not run, no answer, harness error): not a finding against the target"
	default:
		m = "every scenario that ran passed"
		if waived > 0 {
			m = fmt.Sprintf("every scenario that ran passed, but for %d failure(s) waived by known deviations", waived)
		}
		if warned > 0 {
			m = fmt.Sprintf("every must-level scenario that ran passed; %d should-level warning(s) (--strict makes them exit 1)", warned)
		}
		if skipped > 0 {
			m += fmt.Sprintf("; %d skipped, not passed", skipped)
		}
	}
	if waived > 0 && code == ExitFail {
		m += fmt.Sprintf("; %d failure(s) waived by known deviations, not counted", waived)
	}
	return m
}

// NoAnswer labels a failed scenario whose failing call got no answer at all
// (connection refused or reset, timeout, a body cut off): the target was not
// reached, which says nothing of its contract.
const NoAnswer = "no-answer"

// Label is how the console names a scenario's status: its status, or
// NoAnswer for a failure at the transport level.
func Label(s evidence.Scenario) string {
	if s.Status != evidence.Failed {
		return s.Status
	}
	for _, st := range s.Steps {
		if st.Status != evidence.Failed {
			continue
		}
		if n := len(st.Exchanges); n > 0 && st.Exchanges[n-1].TransportError != "" {
			return NoAnswer
		}
	}
	return s.Status
}

// notRunWhy says why the rest of the run was given up.
func notRunWhy(run evidence.Run, code int) string {
	switch {
	case run.Interrupted:
		return ", after the interrupt"
	case code == ExitUnreachable:
		return ", the target being unreachable"
	}
	return ""
}

func firstError(s evidence.Scenario) string {
	for _, st := range s.Steps {
		if st.Error != "" {
			return strings.ReplaceAll(st.Error, "\n", "\n      ")
		}
		if st.Status == evidence.Undefined || st.Status == evidence.Pending {
			return st.Status + " step: " + st.Text
		}
	}
	return "(no message)"
}

// retries counts the retries of every exchange of the run, and names one retried exchange.
func retries(run evidence.Run) (n int, example evidence.Exchange) {
	for _, s := range run.Scenarios {
		for _, st := range s.Steps {
			for _, x := range st.Exchanges {
				if x.Retries > 0 && n == 0 {
					example = x
				}
				n += x.Retries
			}
		}
	}
	return n, example
}
