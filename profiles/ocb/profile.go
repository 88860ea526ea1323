// Package ocb is the OCB Open API's profile: its contract
// (contract/openapi.yaml), its suite (suite/features), its gateways, the
// variables its credentials come from. The
// packages below it hold the rest: jws (RS256 detached JWS), creds, client,
// mock, packages, preflight, suite, testkeys.
package ocb

import (
	"github.com/tingee-conformance/harness/profile"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/contract"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/suite"
)

// Name is the --profile value.
const Name = "ocb"

// Profile is OCB's.
func Profile() profile.Profile {
	return profile.Profile{
		Name:     Name,
		Provider: "OCB",
		OpenAPI:  contract.OpenAPI,
		Contract: contract.Load,
		Features: suite.Features(),
		// --environment uat attests a sandbox run, production a live one.
		Targets: []profile.Target{{Name: "sandbox", BaseURL: client.Sandbox, Attests: "uat"}, {Name: "live", BaseURL: client.Live, Attests: "production"}},
		SourceLegend: "seed: the registration document; obs: seen in a working public integration; " + // docs/ocb-open-api.md's marks
			"apic: IBM API Connect's documented gateway behaviour; oauth: RFC 6749 / 9126 / 7636; unconfirmed: nothing confirms it",
		Credentials: []string{creds.EnvClientID, creds.EnvClientSecret, creds.EnvUsername, creds.EnvPassword,
			creds.EnvPrivateKeyFile, creds.EnvCertFile},
	}
}
