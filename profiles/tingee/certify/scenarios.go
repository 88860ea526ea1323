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

// Scenarios are the run's evidence, one scenario per check applied, each tagged with its check's
// requirement id, level and source as a feature's scenario is, so that the report lists every
// check as a requirement and a broken SHOULD is a warning: per request, one scenario per check
// (its CC-PATH-01 scenario, certify-client:request/N, carries the exchange); per fault drill, one per
// check of the client's next moves; one per lifecycle. Masking and scrubbing are the report's
// (internal/report).
func (o *Observer) Scenarios() []evidence.Scenario {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []evidence.Scenario
	for _, rec := range o.records {
		out = append(out, rec.scenarios()...)
	}
	for i, d := range o.drills() {
		out = append(out, d.scenarios(i+1)...)
	}
	for i, l := range o.lifecycles() {
		out = append(out, l.scenario(i+1))
	}
	return out
}

// NoRequest is the run's not-run line for a client that sent no request. The client's requests are
// what certify-client certifies, so without one the run cannot judge the client: INCOMPLETE (README
// "Certify your integration": exit 1 for "no request at all"), whatever the webhook scenarios say.
// Not NOT CONFORMANT: no check of the client failed; none was made (README "Verdicts").
const NoRequest = "the partner client's requests: the client sent no request, so none of its requests was graded"

// NotRun lists what the run could not judge for want of the client: NoRequest when the client sent
// nothing, else nothing. The caller adds it to the run's NotRun.
func (o *Observer) NotRun() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.records) == 0 {
		return []string{NoRequest}
	}
	return nil
}

// scenarios are the request's checks, one scenario each, named by the check's statement first so
// that the report's requirement statement (the words its scenarios' names share) is the check's; the first (CC-PATH-01, always graded)
// carries the exchange and the request's verdict line.
func (rec *record) scenarios() []evidence.Scenario {
	name := rec.op
	if name == "" {
		name = "no operation"
	}
	uri := fmt.Sprintf("certify-client:request/%d", rec.n)
	duration := rec.answeredAt.Sub(rec.at)
	x := evidence.Exchange{
		Operation: rec.op, Method: rec.method, URL: rec.path + queryPart(rec.query), RequestHeader: rec.header,
		RequestBody: rec.body, Status: rec.status, ResponseBody: rec.respBody, Duration: duration,
	}
	if ts := rec.header.Get(signing.HeaderTimestamp); ts != "" {
		x.StringToSignSHA256 = signing.StringToSignSHA256(ts, signing.BodyToSign(rec.body))
	}
	var out []evidence.Scenario
	for i, o := range rec.outcomes {
		sc := checkScenario("partner client: requests", fmt.Sprintf("%s — request #%d %s %s (%s)", o.check.Statement, rec.n, rec.method, rec.path, name), uri, o)
		sent := evidence.Step{Keyword: "When ", Text: fmt.Sprintf("the client sends %s %s (request #%d)", rec.method, rec.path, rec.n), Status: evidence.Passed}
		if i == 0 {
			sent.Exchanges, sc.Duration = []evidence.Exchange{x}, duration
			if rec.fault != nil {
				sc.Observations = append(sc.Observations, "answered by the fault drill "+rec.fault.String()+" instead of the mock")
			}
			if !rec.gaveUpAt.IsZero() {
				sc.Observations = append(sc.Observations, fmt.Sprintf("the client hung up after %s, before the late answer", rec.gaveUpAt.Sub(rec.at).Round(1e6)))
			}
			sc.Observations = append(sc.Observations, "verdict: "+rec.line())
		} else {
			sc.URI = uri + "/" + o.check.ID
			sent.Text += ", its exchange in " + uri
		}
		sc.Steps = append([]evidence.Step{sent}, sc.Steps...)
		out = append(out, sc)
	}
	return out
}

// checkScenario is one check applied to one thing the client did: failed on a broken MUST, failed
// at should level (a warning, with why) on a broken SHOULD, else passed.
func checkScenario(feature, name, uri string, o outcome) evidence.Scenario {
	st := evidence.Step{Keyword: "Then ", Text: o.check.label(), Status: evidence.Passed}
	sc := evidence.Scenario{Feature: feature, Name: name, URI: uri, Tags: o.check.tags(), Status: evidence.Passed}
	if o.check.Level == Should {
		sc.Warning = "SHOULD, " + o.check.Source + ": " + o.check.Basis
	}
	if !o.ok {
		st.Status, st.Error, sc.Status = evidence.Failed, o.detail, evidence.Failed
	} else if o.detail != "" {
		sc.Observations = append(sc.Observations, o.detail)
	}
	sc.Steps = []evidence.Step{st}
	return sc
}

