package certify

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// Suite names a certify-client run in the report (report.ClientSuite).
const Suite = report.ClientSuite

// Scenarios are the run's evidence: one scenario per request, per fault drill and per lifecycle.
// Masking and scrubbing are the report's (internal/report).
func (o *Observer) Scenarios() []evidence.Scenario {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []evidence.Scenario
	for _, rec := range o.records {
		out = append(out, rec.scenario())
	}
	for i, d := range o.drills() {
		out = append(out, d.scenario(i+1))
	}
	for i, l := range o.lifecycles() {
		out = append(out, l.scenario(i+1))
	}
	return out
}

func (rec *record) scenario() evidence.Scenario {
	name := rec.op
	if name == "" {
		name = "no operation"
	}
	sc := evidence.Scenario{
		Feature: "partner client: requests", Name: fmt.Sprintf("request #%d %s %s (%s)", rec.n, rec.method, rec.path, name),
		URI: fmt.Sprintf("certify-client:request/%d", rec.n), Tags: []string{"@CC-REQ-01"},
		Duration: rec.answeredAt.Sub(rec.at),
	}
	x := evidence.Exchange{
		Operation: rec.op, Method: rec.method, URL: rec.path + queryPart(rec.query), RequestHeader: rec.header,
		RequestBody: rec.body, Status: rec.status, ResponseBody: rec.respBody, Duration: sc.Duration,
	}
	if ts := rec.header.Get(signing.HeaderTimestamp); ts != "" {
		x.StringToSignSHA256 = signing.StringToSignSHA256(ts, signing.BodyToSign(rec.body))
	}
	if rec.fault != nil {
		sc.Observations = append(sc.Observations, "answered by the fault drill "+rec.fault.String()+" instead of the mock")
	}
	if !rec.gaveUpAt.IsZero() {
		sc.Observations = append(sc.Observations, fmt.Sprintf("the client hung up after %s, before the late answer", rec.gaveUpAt.Sub(rec.at).Round(1e6)))
	}
	steps, status, notes := outcomeSteps(rec.outcomes)
	sc.Steps = append([]evidence.Step{{Keyword: "When ", Text: fmt.Sprintf("the client sends %s %s", rec.method, rec.path), Status: status, Exchanges: []evidence.Exchange{x}}}, steps...)
	sc.Status = status
	sc.Observations = append(sc.Observations, notes...)
	sc.Observations = append(sc.Observations, "verdict: "+rec.line())
	return sc
}

// warningPrefix starts the observation of a broken SHOULD.
const warningPrefix = "warning "

// Summarize prints what a partner reads first, from the report's masked scenarios: the counts,
// every broken MUST of every failed scenario (not only the first), every scenario not verified
// with its reason, every warning, and the verdict with the number of warnings.
func Summarize(w io.Writer, scenarios []report.Scenario, verdict string) {
	counts := map[string]int{}
	var warnings []string
	for _, sc := range scenarios {
		counts[sc.Status]++
		for _, o := range sc.Observations {
			if strings.HasPrefix(o, warningPrefix) {
				warnings = append(warnings, sc.Name+": "+o)
			}
		}
	}
	fmt.Fprintf(w, "\n%d scenarios: %d passed, %d failed, %d not verified\n", len(scenarios), counts[evidence.Passed], counts[evidence.Failed], counts[evidence.Skipped])
	for _, sc := range scenarios {
		switch sc.Status {
		case evidence.Failed:
			fmt.Fprintf(w, "  FAILED %s  %s\n", sc.URI, sc.Name)
			for _, st := range sc.Steps {
				if st.Error != "" {
					fmt.Fprintf(w, "      %s: %s\n", strings.SplitN(st.Text, " ", 2)[0], st.Error)
				}
			}
		case evidence.Skipped:
			fmt.Fprintf(w, "  NOT VERIFIED %s  %s: %s\n", sc.URI, sc.Name, sc.SkipReason)
		}
	}
	for _, warning := range warnings {
		fmt.Fprintf(w, "  WARNING %s\n", warning)
	}
	fmt.Fprintf(w, "verdict: %s (%d warning(s))\n", verdict, len(warnings))
}

// outcomeSteps are one step per check; the scenario fails on a broken MUST, a broken SHOULD is a warning.
func outcomeSteps(outcomes []outcome) (steps []evidence.Step, status string, warnings []string) {
	status = evidence.Passed
	for _, o := range outcomes {
		st := evidence.Step{Keyword: "Then ", Text: fmt.Sprintf("%s [%s · %s] %s", o.check.ID, o.check.Level, o.check.Source, o.check.Statement), Status: evidence.Passed}
		switch {
		case o.broken():
			st.Status, st.Error, status = evidence.Failed, o.detail, evidence.Failed
		case o.warns():
			warnings = append(warnings, fmt.Sprintf("%s%s (SHOULD, %s): %s", warningPrefix, o.check.ID, o.check.Source, o.detail))
		}
		steps = append(steps, st)
	}
	return steps, status, warnings
}

