package main

import (
	"flag"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// ocbCredFlags are the OCB credential flags of run and preflight.
type ocbCredFlags struct{ src creds.Sources }

func addOCBCredFlags(fs *flag.FlagSet, getenv func(string) string) *ocbCredFlags {
	f := &ocbCredFlags{src: creds.Sources{Getenv: getenv}}
	fs.StringVar(&f.src.ClientID, "client-id", "", "client id, step 6 (default: $"+creds.EnvClientID+")")
	fs.StringVar(&f.src.ClientSecretFile, "client-secret-file", "", "file holding the client secret (default: $"+creds.EnvClientSecret+")")
	fs.StringVar(&f.src.Username, "username", "", "API user OCB e-mailed, step 9 (default: $"+creds.EnvUsername+")")
	fs.StringVar(&f.src.PasswordFile, "password-file", "", "file holding the API user's password (default: $"+creds.EnvPassword+")")
	fs.StringVar(&f.src.KeyFile, "key", "", "RSA private key PEM (default: $"+creds.EnvPrivateKeyFile+")")
	fs.StringVar(&f.src.CertFile, "cert", "", "certificate PEM (default: $"+creds.EnvCertFile+")")
	return f
}

// load resolves the credentials. Against a mock (the embedded one or a URL)
// whatever is not given is the mock's test app's; sandbox and live need all.
func (f *ocbCredFlags) load(target string) (creds.Credentials, error) {
	if _, known := ocb.Profile().Target(target); known {
		return creds.Load(f.src)
	}
	return creds.Over(f.src, mockAppCredentials(mock.TestApp()))
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
