package suite

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// probeOperation is the credentials probe's call: a signed read that changes
// nothing on any target (GET get-banks, signed over "{}").
const probeOperation = "getBanks"

// probeCredentials (steps.Suite.Probe) sends the one harmless signed read the suite starts with,
// in the run's path family and, when that answers 404, in the other one. It
// stops the run when both answer 404 (the base URL is wrong: every scenario
// would pass on a routing 404), when the timestamp is refused (the clock),
// and when the client or its signature is refused; then line says so in one
// line naming what to check. Otherwise nothing is recorded.
func probeCredentials(ctx context.Context, c *client.Client, sp *spec.Spec, paths string, note func(string)) (evidence.Scenario, string, steps.ProbeOutcome) {
	op, found := sp.OperationByID(probeOperation)
	if !found {
		return evidence.Scenario{}, "", steps.ProbeOK
	}
	start := time.Now()
	send := func(family string) evidence.Exchange {
		return c.Send(ctx, client.Request{Operation: op.ID, Method: http.MethodGet, Path: op.PathIn(family)})
	}
	x := send(paths)
	if x.Status == http.StatusNotFound {
		other := spec.PathsSDK
		if paths == spec.PathsSDK {
			other = spec.PathsDocs
		}
		y := send(other)
		if y.Status == http.StatusNotFound {
			return evidence.Scenario{}, fmt.Sprintf("GET %s answered 404 (and %s too): is the base URL right?", x.URL, op.PathIn(other)), steps.ProbeStop
		}
		note(fmt.Sprintf("GET %s answered 404 but %s did not: this target may serve the other path family (--paths %s)", x.URL, op.PathIn(other), other))
	}
	if clock, how := RefusesClock(x); clock {
		return evidence.Scenario{}, fmt.Sprintf("the target refused the timestamp of a signed GET %s (%s, sent %s): check this machine's clock, not the credentials",
			op.PathIn(paths), how, x.RequestHeader.Get(signing.HeaderTimestamp)), steps.ProbeStop
	}
	refused, how := RefusesCredentials(x)
	if !refused {
		return evidence.Scenario{}, "", steps.ProbeOK
	}
	line := fmt.Sprintf("credentials rejected: the target answered a signed %s %s with %s; check %s and %s (or --client-id and --secret-file)",
		x.Method, op.PathIn(paths), how, auth.EnvClientID, auth.EnvSecret)
	sc := evidence.Scenario{
		Feature: "Credentials probe", Name: "one signed read before the suite", URI: "(credentials probe)",
		Status: evidence.Failed, Duration: time.Since(start),
		Steps: []evidence.Step{{Keyword: "Given ", Text: "a signed get-banks with the run's credentials", Status: evidence.Failed,
			Error: line, Duration: time.Since(start), Exchanges: []evidence.Exchange{x}}},
	}
	return sc, line, steps.ProbeRejected
}
