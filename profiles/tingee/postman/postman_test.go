package postman

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	pm "github.com/tingee-conformance/harness/internal/postman"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func loadSpec(t *testing.T) *spec.Spec {
	t.Helper()
	s, err := contract.Load()
	require.NoError(t, err)
	return s
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/postman -update")
	assert.Equal(t, string(want), string(got), "%s is stale: run go test ./internal/postman -update", path)
}

func TestCollectionHasEveryExampleWithItsBodyAndATest(t *testing.T) {
	s := loadSpec(t)
	raw, err := Collection(s)
	require.NoError(t, err)
	var c pm.File
	require.NoError(t, json.Unmarshal(raw, &c))
	exs, err := s.Examples()
	require.NoError(t, err)
	require.Len(t, c.Item, len(exs))
	require.Len(t, c.Event, 1)
	assert.Equal(t, "prerequest", c.Event[0].Listen, "one collection-level pre-request script signs every request")
	for i, ex := range exs {
		it := c.Item[i]
		assert.Equal(t, ex.Operation.Method, it.Request.Method, it.Name)
		if ex.Body == nil {
			assert.Nil(t, it.Request.Body, "%s: a bodyless call sends no body (and signs {})", it.Name)
		} else {
			assert.JSONEq(t, string(ex.Body), it.Request.Body.Raw, it.Name)
		}
		require.Len(t, it.Event, 1, it.Name)
		assert.Equal(t, "test", it.Event[0].Listen, it.Name)
	}
}

// An example naming a confirmId, VA or bill refers to what earlier calls create; on a target
// that never created it a business error is the right answer [doc: business errors are HTTP 200
// with a four-digit code and data null].
func TestOnlyExamplesReferringToCreatedObjectsMayGetABusinessError(t *testing.T) {
	exs, err := loadSpec(t).Examples()
	require.NoError(t, err)
	may := map[string]bool{}
	for _, ex := range exs {
		if refersToCreated(ex) {
			may[ex.Operation.ID] = true
		}
	}
	assert.Equal(t, map[string]bool{
		"confirmDeleteVa": true, "confirmRegisterNotify": true, "confirmVa": true, "deleteDynamicQr": true,
		"deleteVa": true, "generateDynamicQr": true, "getStatusDynamicQr": true, "registerNotify": true,
	}, may)
}

func TestEnvironmentHoldsOnlyASecretPlaceholder(t *testing.T) {
	raw, err := Environment("mock", "http://127.0.0.1:8080", "")
	require.NoError(t, err)
	golden(t, "environment.json", raw)
	var env pm.EnvFile
	require.NoError(t, json.Unmarshal(raw, &env))
	byKey := map[string]pm.Var{}
	for _, v := range env.Values {
		byKey[v.Key] = v
	}
	assert.Equal(t, SecretPlaceholder, byKey["secretToken"].Value)
	assert.Equal(t, "secret", byKey["secretToken"].Type, "Postman masks a variable of type secret")
	assert.Equal(t, ClientIDPlaceholder, byKey["clientId"].Value)
}
