package suite

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
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
	a := w.exchange(ctx, answer{what: what}, r)
	return a.x, w.contractOf(a)
}

// exchange is the one way a step sends: it makes the call and records it for
// the evidence and the following Then steps (a is what the call is meant to
// show), without judging it yet.
func (w *world) exchange(ctx context.Context, a answer, r client.Request) answer {
	a.x = w.client.Send(ctx, r)
	w.rec.Exchanged(a.x)
	w.answers = append(w.answers, a)
	return a
}

// contractOf fails an answer that did not arrive or breaks openapi.yaml, and
// notes its drift (what the target sent that the spec does not document).
func (w *world) contractOf(a answer) error {
	if a.x.TransportError != "" {
		return w.brokenf(a.x, "transport", "the target could not be reached or did not answer %s", a.what)
	}
	if w.undocumentedStatus(a.x) {
		switch {
		case a.x.Status == http.StatusMethodNotAllowed && w.wrongMethod:
			return nil // the sources allow a gateway's 405 for a wrong method: answersHTTPDocumented notes it
		case w.claimsSuccess(a.x):
			// A success is HTTP 200 [doc] (notes, "Answers"): claimed with another status, it breaks the contract.
			return w.brokenf(a.x, "success status", "%s", expectedGot("HTTP 200 for a success answer to "+a.what, fmt.Sprintf("HTTP %d", a.x.Status)))
		}
		return steps.Skip("inconclusive: %s answered HTTP %d, which %s does not document (not a contract break); %s",
			a.what, a.x.Status, operationOf(a.x), exchangeLine(a.x))
	}
	var broken []string
	for _, f := range a.x.Findings {
		if f.Drift {
			w.observe("drift in %s: %s %s (got %s)", operationOf(a.x), f.Pointer, f.Expected, f.Got)
			continue
		}
		broken = append(broken, findingText(f))
	}
	if len(broken) > 0 {
		return w.brokenf(a.x, "response schema", "the answer to %s breaks openapi.yaml: %s", a.what, strings.Join(broken, "; "))
	}
	return nil
}

// undocumentedStatus tells whether x's status is one its operation does not
// document (openapi.yaml). A request to no operation (an unknown path, a wrong
// method) has the statuses the API documents for any call (the 6.2.2 page's
// error bodies and 200). Such an answer makes the scenario inconclusive, not a
// contract break, unless it claims success (issue 10 §3; docs/levels-and-sources.md).
func (w *world) undocumentedStatus(x evidence.Exchange) bool {
	if x.Operation == "" {
		return !w.apiStatuses()[x.Status]
	}
	for _, f := range x.Findings {
		if f.Pointer == "/status" && !f.Drift {
			return true
		}
	}
	return false
}

// apiStatuses are the statuses some operation of openapi.yaml documents.
func (w *world) apiStatuses() map[int]bool {
	statuses := map[int]bool{}
	for _, op := range w.cfg.Spec.Operations() {
		for code := range op.Op.Responses.Map() {
			if n, err := strconv.Atoi(code); err == nil {
				statuses[n] = true
			}
		}
	}
	return statuses
}

// claimsSuccess tells whether x's body says the call succeeded: an envelope
// with code "00", or a bare array its operation's HTTP 200 answer takes as
// success data (get-banks [live]).
func (w *world) claimsSuccess(x evidence.Exchange) bool {
	e, ok := parseEnvelope(x.ResponseBody)
	if !ok || !e.isArray {
		return ok && e.Code == codeSuccess
	}
	op, found := w.cfg.Spec.OperationByID(x.Operation)
	if !found {
		return false
	}
	for _, f := range w.cfg.Spec.ValidateResponse(op.Method, op.Path, http.StatusOK, x.ResponseHeader, x.ResponseBody) {
		if !f.Drift {
			return false
		}
	}
	return true
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
