package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
