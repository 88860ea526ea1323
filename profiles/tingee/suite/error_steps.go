package suite

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// notFoundBody is the schema of the documented 404 body, which answers a request to no operation.
const notFoundBody = "HttpError404"

func registerErrorSteps(sc *godog.ScenarioContext) {
	sc.Step(`^a request to the unknown path "([^"]*)"$`, requestToUnknownPath)
	sc.Step(`^a "([^"]*)" request sent with the method "([^"]*)"$`, requestWithWrongMethod)
	sc.Step(`^a "([^"]*)" request whose body is not JSON$`, requestNotJSON)
	sc.Step(`^the fixtures' trigger for HTTP (\d+)$`, fixtureTrigger)
}

func requestToUnknownPath(ctx context.Context, path string) error {
	w := getWorld(ctx)
	w.op = spec.Operation{}
	w.req = client.Request{Method: "POST", Path: path, Body: []byte("{}"), Component: notFoundBody}
	return nil
}

func requestWithWrongMethod(ctx context.Context, operationID, method string) error {
	if err := aValidRequest(ctx, operationID); err != nil {
		return err
	}
	w := getWorld(ctx)
	if method == w.op.Method {
		return steps.Harnessf("the feature asks for %s with %s, which is its documented method", operationID, method)
	}
	w.req.Method = method
	w.wrongMethod = true
	w.req.Operation, w.req.Component = "", notFoundBody
	return nil
}

func requestNotJSON(ctx context.Context, operationID string) error {
	if err := aValidRequest(ctx, operationID); err != nil {
		return err
	}
	w := getWorld(ctx)
	w.req.Body = []byte(`{"conformance": `) // cut short: not JSON
	return nil
}

// fixtureTrigger prepares the request the fixtures say makes the target answer
// status, as written there. Without a trigger for status the scenario is
// skipped, with the reason.
func fixtureTrigger(ctx context.Context, status int) error {
	w := getWorld(ctx)
	t, ok := w.cfg.Fixtures.Triggers[status]
	if !ok {
		return steps.Skip("the target's fixtures have no trigger for HTTP %d (fixtures: triggers)", status)
	}
	if err := w.use(t.Operation); err != nil {
		return err
	}
	q := url.Values{}
	for k, v := range t.Query {
		q.Set(k, v)
	}
	body := t.Body
	if body == nil && w.op.Method != http.MethodGet {
		body = map[string]any{}
	}
	w.req = client.Request{Operation: w.op.ID, Method: w.op.Method, Path: w.op.PathIn(w.cfg.Paths), Query: q, Body: payload.Marshal(body)}
	return nil
}
