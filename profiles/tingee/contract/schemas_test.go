package contract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tingee-conformance/harness/spec"
)

func mustLoad(t *testing.T) *spec.Spec {
	t.Helper()
	s, err := Load()
	require.NoError(t, err)
	return s
}

// pageErrorBodies are the HTTP error bodies of the 6.2.2 page (seed), by the
// schema component each must match: openapi.yaml's error responses carry them
// as their examples (spec's TestErrorResponsesCarryThePageBodiesVerbatim).
func pageErrorBodies(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, r := range mustLoad(t).Doc.Components.Responses {
		mt := r.Value.Content.Get("application/json")
		require.NotNil(t, mt, name)
		raw, err := json.Marshal(mt.Example)
		require.NoError(t, err)
		out[strings.TrimPrefix(mt.Schema.Ref, "#/components/schemas/")] = string(raw)
	}
	require.Len(t, out, 6, "the six error bodies of the 6.2.2 page")
	return out
}

// TestSchemaFilesAreFresh fails when schemas/ differs from what
// `go generate ./profiles/tingee/contract` would write now.
func TestSchemaFilesAreFresh(t *testing.T) {
	want, err := mustLoad(t).SchemaFiles(SchemaIDBase)
	require.NoError(t, err)
	onDisk, err := filepath.Glob(filepath.Join("schemas", "*.json"))
	require.NoError(t, err)
	var stale []string
	seen := map[string]bool{}
	for _, path := range onDisk {
		name := filepath.Base(path)
		seen[name] = true
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		if w, ok := want[name]; !ok {
			stale = append(stale, name+" (no such component)")
		} else if !bytes.Equal(got, w) {
			stale = append(stale, name+" (differs)")
		}
	}
	for name := range want {
		if !seen[name] {
			stale = append(stale, name+" (missing)")
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Fatalf("profiles/tingee/contract/schemas is stale: %s; run go generate ./profiles/tingee/contract", strings.Join(stale, ", "))
	}
}

// TestSchemaFilesCompileOnTheirOwn compiles each written file with a fresh
// compiler, as a partner would, and checks the page's error bodies against them.
func TestSchemaFilesCompileOnTheirOwn(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("schemas", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	compiled := map[string]*jsonschema.Schema{}
	for _, path := range files {
		c := jsonschema.NewCompiler()
		abs, err := filepath.Abs(path)
		require.NoError(t, err)
		sch, err := c.Compile(abs)
		require.NoError(t, err, path)
		compiled[strings.TrimSuffix(filepath.Base(path), ".json")] = sch
	}
	for component, body := range pageErrorBodies(t) {
		sch := compiled[component]
		require.NotNil(t, sch, component)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst), component)
		wrong, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(body, `"statusCode":`, `"statusCode":1`, 1)))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(wrong), component)
	}
	nullable, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"code":"97","message":"x","data":null}`))
	require.NoError(t, err)
	assert.NoError(t, compiled["BusinessError"].Validate(nullable))
	assert.Error(t, compiled["ConfirmVaSuccess"].Validate(nullable))
}
