package main

import (
	"flag"
	"fmt"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// ocbCredFlags are the OCB credential flags of run and preflight.
type ocbCredFlags struct {
	src     creds.Sources
	mockApp bool // the URL target is a standalone OCB mock
}

func addOCBCredFlags(fs *flag.FlagSet, getenv func(string) string) *ocbCredFlags {
	f := &ocbCredFlags{src: creds.Sources{Getenv: getenv}}
	fs.StringVar(&f.src.ClientID, "client-id", "", "client id, step 6 (default: $"+creds.EnvClientID+")")
	fs.StringVar(&f.src.ClientSecretFile, "client-secret-file", "", "file holding the client secret (default: $"+creds.EnvClientSecret+")")
	fs.StringVar(&f.src.Username, "username", "", "API user OCB e-mailed, step 9 (default: $"+creds.EnvUsername+")")
	fs.StringVar(&f.src.PasswordFile, "password-file", "", "file holding the API user's password (default: $"+creds.EnvPassword+")")
	fs.StringVar(&f.src.KeyFile, "key", "", "RSA private key PEM (default: $"+creds.EnvPrivateKeyFile+")")
	fs.StringVar(&f.src.CertFile, "cert", "", "certificate PEM (default: $"+creds.EnvCertFile+")")
	fs.BoolVar(&f.mockApp, "mock-app", false, "the --target URL is a standalone `conformance mock --profile ocb`: what is not given is its test app's")
	return f
}

// base is what fills in the credentials not given: the OCB mock's test app,
// only for the embedded mock or a URL marked --mock-app; never for another
// host, which must not be sent the mock's test secret.
func (f *ocbCredFlags) base(target string) (creds.Credentials, error) {
	switch {
	case target == "mock":
		return mockAppCredentials(mock.TestApp()), nil
	case f.mockApp && isOCBTarget(target):
		return creds.Credentials{}, fmt.Errorf("--mock-app marks a URL of a standalone OCB mock, not --target %s", target)
	case f.mockApp:
		return mockAppCredentials(mock.TestApp()), nil
	}
	return creds.Credentials{}, nil
}

// rehearsal is the environment a run against env is recorded as: a URL
// marked --mock-app is a standalone mock, so its run, like the embedded
// mock's, is a rehearsal (runner.EnvMock: the report's banner) and attests
// no --environment.
func (f *ocbCredFlags) rehearsal(env string) string {
	if f.mockApp && env == runner.EnvURL {
		return runner.EnvMock
	}
	return env
}

// load resolves all six credentials (run needs each).
func (f *ocbCredFlags) load(target string) (creds.Credentials, error) {
	base, err := f.base(target)
	if err != nil {
		return base, err
	}
	return creds.Over(f.src, base)
}

// loadKeys resolves what is given and needs only the two keys (preflight).
func (f *ocbCredFlags) loadKeys(target string) (creds.Credentials, error) {
	base, err := f.base(target)
	if err != nil {
		return base, err
	}
	return creds.Keys(f.src, base)
}

// mockAppCredentials are what a company would hold for one of the mock's apps
// (they all sign with the TEST key of package testkeys).
func mockAppCredentials(a mock.App) creds.Credentials {
	return creds.Credentials{
		ClientID: a.ClientID, ClientSecret: credentials.Secret(a.ClientSecret),
		Username: a.Users[0].Username, Password: credentials.Secret(a.Users[0].Password),
		Key: testkeys.AppKey(), Cert: a.Cert,
	}
}

// isOCBTarget says whether t names one of OCB's gateways (sandbox, live).
func isOCBTarget(t string) bool {
	_, known := ocb.Profile().Target(t)
	return known
}
