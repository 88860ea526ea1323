// Package auth is where Tingee's pair comes from: the TINGEE_* variables
// (or --client-id and --secret-file), and the embedded mock's test pair.
package auth

import "github.com/tingee-conformance/harness/internal/credentials"

// Environment variables Tingee's commands read.
const (
	EnvClientID = "TINGEE_CLIENT_ID"
	EnvSecret   = "TINGEE_SECRET_TOKEN"
)

// Vars are EnvClientID and EnvSecret, for the shared loader.
var Vars = credentials.Variables{ClientID: EnvClientID, Secret: EnvSecret}

// The test pair of the embedded mock. It signs nothing real; README.md lists it.
const (
	MockClientID = "conformance-test-client"
	MockSecret   = "conformance-test-secret"
)

// Load resolves the pair from s's flag values, then Tingee's variables.
func Load(s credentials.Sources) (credentials.Credentials, error) {
	s.Vars = Vars
	return credentials.Load(s)
}

// LoadSecret reads the secret from path, or from TINGEE_SECRET_TOKEN when path is empty.
func LoadSecret(path string, getenv func(string) string) (credentials.Secret, error) {
	return credentials.LoadSecret(path, EnvSecret, getenv)
}

// Mock returns the embedded mock's test pair.
func Mock() credentials.Credentials {
	return credentials.Credentials{ClientID: MockClientID, Secret: credentials.Secret(MockSecret)}
}
