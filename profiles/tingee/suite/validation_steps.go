package suite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/steps"
)

func registerValidationSteps(sc *godog.ScenarioContext) {
	sc.Step(`^the "(missing|wrong type|outside enum)" cases generated from openapi.yaml for "([^"]*)"$`, generatedCases)
	sc.Step(`^each case is sent correctly signed$`, sendEachCase)
	sc.Step(`^every answer is HTTP 400 with the documented body, a message naming its field noted$`, every400HasTheDocumentedBody)
}

// generatedCases walks the operation's request schema in openapi.yaml; a field
// added to the spec gains its cases here with no edit to the feature.
func generatedCases(ctx context.Context, kind, operationID string) error {
	w := getWorld(ctx)
	if err := w.use(operationID); err != nil {
		return err
	}
	w.cases = payload.Cases(w.op.Op, payload.Kind(kind))
	if len(w.cases) == 0 {
		return steps.Skip("openapi.yaml gives %s no field for %q cases", operationID, kind)
	}
	return nil
}

func sendEachCase(ctx context.Context) error {
	w := getWorld(ctx)
	w.prepare(fmt.Sprintf("%d generated cases", len(w.cases)))
	for _, c := range w.cases {
		what := fmt.Sprintf("%s with %s %s %s", w.op.ID, c.In, c.Field, c.Kind)
		r := client.Request{Operation: w.op.ID, Method: w.op.Method, Path: w.op.PathIn(w.cfg.Paths), Query: c.Query, Body: c.Body}
		w.exchange(ctx, answer{what: what, field: c.Name()}, r)
	}
	return nil
}

// every400HasTheDocumentedBody checks each case's answer: HTTP 400 and the documented
// body (checked against openapi.yaml). A message that does not name the field
// is only noted: naming it is seen live, but the page's own example names
// none ("Not have access."), so it is no rule (notes, "Levels and sources").
func every400HasTheDocumentedBody(ctx context.Context) error {
	w := getWorld(ctx)
	var failures []string
	var inconclusive error
	for _, a := range w.answers {
		if err := w.contractOf(a); errors.Is(err, godog.ErrSkip) {
			inconclusive = err
			continue
		} else if err != nil {
			failures = append(failures, err.Error())
			continue
		}
		if a.x.Status != http.StatusBadRequest {
			failures = append(failures, w.brokenf(a.x, "HTTP 400 body", "%s", expectedGot("HTTP 400 for "+a.what, describe(a.x))).Error())
			continue
		}
		if msg := message400(a.x.ResponseBody); !strings.Contains(msg, a.field) {
			w.observe("the 400 message for %s does not name %s: %q", a.what, a.field, msg)
		}
	}
	if len(failures) > 0 {
		return fmt.Errorf("%d of %d cases broke the contract:\n- %s", len(failures), len(w.answers), strings.Join(failures, "\n- "))
	}
	return inconclusive
}

// message400 reads a 400 body's message, a string or (NestJS) an array of strings.
func message400(body []byte) string {
	var b struct {
		Message json.RawMessage `json:"message"`
	}
	if json.Unmarshal(body, &b) != nil {
		return ""
	}
	var one string
	if json.Unmarshal(b.Message, &one) == nil {
		return one
	}
	var many []string
	json.Unmarshal(b.Message, &many)
	return strings.Join(many, "; ")
}
