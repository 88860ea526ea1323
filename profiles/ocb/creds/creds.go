// Package creds reads an OCB partner's credentials — client id and secret,
// API user, private key and certificate files — from flags or the OCB_*
// environment variables. Secrets are credentials.Secret, which never prints.
package creds

import (
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// Environment variables the OCB profile reads.
const (
	EnvClientID       = "OCB_CLIENT_ID"
	EnvClientSecret   = "OCB_CLIENT_SECRET"
	EnvUsername       = "OCB_USERNAME"
	EnvPassword       = "OCB_PASSWORD"
	EnvPrivateKeyFile = "OCB_PRIVATE_KEY_FILE"
	EnvCertFile       = "OCB_CERT_FILE"
)

// ErrMissing: a credential is neither in a flag nor in the environment.
var ErrMissing = errors.New("missing OCB credentials")

// Credentials are what a partner holds after onboarding (steps 6 and 9 of
// the guide) plus its signing key pair.
type Credentials struct {
	ClientID     string
	ClientSecret credentials.Secret
	Username     string
	Password     credentials.Secret
	Key          *rsa.PrivateKey // never printed: only the jws package uses it
	Cert         *x509.Certificate
}

// Sources are the flag values; empty ones fall back to the environment.
type Sources struct {
	ClientID, ClientSecretFile, Username, PasswordFile, KeyFile, CertFile string
	Getenv                                                                func(string) string
}

// Over resolves the credentials given in s over base: what s does not name
// keeps base's value (a mock's test app; empty for a real one), and only
// what neither has is missing, all named in one error.
func Over(s Sources, base Credentials) (Credentials, error) {
	c, missing, err := Partial(s, base)
	if err == nil && len(missing) > 0 {
		err = fmt.Errorf("%w: set %s", ErrMissing, strings.Join(missing, ", "))
	}
	return c, err
}

// Keys resolves what s gives over base and needs only the two keys of the
// guide's step 6 (the preflight checks each step with what it was given):
// the API user, the key and the certificate may be missing.
func Keys(s Sources, base Credentials) (Credentials, error) {
	c, missing, err := Partial(s, base)
	if err != nil {
		return c, err
	}
	var keys []string
	for _, m := range missing {
		if strings.HasPrefix(m, EnvClientID) || strings.HasPrefix(m, EnvClientSecret) {
			keys = append(keys, m)
		}
	}
	if len(keys) > 0 {
		return c, fmt.Errorf("%w: set %s (the two keys of step 6)", ErrMissing, strings.Join(keys, ", "))
	}
	return c, nil
}

// Partial resolves what s gives over base and names, in missing, the
// variables of what neither has; err is for a file that cannot be read or parsed.
func Partial(s Sources, base Credentials) (c Credentials, missing []string, err error) {
	get := func(flagValue, env string) string {
		if flagValue != "" {
			return flagValue
		}
		return s.Getenv(env)
	}
	c = base
	if id := get(s.ClientID, EnvClientID); id != "" {
		c.ClientID = id
	}
	if c.ClientID == "" {
		missing = append(missing, EnvClientID+" (or --client-id)")
	}
	secret, err := secretFrom(s.ClientSecretFile, s.Getenv(EnvClientSecret))
	if err != nil {
		return c, nil, fmt.Errorf("--client-secret-file: %w", err)
	}
	if len(secret) > 0 {
		c.ClientSecret = secret
	}
	if len(c.ClientSecret) == 0 {
		missing = append(missing, EnvClientSecret+" (or --client-secret-file)")
	}
	if u := get(s.Username, EnvUsername); u != "" {
		c.Username = u
	}
	if c.Username == "" {
		missing = append(missing, EnvUsername+" (or --username)")
	}
	pw, err := secretFrom(s.PasswordFile, s.Getenv(EnvPassword))
	if err != nil {
		return c, nil, fmt.Errorf("--password-file: %w", err)
	}
	if len(pw) > 0 {
		c.Password = pw
	}
	if len(c.Password) == 0 {
		missing = append(missing, EnvPassword+" (or --password-file)")
	}
	keyFile, certFile := get(s.KeyFile, EnvPrivateKeyFile), get(s.CertFile, EnvCertFile)
	if keyFile == "" && c.Key == nil {
		missing = append(missing, EnvPrivateKeyFile+" (or --key)")
	}
	if certFile == "" && c.Cert == nil {
		missing = append(missing, EnvCertFile+" (or --cert)")
	}
	if keyFile != "" {
		if c.Key, err = LoadKey(keyFile); err != nil {
			return c, nil, err
		}
	}
	if certFile != "" {
		if c.Cert, err = LoadCert(certFile); err != nil {
			return c, nil, err
		}
	}
	return c, missing, nil
}

// LoadKey reads an RSA private key PEM file; the error names the file, never its content.
func LoadKey(path string) (*rsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("private key file: %w", err)
	}
	k, err := jws.ParsePrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// LoadCert reads a PEM certificate file.
func LoadCert(path string) (*x509.Certificate, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("certificate file: %w", err)
	}
	c, err := jws.ParseCertificate(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// secretFrom reads a secret from a file (trailing newlines trimmed), else takes the environment's value.
func secretFrom(path, envValue string) (credentials.Secret, error) {
	if path == "" {
		return credentials.Secret(envValue), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return credentials.Secret(strings.TrimRight(string(b), "\r\n")), nil
}