func (d drill) scenario(i int) evidence.Scenario {
	sc := evidence.Scenario{Feature: "partner client: fault drills", Name: "fault drill " + d.fault.String(),
		URI: fmt.Sprintf("certify-client:drill/%d", i), Tags: []string{"@CC-FLT-01"}}
	if d.rec == nil {
		sc.Status, sc.SkipReason = evidence.Skipped, fmt.Sprintf("the client never sent request #%d to %s", d.fault.Nth, d.fault.Op)
		return sc
	}
	steps, status, notes := outcomeSteps(d.outcomes)
	sc.Steps = append([]evidence.Step{{Keyword: "Given ", Text: fmt.Sprintf("request #%d (%s) was answered %s", d.rec.n, d.fault.Op, d.rec.code()), Status: evidence.Passed}}, steps...)
	sc.Status, sc.Observations = status, notes
	return sc
}

func (l lifecycle) scenario(i int) evidence.Scenario {
	sc := evidence.Scenario{Feature: "partner client: lifecycles", Name: "lifecycle " + l.name,
		URI: fmt.Sprintf("certify-client:lifecycle/%d", i), Tags: []string{"@" + checkLifecycle.ID}, Status: evidence.Passed,
		Observations: []string{fmt.Sprintf("%s [%s · %s]: %s", checkLifecycle.ID, checkLifecycle.Level, checkLifecycle.Source, checkLifecycle.Statement)}}
	for j, stage := range l.stages {
		st := evidence.Step{Keyword: "Then ", Text: stage, Status: evidence.Passed}
		if j >= l.reached {
			st.Status = evidence.Skipped
		}
		sc.Steps = append(sc.Steps, st)
	}
	if l.reached < len(l.stages) {
		sc.Status = evidence.Skipped
		sc.SkipReason = fmt.Sprintf("not completed by the client (%s): %d of %d stages, next: %s",
			checkLifecycle.ID, l.reached, len(l.stages), l.stages[l.reached])
	}
	return sc
}

// WebhookScenarios grade the webhooks the mock delivered to the partner's receiver during the run,
// one scenario per notification: acknowledged (HTTP 200, code "00") on some attempt, or not.
func WebhookScenarios(attempts []webhook.Attempt) []evidence.Scenario {
	var order []string
	byID := map[string][]webhook.Attempt{}
	for _, a := range attempts {
		if _, seen := byID[a.RequestID]; !seen {
			order = append(order, a.RequestID)
		}
		byID[a.RequestID] = append(byID[a.RequestID], a)
	}
	var out []evidence.Scenario
	for i, id := range order {
		sc := evidence.Scenario{Feature: "partner client: webhooks delivered", Name: fmt.Sprintf("webhook %d delivered to the partner's receiver", i+1),
			URI: fmt.Sprintf("certify-client:webhook/%d", i+1), Tags: []string{"@" + checkWebhook.ID}, Status: evidence.Failed}
		var errs []string
		for _, a := range byID[id] {
			x := evidence.Exchange{Method: http.MethodPost, URL: a.URL, RequestBody: a.Body, Status: a.Status, Duration: msDuration(a.DurationMS)}
			if a.Status == 0 {
				x.TransportError = a.Error
			}
			st := evidence.Step{Keyword: "When ", Text: fmt.Sprintf("attempt %d is delivered", a.Attempt), Status: evidence.Passed, Exchanges: []evidence.Exchange{x}}
			if a.Delivered {
				sc.Status = evidence.Passed
			} else {
				st.Status, st.Error = evidence.Failed, a.Error
				errs = append(errs, a.Error)
			}
			sc.Steps = append(sc.Steps, st)
		}
		if sc.Status == evidence.Failed && !answeredWrongly(byID[id]) {
			sc.Status, sc.SkipReason = evidence.Skipped, "still being delivered when the run ended: no answer from the receiver yet, retries pending"
		} else if sc.Status == evidence.Failed {
			sc.Observations = append(sc.Observations, fmt.Sprintf("%s [%s · %s]: never acknowledged (%s)", checkWebhook.ID, checkWebhook.Level, checkWebhook.Source, strings.Join(errs, "; ")))
		} else {
			for j := range sc.Steps { // a retry got through: Tingee's retries did their job
				if sc.Steps[j].Status == evidence.Failed {
					sc.Observations = append(sc.Observations, fmt.Sprintf("attempt %d was not acknowledged: %s", j+1, sc.Steps[j].Error))
					sc.Steps[j].Status, sc.Steps[j].Error = evidence.Passed, ""
				}
			}
		}
		out = append(out, sc)
	}
	return out
}

// answeredWrongly reports whether the receiver answered some attempt without acknowledging it, or
// every retry was spent.
func answeredWrongly(attempts []webhook.Attempt) bool {
	for _, a := range attempts {
		if a.Status != 0 || a.GaveUp {
			return true
		}
	}
	return false
}

func msDuration(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }
