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
	_, err := Load(Sources{Getenv: env(nil)})
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
	c, err := Load(Sources{PasswordFile: pw, Getenv: env(map[string]string{
		EnvClientID: "id", EnvClientSecret: "secret", EnvUsername: "u",
		EnvPrivateKeyFile: vectors + "test-partner.key", EnvCertFile: vectors + "test-partner.crt",
	})})
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
