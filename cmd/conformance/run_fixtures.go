package main

import (
	"fmt"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
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
	if err != nil || !tingee {
		return fx, err
	}
	example, err := parseEmbedded(uatExamplePath)
	if err != nil {
		return nil, err
	}
	if field := placeholderIn(fx, example); field != "" {
		return nil, fmt.Errorf("%s: %s is still the placeholder from %s: put the real value, or remove the account (its scenarios are then skipped)",
			path, field, uatExamplePath)
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

// placeholderIn names the first account field of fx that still holds the
// value example's first account has there, among the fields that identify a
// real person (account number, citizen id, mobile); "" when there is none.
func placeholderIn(fx, example *fixtures.File) string {
	if len(example.Accounts) == 0 {
		return ""
	}
	ex := example.Accounts[0]
	for i, a := range fx.Accounts {
		for _, f := range []struct{ name, value, placeholder string }{
			{"accountNumber", a.AccountNumber, ex.AccountNumber},
			{"identity", a.Identity, ex.Identity},
			{"mobile", a.Mobile, ex.Mobile},
		} {
			if f.value == f.placeholder {
				return fmt.Sprintf("accounts[%d].%s", i, f.name)
			}
		}
	}
	return ""
}
