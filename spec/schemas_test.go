package spec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

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
