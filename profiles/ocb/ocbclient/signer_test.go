package ocbclient

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

func vector(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../testdata/vectors", name))
	require.NoError(t, err)
	return b
}

// The copyable Signer, on a request carrying the vector's body, writes the vector's X-Signature and
// X-Client-Certificate byte for byte: both were made with openssl, independently of this code
// (profiles/ocb/testdata/vectors/README.md) [obs: the detached-JWS rule, docs/ocb-open-api.md].
func TestSignerMatchesTheVectors(t *testing.T) {
	key, err := jws.ParsePrivateKey(vector(t, "test-partner.key"))
	require.NoError(t, err)
	cert, err := jws.ParseCertificate(vector(t, "test-partner.crt"))
	require.NoError(t, err)
	body := vector(t, "body.json")
	req, err := http.NewRequest(http.MethodPost, "http://127.0.0.1/v1/accounts/details", bytes.NewReader(body))
	require.NoError(t, err)
	require.NoError(t, Signer("client", "secret", "token", key, cert)(context.Background(), req))
	assert.Equal(t, string(vector(t, "x-signature.txt")), req.Header.Get("X-Signature"))
	assert.Equal(t, string(vector(t, "x-client-certificate.txt")), req.Header.Get("X-Client-Certificate"))
	assert.Equal(t, "Bearer token", req.Header.Get("Authorization"))
	assert.Equal(t, "client", req.Header.Get("X-IBM-Client-Id"))
	assert.Equal(t, "secret", req.Header.Get("X-IBM-Client-Secret"))
}

// SignDetached agrees with the harness's signer (profiles/ocb/jws) on other bodies: UTF-8, an empty
// object, and bytes that are not minified JSON, which are signed as sent [obs: the exact body bytes].
func TestSignDetachedMatchesTheHarness(t *testing.T) {
	for _, body := range []string{`{"trace":{"clientTransId":"Tiền"},"data":{}}`, `{}`, "{ \"data\" : {} }\n"} {
		got, err := SignDetached(testkeys.AppKey(), []byte(body))
		require.NoError(t, err)
		want, err := jws.Sign(testkeys.AppKey(), []byte(body))
		require.NoError(t, err)
		assert.Equal(t, want, got, "body %q", body)
	}
}
