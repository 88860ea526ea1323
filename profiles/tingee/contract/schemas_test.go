package contract

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
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

// pageErrorBodies are the HTTP error bodies of the 6.2.2 page (seed), verbatim:
// each generated HttpErrorNNN.json must accept its own.
var pageErrorBodies = map[int]string{
	400: `{"message":"Not have access.","error":"Bad Request","statusCode":400}`,
	401: `{"message":"Unauthorized.","error":"Unauthorized","statusCode":401}`,
	403: `{"message":"Forbidden.","error":"Forbidden","statusCode":403}`,
	404: `{"message":"Not Found.","error":"Not Found","statusCode":404}`,
	500: `{"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500}`,
	501: `{"message":"Not Implemented.","error":"Not Implemented","statusCode":501}`,
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
	for status, body := range pageErrorBodies {
		sch := compiled["HttpError"+strconv.Itoa(status)]
		require.NotNil(t, sch, status)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst), status)
		wrong, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(body, `"statusCode":`, `"statusCode":1`, 1)))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(wrong), status)
	}
	nullable, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"code":"97","message":"x","data":null}`))
	require.NoError(t, err)
	assert.NoError(t, compiled["BusinessError"].Validate(nullable))
	assert.Error(t, compiled["ConfirmVaSuccess"].Validate(nullable))
}