// Summarize prints what a partner reads first, from the report the bundle was written from (one
// verdict: the report's): the counts, every failed scenario with its broken check, every scenario
// not verified with its reason, what did not run, every warning, and the verdict.
func Summarize(w io.Writer, doc *report.Document) {
	c := doc.Counts.Scenarios
	warned := map[string]bool{}
	for _, wn := range doc.Verdict.Warnings {
		warned[wn.URI] = true
	}
	fmt.Fprintf(w, "\n%d scenarios: %d passed, %d failed, %d warned, %d not verified\n", c.Total, c.Passed, c.Failed, c.Warned, c.Skipped)
	for _, sc := range doc.Scenarios {
		switch {
		case warned[sc.URI]: // listed under the warnings below
		case sc.Status == evidence.Failed:
			fmt.Fprintf(w, "  FAILED %s  %s\n", sc.URI, sc.Name)
			for _, st := range sc.Steps {
				if st.Error != "" {
					fmt.Fprintf(w, "      %s: %s\n", strings.SplitN(st.Text, " ", 2)[0], st.Error)
				}
			}
		case sc.Status == evidence.Skipped:
			fmt.Fprintf(w, "  NOT VERIFIED %s  %s: %s\n", sc.URI, sc.Name, sc.SkipReason)
		}
	}
	for _, name := range doc.Run.NotRun {
		fmt.Fprintf(w, "  NOT RUN %s\n", name)
	}
	for _, wn := range doc.Verdict.Warnings {
		fmt.Fprintf(w, "  WARNING %s (%s) %s: %s\n", wn.Requirement, wn.Source, wn.Scenario, wn.Expected)
	}
	fmt.Fprintf(w, "verdict: %s\n", doc.Verdict.Headline())
}

// scenarios are the drill's checks of the client's next moves, one scenario each; a drill the
// client never reached is not verified.
func (d drill) scenarios(i int) []evidence.Scenario {
	uri := fmt.Sprintf("certify-client:drill/%d", i)
	name := "fault drill " + d.fault.String()
	check := drillCheck(d.fault)
	if d.rec == nil {
		sc := evidence.Scenario{Feature: "partner client: fault drills", Name: check.Statement + " — " + name, URI: uri, Tags: check.tags(),
			Status: evidence.Skipped, SkipReason: fmt.Sprintf("the client never sent request #%d to %s", d.fault.Nth, d.fault.Op)}
		return []evidence.Scenario{sc}
	}
	given := evidence.Step{Keyword: "Given ", Text: fmt.Sprintf("request #%d (%s) was answered %s", d.rec.n, d.fault.Op, d.rec.code()), Status: evidence.Passed}
	if len(d.outcomes) == 0 { // a business error: what the client did next is graded on its own requests
		sc := evidence.Scenario{Feature: "partner client: fault drills", Name: check.Statement + " — " + name, URI: uri, Tags: check.tags(), Status: evidence.Passed,
			Steps:        []evidence.Step{given, {Keyword: "Then ", Text: "the calls that take an id from its answer are graded on their own requests (" + check.ID + ")", Status: evidence.Passed}},
			Observations: d.notes}
		return []evidence.Scenario{sc}
	}
	var out []evidence.Scenario
	for j, o := range d.outcomes {
		sc := checkScenario("partner client: fault drills", o.check.Statement+" — "+name, uri, o)
		if j > 0 {
			sc.URI = uri + "/" + o.check.ID
		}
		sc.Steps = append([]evidence.Step{given}, sc.Steps...)
		sc.Observations = append(sc.Observations, d.notes...)
		out = append(out, sc)
	}
	return out
}

func (l lifecycle) scenario(i int) evidence.Scenario {
	sc := evidence.Scenario{Feature: report.ClientLifecycles, Name: "lifecycle " + l.name,
		URI: fmt.Sprintf("certify-client:lifecycle/%d", i), Tags: checkLifecycle.tags(), Status: evidence.Passed,
		Observations: []string{checkLifecycle.label()}}
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
			URI: fmt.Sprintf("certify-client:webhook/%d", i+1), Tags: checkWebhook.tags(), Status: evidence.Failed}
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
			sc.Observations = append(sc.Observations, fmt.Sprintf("%s: never acknowledged (%s)", checkWebhook.label(), strings.Join(errs, "; ")))
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
