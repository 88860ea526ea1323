package main

import (
	"net/http"
	"sort"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	ocbclient "github.com/tingee-conformance/harness/profiles/ocb/client"
	ocbcontract "github.com/tingee-conformance/harness/profiles/ocb/contract"
	ocbmock "github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	tingeecontract "github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// headerFunc sets the headers an example's operation asks for (its security and signature) on h.
type headerFunc func(h http.Header, ex spec.Example) error

// contractTools is one contract stubcheck knows: how to load it and how its requests are authorised.
type contractTools struct {
	load    func() (*spec.Spec, error)
	headers headerFunc
}

// contracts are the repository's contracts by their path in it.
var contracts = map[string]contractTools{
	"openapi.yaml":                       {tingeecontract.Load, tingeeHeaders},
	"profiles/ocb/contract/openapi.yaml": {ocbcontract.Load, ocbHeaders},
}

func contractPaths() []string {
	paths := make([]string, 0, len(contracts))
	for p := range contracts {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// tingeeHeaders signs with the Tingee mock's test pair; a bodyless operation signs `{}`.
func tingeeHeaders(h http.Header, ex spec.Example) error {
	pair := auth.Mock()
	signing.SetHeaders(h, pair.ClientID, pair.Secret, ex.Body, time.Now())
	return nil
}

// ocbHeaders authorises with the OCB mock's test app: nothing on the token request (its client
// authenticates in the form), HTTP Basic on PAR, and on a package call the gateway's client id and
// secret, a Bearer token and the RS256 detached JWS with the test app's key and certificate [obs].
func ocbHeaders(h http.Header, ex spec.Example) error {
	app := ocbmock.TestApp()
	switch {
	case ex.Operation.Path == ocbmock.TokenPath:
		return nil
	case ex.Operation.Path == ocbmock.PARPath:
		r := http.Request{Header: h}
		r.SetBasicAuth(app.ClientID, app.ClientSecret)
		return nil
	}
	id := ocbclient.Identity{ClientID: app.ClientID, ClientSecret: credentials.Secret(app.ClientSecret),
		Token: "stubcheck-token", Key: testkeys.AppKey(), Cert: testkeys.AppCert()}
	signed, err := id.SignedHeaders(ex.Body)
	if err != nil {
		return err
	}
	for k, v := range signed {
		h[k] = v
	}
	return nil
}
