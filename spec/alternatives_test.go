package spec

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An anyOf whose alternatives are object schemas restates one set of properties
// with different required lists (contract tools such as Specmatic need every
// property declared in each alternative): the copies must stay the same, so the
// rule each property states lives, in effect, in one place.
func TestAnyOfAlternativesDeclareTheSameProperties(t *testing.T) {
	s := mustLoad(t)
	checked := 0
	for name, ref := range s.Doc.Components.Schemas {
		branches := ref.Value.AnyOf
		if len(branches) < 2 || branches[0].Value.Properties == nil {
			continue
		}
		first, err := json.Marshal(branches[0].Value.Properties)
		require.NoError(t, err)
		for i, b := range branches[1:] {
			other, err := json.Marshal(b.Value.Properties)
			require.NoError(t, err)
			assert.JSONEq(t, string(first), string(other), "%s: anyOf[%d] declares other properties than anyOf[0]", name, i+1)
			assert.NotEmpty(t, b.Value.Required, "%s: anyOf[%d] requires nothing", name, i+1)
		}
		checked++
	}
	// CreateVaRequest, ConfirmVaRequest, GenerateVietQrRequest, CreateVaData.
	assert.Equal(t, 4, checked)
}
