// Package tingee is the Tingee Open API's profile: its contract
// (openapi.yaml at the repository's top level), its suite (features/), its
// environments, the variables its credentials come from and the commands it
// offers. The packages below it hold the rest: signing (HMAC-SHA512),
// hmacsign (the client's signer), contract (the answer rules), auth (the
// credentials), mock, webhook, vietqr, fixtures, steps, postman.
package tingee

import (
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profile"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// Name is the --profile value, the default one.
const Name = "tingee"

// Base URLs of Tingee's environments [doc].
const (
	UAT  = "https://uat-open-api.tingee.vn"
	Live = "https://open-api.tingee.vn"
)

// Profile is Tingee's.
func Profile() profile.Profile {
	return profile.Profile{
		Name:     Name,
		Provider: "Tingee",
		OpenAPI:  harness.OpenAPI,
		Contract: contract.Load,
		Features: harness.Features,
		Targets:  []profile.Target{{Name: "uat", BaseURL: UAT, Attests: "uat"}, {Name: "live", BaseURL: Live, Attests: "production"}},
		ReplayNote: "Reproduces the request as sent. Its x-request-timestamp expires 10 minutes after sending and the " +
			"client id and masked numbers are hidden: fill them in and re-sign (conformance sign --curl) before running it.",
		SourceLegend: "seed: the 6.2.2 page; doc; live: observed live; sdk; unconfirmed", // docs/levels-and-sources.md
		Credentials:  []string{auth.EnvClientID, auth.EnvSecret},
	}
}
