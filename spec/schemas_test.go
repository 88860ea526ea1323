package spec

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
)

// TestSchemaFilesAreFresh fails when spec/schemas/ differs from what
// `go generate ./spec` would write now.
func TestSchemaFilesAreFresh(t *testing.T) {
	want, err := mustLoad(t).SchemaFiles()
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
		t.Fatalf("spec/schemas is stale: %s; run go generate ./spec", strings.Join(stale, ", "))
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

func TestSchemasExposesEveryComponent(t *testing.T) {
	s := mustLoad(t)
	all := s.Schemas()
	for _, name := range []string{"BusinessError", "HttpError400", "HttpError401", "HttpError403", "HttpError404",
		"HttpError500", "HttpError501", "PaymentNotification", "LinkResult", "WebhookPing", "WebhookAck", "ConfirmVaSuccess"} {
		assert.NotNil(t, all[name], name)
		sch, ok := s.Schema(name)
		assert.True(t, ok, name)
		assert.NotNil(t, sch, name)
	}
	_, ok := s.Schema("Nope")
	assert.False(t, ok)
}

func TestConvertNullable(t *testing.T) {
	got := convertSchema(map[string]any{
		"type": "string", "nullable": true, "enum": []any{"a"}, "example": "a",
		"properties": map[string]any{"x": map[string]any{"$ref": "#/components/schemas/X"}},
	})
	assert.Equal(t, map[string]any{
		"type": []any{"string", "null"}, "enum": []any{"a", nil}, "examples": []any{"a"},
		"properties": map[string]any{"x": map[string]any{"$ref": "#/$defs/X"}},
	}, got)
}

func TestConvertExclusiveBounds(t *testing.T) {
	got := convertSchema(map[string]any{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": false})
	assert.Equal(t, map[string]any{"type": "number", "exclusiveMinimum": 0, "maximum": 9}, got)
}
