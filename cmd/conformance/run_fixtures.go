package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
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
// trigger's operation. The error names the line and the field.
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
		r, err := http.NewRequest(link.Method, link.Path, nil)
		if err != nil {
			return err
		}
		r.Header.Set("Content-Type", "application/json")
		for _, f := range sp.ValidateRequest(r, body) {
			field := strings.TrimPrefix(f.Pointer, "/")
			if f.Drift || !slices.Contains(accountFields, field) {
				continue // headers, and what the sample (not the fixture) holds
			}
			return fx.At(fmt.Sprintf("%s: %s (openapi.yaml, %s)", f.Got, f.Expected, linkOperation), "accounts", i, field)
		}
	}
	for _, status := range slices.Sorted(maps.Keys(fx.Triggers)) {
		if name := fx.Triggers[status].Operation; !hasOperation(sp, name) {
			return fx.At(fmt.Sprintf("%q is no operationId of openapi.yaml", name), "triggers", strconv.Itoa(status), "operation")
		}
	}
	return nil
}

// accountFields are the create-va body fields an account sets (suite.LinkBody).
var accountFields = []string{"accountType", "accountNumber", "accountName", "identity", "mobile", "bankBin", "bankName"}

func hasOperation(sp *spec.Spec, id string) bool {
	_, ok := sp.OperationByID(id)
	return ok
}
