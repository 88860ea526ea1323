package suite

import (
	"context"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/steps"
)

func registerRequestSteps(sc *godog.ScenarioContext) {
	sc.Step(`^a valid "([^"]*)" request$`, aValidRequest)
	sc.Step(`^it is sent correctly signed$`, sentCorrectlySigned)
}

// aValidRequest prepares a request for an operation of openapi.yaml, built
// from the spec's examples and types; values saved by earlier steps
// (vaAccountNumber, billId, …) replace the sample's fields of the same name.
func aValidRequest(ctx context.Context, operationID string) error {
	w := getWorld(ctx)
	if err := w.use(operationID); err != nil {
		return err
	}
	s := payload.Valid(w.op.Op)
	for k, v := range w.saved {
		if _, ok := s.Body[k]; ok {
			s.Body[k] = v
		}
		if s.Query.Has(k) {
			s.Query.Set(k, v)
		}
	}
	w.req = client.Request{Operation: w.op.ID, Method: w.op.Method, Path: w.op.PathIn(w.cfg.Paths), Query: s.Query, Body: payload.Marshal(s.Body)}
	return nil
}

// use makes operationID the operation at hand.
func (w *world) use(operationID string) error {
	op, ok := w.cfg.Spec.OperationByID(operationID)
	if !ok {
		return steps.Harnessf("the feature names operation %q, which openapi.yaml does not have", operationID)
	}
	w.op = op
	return nil
}

func sentCorrectlySigned(ctx context.Context) error {
	return getWorld(ctx).sendPrepared(ctx, "a correctly signed request", hmacsign.Tamper{})
}

// sendPrepared sends the prepared request with tamper applied, as the only answer of this action.
func (w *world) sendPrepared(ctx context.Context, what string, t hmacsign.Tamper) error {
	if w.req.Method == "" {
		return steps.Harnessf("no request prepared: the scenario must start with a \"Given a valid … request\" step")
	}
	w.prepare(what)
	r := w.req
	r.Tamper = t
	_, err := w.send(ctx, what, r)
	return err
}
