package suite

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/spec"
)

// probeOperation is the credentials probe's call: a signed read that changes
// nothing on any target (GET get-banks, signed over "{}").
const probeOperation = "getBanks"

// probeCredentials sends the one harmless signed read the suite starts with
// (steps.Suite.Probe).
// When the target refuses it as a signature or client failure, it returns the
// probe as a scenario for the report and the one line that says so, naming
// the credentials to check; otherwise refused is false and nothing is
// recorded (the suite's own get-banks scenarios judge the answer).
func probeCredentials(ctx context.Context, c *client.Client, sp *spec.Spec, paths string) (evidence.Scenario, string, bool) {
	op, found := sp.OperationByID(probeOperation)
	if !found {
		return evidence.Scenario{}, "", false
	}
	start := time.Now()
	x := c.Send(ctx, client.Request{Operation: op.ID, Method: http.MethodGet, Path: op.PathIn(paths)})
	refused, how := RefusesCredentials(x)
	if !refused {
		return evidence.Scenario{}, "", false
	}
	line := fmt.Sprintf("credentials rejected: the target answered a signed %s %s with %s; check %s and %s (or --client-id and --secret-file)",
		x.Method, op.PathIn(paths), how, auth.EnvClientID, auth.EnvSecret)
	sc := evidence.Scenario{
		Feature: "Credentials probe", Name: "one signed read before the suite", URI: "(credentials probe)",
		Status: evidence.Failed, Duration: time.Since(start),
		Steps: []evidence.Step{{Keyword: "Given ", Text: "a signed get-banks with the run's credentials", Status: evidence.Failed,
			Error: line, Duration: time.Since(start), Exchanges: []evidence.Exchange{x}}},
	}
	return sc, line, true
}
