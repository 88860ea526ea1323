package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

func TestOCBExportPostmanWritesBothFilesWithoutSecrets(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pm")
	keyFile := filepath.Join(t.TempDir(), "app.key")
	keyPEM, _ := testkeys.FS.ReadFile("testapp.key")
	require.NoError(t, os.WriteFile(keyFile, keyPEM, 0o600))
	f := newFakeCLI("", map[string]string{
		"OCB_CLIENT_ID": "client-from-env", "OCB_CLIENT_SECRET": "client-secret-must-not-leak", "OCB_USERNAME": "api-user",
		"OCB_PASSWORD": "password-must-not-leak", "OCB_PRIVATE_KEY_FILE": keyFile, "OCB_CERT_FILE": "../../profiles/ocb/testkeys/testapp.crt",
	})
	require.Equal(t, exitOK, f.run("export", "postman", "--profile", "ocb", "--out", dir,
		"--base-url", "https://sandbox.api.ocb.com.vn/corporates/developer"), f.errOut.String())
	coll, err := os.ReadFile(filepath.Join(dir, ocbPostmanCollectionFile))
	require.NoError(t, err)
	env, err := os.ReadFile(filepath.Join(dir, ocbPostmanEnvironmentFile))
	require.NoError(t, err)
	keyBody := strings.Split(string(keyPEM), "\n")[1] // a line of the key's base64
	for _, data := range []string{string(coll), string(env), f.out.String()} {
		assert.NotContains(t, data, "client-secret-must-not-leak")
		assert.NotContains(t, data, "password-must-not-leak")
		assert.NotContains(t, data, keyBody)
	}
	for _, want := range []string{`"value": "client-from-env"`, `"value": "api-user"`, `"value": "YOUR_PRIVATE_KEY_PEM"`,
		`"value": "` + jws.CertificateHeader(testkeys.AppCert()) + `"`, `"value": "https://sandbox.api.ocb.com.vn/corporates/developer"`} {
		assert.Contains(t, string(env), want)
	}
	assert.Contains(t, string(coll), "/v1/accounts/details")
}

func TestOCBExportRefusesBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--profile", "ocb"},
		{"export", "--profile", "ocb", "openapi"},
		{"export", "--profile", "ocb", "postman", "--base-url", "sandbox.api.ocb.com.vn"},
		{"export", "--profile", "ocb", "postman", "--cert", "no-such-file.crt"},
		{"export", "--profile", "ocb", "postman", "--cert", "../../profiles/ocb/testkeys/testapp.key"},
		{"export", "--profile", "ocb", "postman", "--probes", "no-such-file.yaml"},
		{"export", "--profile", "ocb", "postman", "stray"},
	} {
		f := newFakeCLI("", nil)
		assert.Equal(t, exitUsage, f.run(args...), strings.Join(args, " "))
		assert.Equal(t, 1, strings.Count(f.errOut.String(), "\n"), "one line: %q", f.errOut.String())
	}
}
