package credentials

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The variables these tests read (a profile names its own, e.g. TINGEE_*).
const (
	EnvClientID = "TEST_CLIENT_ID"
	EnvSecret   = "TEST_SECRET_TOKEN"
)

var testVars = Variables{ClientID: EnvClientID, Secret: EnvSecret}

// env is a fake environment for Getenv.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secret")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func TestLoadFromTheEnvironment(t *testing.T) {
	c, err := Load(Sources{Vars: testVars, Getenv: env(map[string]string{EnvClientID: "cid", EnvSecret: "s3cret"})})
	require.NoError(t, err)
	assert.Equal(t, "cid", c.ClientID)
	assert.Equal(t, Secret("s3cret"), c.Secret)
}

func TestFlagsWinOverTheEnvironment(t *testing.T) {
	path := writeFile(t, "from-file\r\n\n")
	c, err := Load(Sources{Vars: testVars, ClientID: "flag-id", SecretFile: path,
		Getenv: env(map[string]string{EnvClientID: "env-id", EnvSecret: "from-env"})})
	require.NoError(t, err)
	assert.Equal(t, "flag-id", c.ClientID)
	assert.Equal(t, Secret("from-file"), c.Secret, "trailing newlines trimmed, nothing else")
}

func TestSecretFileKeepsInnerAndLeadingBytes(t *testing.T) {
	got, err := LoadSecret(writeFile(t, " bí mật\tx\n"), EnvSecret, env(nil))
	require.NoError(t, err)
	assert.Equal(t, Secret(" bí mật\tx"), got)
}

func TestLoadErrorsNameWhatIsMissing(t *testing.T) {
	_, err := Load(Sources{Vars: testVars, Getenv: env(map[string]string{EnvClientID: "cid"})})
	assert.ErrorIs(t, err, ErrMissing)
	assert.Contains(t, err.Error(), EnvSecret)

	_, err = Load(Sources{Vars: testVars, Getenv: env(map[string]string{EnvSecret: "s"})})
	assert.ErrorIs(t, err, ErrMissing)
	assert.Contains(t, err.Error(), EnvClientID)

	_, err = Load(Sources{Vars: testVars, Getenv: env(nil)})
	assert.ErrorIs(t, err, ErrMissing)
	assert.Contains(t, err.Error(), EnvClientID+" and "+EnvSecret, "neither set: both are named")

	_, err = LoadSecret(writeFile(t, "\n"), EnvSecret, env(map[string]string{EnvSecret: "s"}))
	assert.ErrorIs(t, err, ErrMissing, "an empty file is an error, not a fallback to the environment")

	_, err = LoadSecret(filepath.Join(t.TempDir(), "nope"), EnvSecret, env(nil))
	require.Error(t, err)
	assert.False(t, errors.Is(err, ErrMissing))
	assert.Contains(t, err.Error(), "--secret-file")
}

func TestSecretNeverPrints(t *testing.T) {
	s := Secret("hunter2")
	c := Credentials{ClientID: "cid", Secret: s}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%c", "%o", "%U", "%8.3v"} {
		out = append(out, fmt.Sprintf(verb, s), fmt.Sprintf(verb, c), fmt.Sprintf(verb, []Secret{s}))
	}
	raw, err := json.Marshal(c)
	require.NoError(t, err)
	out = append(out, string(raw), fmt.Sprint(s), fmt.Sprintln(&c))
	for _, o := range out {
		assert.NotContains(t, o, "hunter2")
		assert.NotContains(t, o, "104 117")        // the bytes in decimal
		assert.NotContains(t, o, "68756e74657232") // in hex
		assert.NotContains(t, o, "aHVudGVyMg")     // in base64
	}
	assert.Equal(t, redacted, fmt.Sprintf("%d", s))
	assert.JSONEq(t, `{"ClientID":"cid","Secret":"[secret redacted]"}`, string(raw))
	assert.Equal(t, "hunter2", string(s), "the bytes themselves are intact for signing")
}

func TestMaskID(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "",
		"abc":                              "***",
		"abcd":                             "****",
		"abcde":                            "*bcde",
		"0fe48681158f17495ce4a5879188b81a": strings.Repeat("*", 28) + "b81a",
	} {
		assert.Equal(t, want, MaskID(in), in)
	}
}
