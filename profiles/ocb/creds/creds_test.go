package creds

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const vectors = "../testdata/vectors/"

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadNamesEverythingMissing(t *testing.T) {
	_, err := Over(Sources{Getenv: env(nil)}, Credentials{})
	if !errors.Is(err, ErrMissing) {
		t.Fatal(err)
	}
	for _, v := range []string{EnvClientID, EnvClientSecret, EnvUsername, EnvPassword, EnvPrivateKeyFile, EnvCertFile} {
		if !strings.Contains(err.Error(), v) {
			t.Errorf("%v does not name %s", err, v)
		}
	}
}

func TestLoadFromEnvironmentAndFiles(t *testing.T) {
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	c, err := Over(Sources{PasswordFile: pw, Getenv: env(map[string]string{
		EnvClientID: "id", EnvClientSecret: "secret", EnvUsername: "u",
		EnvPrivateKeyFile: vectors + "test-partner.key", EnvCertFile: vectors + "test-partner.crt",
	})}, Credentials{})
	if err != nil {
		t.Fatal(err)
	}
	if string(c.Password) != "s3cret" || c.Key == nil || c.Cert == nil {
		t.Errorf("%+v", c)
	}
}

func TestOverKeepsTheBase(t *testing.T) {
	base := Credentials{ClientID: "base", ClientSecret: []byte("x"), Username: "u", Password: []byte("p")}
	c, err := Over(Sources{KeyFile: vectors + "test-partner.key", CertFile: vectors + "test-partner.crt", ClientID: "mine", Getenv: env(nil)}, base)
	if err != nil || c.ClientID != "mine" || string(c.ClientSecret) != "x" {
		t.Errorf("%v %+v", err, c)
	}
}

func TestKeyErrorsNeverQuoteTheKey(t *testing.T) {
	_, err := LoadKey(vectors + "test-partner.crt")
	if err == nil || strings.Contains(err.Error(), "MII") {
		t.Errorf("%v", err)
	}
}

// The preflight needs only the two keys of the guide's step 6: the API user
// arrives at step 9 and the guide never mentions a key pair
// (docs/ocb-open-api-registration.vi.txt). Review finding B2.
func TestKeysNeedsOnlyTheTwoKeys(t *testing.T) {
	c, err := Keys(Sources{Getenv: env(map[string]string{EnvClientID: "id", EnvClientSecret: "secret"})}, Credentials{})
	if err != nil || c.Username != "" || c.Key != nil || c.Cert != nil {
		t.Errorf("%v %+v", err, c)
	}
	_, err = Keys(Sources{Getenv: env(map[string]string{EnvClientID: "id", EnvUsername: "u"})}, Credentials{})
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), EnvClientSecret) || strings.Contains(err.Error(), EnvPassword) {
		t.Errorf("%v: want only the secret named", err)
	}
}
