package runner

import (
	"fmt"
	"io"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// verdicts explain each exit code in the summary.
var verdicts = map[int]string{
	ExitOK:          "every scenario that ran passed",
	ExitFail:        "the target broke the contract",
	ExitConfig:      "configuration error",
	ExitUnreachable: "the target could not be reached or gave no complete answer",
}

// Summarize prints counts, every failure with its message, every skip with
// its reason, what did not run, and the exit code with its verdict; for an
// outage, the last transport error. Every suite (run, webhook-check) ends with it.
func Summarize(w io.Writer, run evidence.Run, code int, lastTransportError string) {
	counts := map[string]int{}
	warned := 0
	for _, s := range run.Scenarios {
		if s.Warned() {
			warned++
			continue
		}
		counts[s.Status]++
	}
	fmt.Fprintf(w, "\n%d scenarios: %d passed, %d failed, %d skipped", len(run.Scenarios), counts[evidence.Passed], counts[evidence.Failed], counts[evidence.Skipped])
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
		switch {
		case s.Warned():
			fmt.Fprintf(w, "  WARNING %s  %s (should-level, not a failure)\n      %s\n      why only a warning: %s\n", s.URI, s.Name, firstError(s), s.Warning)
		case s.HarnessError != "":
			fmt.Fprintf(w, "  HARNESS ERROR %s  %s (not the target's fault)\n      %s\n", s.URI, s.Name, s.HarnessError)
		case s.Status == evidence.Passed:
		case s.Status == evidence.Skipped:
			fmt.Fprintf(w, "  SKIPPED %s  %s: %s\n", s.URI, s.Name, s.SkipReason)
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
	verdict := verdicts[code]
	switch {
	case run.Interrupted && code == ExitFail:
		verdict = "interrupted before the end"
	case code == ExitConfig && len(run.Scenarios) > 0:
		verdict = "nothing passed: every scenario was skipped (see why above: fixtures, OTP, or --tags)"
	case code == ExitUnreachable && lastTransportError != "":
		verdict += " (last error: " + lastTransportError + ")"
	case code == ExitConfig && run.CredentialsRejected != "":
		verdict = "credentials rejected: no scenario ran"
	case code == ExitOK && counts[evidence.Skipped] > 0:
		verdict += fmt.Sprintf("; %d skipped, not passed", counts[evidence.Skipped])
	}
	if warned > 0 && code == ExitOK {
		verdict += fmt.Sprintf("; %d should-level warning(s) (--strict makes them exit 1)", warned)
	}
	if warned > 0 && code == ExitFail && counts[evidence.Failed] == 0 {
		verdict = fmt.Sprintf("%d should-level warning(s) under --strict", warned)
	}
	fmt.Fprintf(w, "exit %d: %s\n", code, verdict)
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
