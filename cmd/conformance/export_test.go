package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportPostmanWritesBothFilesWithoutTheSecret(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pm")
	secret := "a-secret-that-must-not-leak"
	f := newFakeCLI("", map[string]string{"TINGEE_CLIENT_ID": "client-from-env", "TINGEE_SECRET_TOKEN": secret})
	require.Equal(t, exitOK, f.run("export", "postman", "--out", dir, "--base-url", "https://uat-open-api.tingee.vn"), f.errOut.String())
	coll, err := os.ReadFile(filepath.Join(dir, postmanCollectionFile))
	require.NoError(t, err)
	env, err := os.ReadFile(filepath.Join(dir, postmanEnvironmentFile))
	require.NoError(t, err)
	for _, data := range []string{string(coll), string(env), f.out.String()} {
		assert.NotContains(t, data, secret)
	}
	assert.Contains(t, string(env), `"value": "client-from-env"`)
	assert.Contains(t, string(env), `"value": "https://uat-open-api.tingee.vn"`)
	assert.Contains(t, string(env), `"value": "YOUR_SECRET_TOKEN"`)
	assert.Contains(t, string(coll), "/v1/confirm-va")
}

func TestExportRefusesBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"export"},
		{"export", "openapi"},
		{"export", "postman", "--base-url", "127.0.0.1:8080"},
		{"export", "postman", "stray"},
		{"export", "postman", "--nope"},
	} {
		f := newFakeCLI("", nil)
		assert.Equal(t, exitUsage, f.run(args...), strings.Join(args, " "))
		assert.Equal(t, 1, strings.Count(f.errOut.String(), "\n"), "one line: %q", f.errOut.String())
	}
}
