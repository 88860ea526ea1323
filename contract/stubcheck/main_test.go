package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/spec"
)

func examples(t *testing.T) []spec.Example {
	t.Helper()
	s, err := contract.Load()
	require.NoError(t, err)
	exs, err := s.Examples()
	require.NoError(t, err)
	return exs
}

// Specmatic's example files: http-request (method, path, query, body) and http-response (status, body).
func TestWriteGivesOneSpecmaticExampleFilePerRequestExample(t *testing.T) {
	dir := t.TempDir()
	exs := examples(t)
	require.NoError(t, write(dir, exs, tingeeHeaders))
	raw, err := os.ReadFile(filepath.Join(dir, "deleteVa_example.json"))
	require.NoError(t, err)
	var file struct {
		Request struct {
			Method, Path string
			Query        map[string]string
			Body         json.RawMessage
		} `json:"http-request"`
		Response struct {
			Status int
			Body   json.RawMessage
		} `json:"http-response"`
	}
	require.NoError(t, json.Unmarshal(raw, &file))
	assert.Equal(t, "POST", file.Request.Method)
	assert.Equal(t, "/v1/delete-va", file.Request.Path)
	assert.Equal(t, map[string]string{"vaAccountNumber": "TNG60716171228"}, file.Request.Query)
	assert.JSONEq(t, `{}`, string(file.Request.Body))
	assert.Equal(t, 200, file.Response.Status)
	assert.Contains(t, string(file.Response.Body), `"00"`)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, len(exs))
}

// check passes a stub that answers each example's success body, and fails one that does not.
func TestCheckComparesEachAnswerWithItsSuccessExample(t *testing.T) {
	exs := examples(t)
	answers := map[string][]byte{}
	for _, ex := range exs {
		answers[ex.Operation.Method+" "+ex.Operation.Path] = ex.Answer
	}
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answers[r.Method+" "+r.URL.Path])
	}))
	defer good.Close()
	assert.NoError(t, check(good.URL, exs, tingeeHeaders))

	wrong := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"code":"97","message":"Invalid signature","data":null}`))
	}))
	defer wrong.Close()
	assert.Error(t, check(wrong.URL, exs, tingeeHeaders))
}

// The command line: write|check, an optional --contract PATH (openapi.yaml when left out), then DIR or URL.
func TestParseArgs(t *testing.T) {
	mode, path, target, ok := parseArgs([]string{"check", "--contract", "profiles/ocb/contract/openapi.yaml", "http://127.0.0.1:9000"})
	assert.True(t, ok)
	assert.Equal(t, []string{"check", "profiles/ocb/contract/openapi.yaml", "http://127.0.0.1:9000"}, []string{mode, path, target})
	mode, path, target, ok = parseArgs([]string{"write", "/tmp/x"})
	assert.True(t, ok)
	assert.Equal(t, []string{"write", "openapi.yaml", "/tmp/x"}, []string{mode, path, target})
	for _, bad := range [][]string{nil, {"serve", "x"}, {"write"}, {"write", "--contract", "x"}, {"write", "a", "b"}} {
		_, _, _, ok := parseArgs(bad)
		assert.False(t, ok, "%q", bad)
	}
}

// OCB's examples: the token request's body as Specmatic's form fields, and a package call's X-Signature
// (a header parameter the contract requires) written as the value check sends, which verifies over the
// example's body with the mock's test app certificate [obs: detached JWS over the exact body].
func TestWriteGivesOCBsFormFieldsAndSignedHeaders(t *testing.T) {
	tools := contracts["profiles/ocb/contract/openapi.yaml"]
	s, err := tools.load()
	require.NoError(t, err)
	exs, err := s.Examples()
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, write(dir, exs, tools.headers))
	var token struct {
		Request struct {
			Form map[string]string `json:"form-fields"`
			Body json.RawMessage
		} `json:"http-request"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "token_example.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &token))
	assert.Equal(t, "password", token.Request.Form["grant_type"])
	assert.Nil(t, token.Request.Body)
	var call struct {
		Request struct {
			Headers map[string]string
			Body    json.RawMessage
		} `json:"http-request"`
		Response struct{ Status int } `json:"http-response"`
	}
	raw, err = os.ReadFile(filepath.Join(dir, "accountsDetails_example.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &call))
	assert.Equal(t, 200, call.Response.Status)
	assert.Equal(t, jws.CertificateHeader(testkeys.AppCert()), call.Request.Headers["X-Client-Certificate"])
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, call.Request.Body))
	assert.NoError(t, jws.Verify(jws.PublicKey(testkeys.AppCert()), compact.Bytes(), call.Request.Headers["X-Signature"]))
	assert.NotContains(t, call.Request.Headers, "Authorization", "only the contract's header parameters are written")
}
