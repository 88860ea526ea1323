package auth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/internal/credentials"
)

func TestMock(t *testing.T) {
	m := Mock()
	assert.Equal(t, MockClientID, m.ClientID)
	assert.Equal(t, MockSecret, string(m.Secret))
}

// Load reads Tingee's variables.
func TestLoadReadsTingeesVariables(t *testing.T) {
	vars := map[string]string{"TINGEE_CLIENT_ID": "cid", "TINGEE_SECRET_TOKEN": "s3cret"}
	c, err := Load(credentials.Sources{Getenv: func(k string) string { return vars[k] }})
	require.NoError(t, err)
	assert.Equal(t, "cid", c.ClientID)
	assert.Equal(t, "s3cret", string(c.Secret))
	_, err = Load(credentials.Sources{Getenv: func(string) string { return "" }})
	assert.ErrorContains(t, err, "TINGEE_CLIENT_ID and TINGEE_SECRET_TOKEN")
}
