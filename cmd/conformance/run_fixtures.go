package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
	"github.com/tingee-conformance/harness/spec"
)

// uatExamplePath is the fixtures file a partner copies and fills in for UAT.
const uatExamplePath = "features/fixtures/uat.example.yaml"

// loadFixtures reads --fixtures; without it, the mock's own for the mock or a
// URL (a standalone mock), and none for UAT and live: what needs one is
// skipped. For UAT and live, a file that still holds the example's
// placeholders is refused: they would be sent to Tingee as written.
func loadFixtures(path, env string) (*fixtures.File, error) {
	tingee := env == runner.EnvUAT || env == runner.EnvLive
	switch {
	case path == "" && tingee:
		return &fixtures.File{}, nil
	case path == "":
		return parseEmbedded(mock.FixturesPath)
	}
	fx, err := fixtures.Load(path)
	if err != nil {
		return nil, err
	}
	if err := againstContract(fx); err != nil {
		return nil, fmt.Errorf("fixtures: %s %w", path, err)
	}
	if !tingee {
		return fx, nil
	}
	example, err := parseEmbedded(uatExamplePath)
	if err != nil {
		return nil, err
	}
	if err := placeholderIn(fx, example); err != nil {
		return nil, fmt.Errorf("fixtures: %s %w", path, err)
	}
	return fx, nil
}

func parseEmbedded(path string) (*fixtures.File, error) {
	data, err := harness.Features.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return fixtures.Parse(data)
}

// placeholderIn names, with its line, the first account field of fx that
// still holds the value example's first account has there, among the fields
// that identify a real person (account number, citizen id, mobile); nil when
// there is none.
func placeholderIn(fx, example *fixtures.File) error {
	if len(example.Accounts) == 0 {
		return nil
	}
	ex := example.Accounts[0]
	for i, a := range fx.Accounts {
		for _, f := range []struct{ name, value, placeholder string }{
			{"accountNumber", a.AccountNumber, ex.AccountNumber},
			{"identity", a.Identity, ex.Identity},
			{"mobile", a.Mobile, ex.Mobile},
		} {
			if f.value == f.placeholder {
				return fx.At(fmt.Sprintf("still the placeholder from %s: put the real value, or remove the account (its scenarios are then skipped)",
					uatExamplePath), "accounts", i, f.name)
			}
		}
	}
	return nil
}

// linkOperation is the operation an account's fields are sent with.
const linkOperation = "createVa"

// againstContract checks what fixtures send against openapi.yaml before the
// first request: each account's fields in the create-va body the suite
// builds (suite.LinkBody) against its request schema — a typo such as
// accountType: weird would draw a 400 and blame the target — and each
// trigger (triggerAgainstContract). The error names the line and the field.
func againstContract(fx *fixtures.File) error {
	sp, err := contract.Load()
	if err != nil {
		return err
	}
	link, ok := sp.OperationByID(linkOperation)
	if !ok {
		return fmt.Errorf("openapi.yaml has no %s", linkOperation)
	}
	for i, a := range fx.Accounts {
		body, err := json.Marshal(suite.LinkBody(link.Op, a))
		if err != nil {
			return err
		}
		findings, err := requestFindings(sp, link, nil, body)
		if err != nil {
			return err
		}
		for _, f := range findings {
			field := strings.TrimPrefix(f.Pointer, "/")
			if f.Drift || !slices.Contains(accountFields, field) {
				continue // headers, and what the sample (not the fixture) holds
			}
			return fx.At(fmt.Sprintf("%s: %s (openapi.yaml, %s)", f.Got, f.Expected, linkOperation), "accounts", i, field)
		}
	}
	for _, status := range slices.Sorted(maps.Keys(fx.Triggers)) {
		if err := triggerAgainstContract(sp, fx, status); err != nil {
			return err
		}
	}
	return nil
}

// triggerAgainstContract checks the trigger for status: its operation exists
// and documents status, and its query and body are what the operation's
// request schema takes (a trigger for 400 may break the schema on purpose, so
// its body is left to the target). The body is the one the suite sends
// (suite's fixtureTrigger): as written, {} for a write without one.
func triggerAgainstContract(sp *spec.Spec, fx *fixtures.File, status int) error {
	key := strconv.Itoa(status)
	t := fx.Triggers[status]
	op, ok := sp.OperationByID(t.Operation)
	if !ok {
		return fx.At(fmt.Sprintf("%q is no operationId of openapi.yaml", t.Operation), "triggers", key, "operation")
	}
	if op.Op.Responses.Status(status) == nil {
		documented := slices.Sorted(maps.Keys(op.Op.Responses.Map()))
		return fx.At(fmt.Sprintf("HTTP %d is no status openapi.yaml documents for %s (it documents %s)", status, op.ID, strings.Join(documented, ", ")),
			"triggers", key)
	}
	if status == http.StatusBadRequest {
		return nil
	}
	body := t.Body
	if body == nil && op.Method != http.MethodGet {
		body = map[string]any{}
	}
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	if body == nil {
		data = nil
	}
	q := url.Values{}
	for k, v := range t.Query {
		q.Set(k, v)
	}
	findings, err := requestFindings(sp, op, q, data)
	if err != nil {
		return err
	}
	for _, f := range findings {
		if f.Drift || strings.HasPrefix(f.Pointer, "/header/") {
			continue // the signing headers are the harness's, not the fixture's
		}
		field := []any{"triggers", key, "body"}
		if name, isQuery := strings.CutPrefix(f.Pointer, "/query/"); isQuery {
			field = []any{"triggers", key, "query", name}
		} else if first, _, _ := strings.Cut(strings.TrimPrefix(f.Pointer, "/"), "/"); first != "" {
			field = append(field, first)
		}
		return fx.At(fmt.Sprintf("%s: %s (openapi.yaml, %s)", f.Got, f.Expected, op.ID), field...)
	}
	return nil
}

// requestFindings are openapi.yaml's findings on a JSON request to op with
// query q and body.
func requestFindings(sp *spec.Spec, op spec.Operation, q url.Values, body []byte) ([]spec.Finding, error) {
	r, err := http.NewRequest(op.Method, op.Path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	r.Header.Set("Content-Type", "application/json")
	return sp.ValidateRequest(r, body), nil
}

// accountFields are the create-va body fields an account sets (suite.LinkBody).
var accountFields = []string{"accountType", "accountNumber", "accountName", "identity", "mobile", "bankBin", "bankName"}
