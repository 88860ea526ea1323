package suite

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

// snippet is how much of a body a failure message quotes.
const snippet = 300

// send makes one call, records it for the evidence and the following Then
// steps, and fails when the call did not complete or its answer breaks
// openapi.yaml (drift is recorded, never failed).
func (w *world) send(ctx context.Context, what string, r client.Request) (evidence.Exchange, error) {
	x := w.client.Send(ctx, r)
	a := answer{what: what, x: x}
	w.rec.Exchanged(x)
	w.answers = append(w.answers, a)
	return x, w.contractOf(a)
}

// contractOf fails an answer that did not arrive or breaks openapi.yaml, and
// notes its drift (what the target sent that the spec does not document).
func (w *world) contractOf(a answer) error {
	if a.x.TransportError != "" {
		return w.brokenf(a.x, "transport", "the target could not be reached or did not answer %s", a.what)
	}
	if undocumentedStatus(a.x) {
		if a.x.Status == http.StatusMethodNotAllowed && w.wrongMethod {
			return nil // the sources allow a gateway's 405 for a wrong method: answersHTTPDocumented notes it
		}
		return steps.Skip("inconclusive: %s answered HTTP %d, which the operation does not document (a gateway or rate limit, not a contract break); %s",
			a.what, a.x.Status, exchangeLine(a.x))
	}
	var broken []string
	for _, f := range a.x.Findings {
		if f.Drift {
			w.observe("drift in %s: %s %s (got %s)", operationOf(a.x), f.Pointer, f.Expected, f.Got)
			continue
		}
		broken = append(broken, fmt.Sprintf("%s: expected %s, got %s", pointerOf(f), f.Expected, shorten([]byte(f.Got))))
	}
	if len(broken) > 0 {
		return w.brokenf(a.x, "response schema", "the answer to %s breaks openapi.yaml: %s", a.what, strings.Join(broken, "; "))
	}
	return nil
}

// inconclusiveStatuses are answers a gateway, proxy or rate limiter in front
// of the service gives: when the operation does not document them, they say
// nothing of the contract, and the scenario is inconclusive (notes, "Levels
// and sources"). Any other undocumented status still breaks the contract.
var inconclusiveStatuses = map[int]bool{
	http.StatusMethodNotAllowed: true, http.StatusRequestTimeout: true, http.StatusTooManyRequests: true,
	http.StatusBadGateway: true, http.StatusServiceUnavailable: true, http.StatusGatewayTimeout: true,
}

// undocumentedStatus tells whether x's status is an inconclusive one the operation does not document.
func undocumentedStatus(x evidence.Exchange) bool {
	if !inconclusiveStatuses[x.Status] {
		return false
	}
	for _, f := range x.Findings {
		if f.Pointer == "/status" && !f.Drift {
			return true
		}
	}
	return x.Operation == "" // no operation: nothing documents it
}

// prepare starts a new action: the answers of the previous one are forgotten.
func (w *world) prepare(what string) {
	w.sent, w.answers = what, nil
}

// brokenf is a failure naming the requirement, its doc section and the rule,
// then what was sent and what came back.
func (w *world) brokenf(x evidence.Exchange, rule, format string, args ...any) error {
	return fmt.Errorf("%s: %s; %s", w.rulePrefix(rule), fmt.Sprintf(format, args...), exchangeLine(x))
}

// rulePrefix is "TG-SIG-02 (doc 6.2.2, x-signature)", or "TG-ENV-01
// (contract §6.2.7, response schema)" where the section is the contract's own numbering.
func (w *world) rulePrefix(rule string) string {
	req := w.rec.Scenario.Requirement()
	if req == "" {
		req = "contract"
	}
	return fmt.Sprintf("%s (%s, %s)", req, w.docRef(), rule)
}

func exchangeLine(x evidence.Exchange) string {
	got := fmt.Sprintf("got %d %s", x.Status, shorten(x.ResponseBody))
	if x.TransportError != "" {
		got = "got no answer: " + x.TransportError
	}
	return sentLine(x) + "; " + got
}

func sentLine(x evidence.Exchange) string {
	s := "sent " + x.Method + " " + x.URL
	if x.RequestBody != nil {
		s += " " + shorten(x.RequestBody)
	}
	return s
}

func shorten(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > snippet {
		return s[:snippet] + "…"
	}
	return s
}

func pointerOf(f evidence.Finding) string {
	if f.Pointer == "" {
		return "body"
	}
	return f.Pointer
}

func operationOf(x evidence.Exchange) string {
	if x.Operation != "" {
		return x.Operation
	}
	return x.Method + " " + x.URL
}
