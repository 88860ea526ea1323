package spec

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// agreedOperations are the operationIds, methods and paths the team agreed on.
var agreedOperations = map[string]string{
	"createVa":              "POST /v1/create-va",
	"confirmVa":             "POST /v1/confirm-va",
	"registerNotify":        "POST /v1/register-notify",
	"confirmRegisterNotify": "POST /v1/confirm-register-notify",
	"deleteVa":              "POST /v1/delete-va",
	"confirmDeleteVa":       "POST /v1/confirm-delete-va",
	"getVaPaging":           "POST /v1/get-va-paging",
	"getBanks":              "GET /v1/get-banks",
	"generateVietQr":        "POST /v1/generate-viet-qr",
	"generateDynamicQr":     "POST /v1/generate-dynamic-qr",
	"deleteDynamicQr":       "POST /v1/delete-dynamic-qr",
	"getStatusDynamicQr":    "POST /v1/get-status-dynamic-qr",
	"getTransactionPaging":  "POST /v1/transaction/get-paging",
}

func mustLoad(t testing.TB) *Spec {
	t.Helper()
	s, err := Load()
	require.NoError(t, err)
	return s
}

func TestLoadListsTheAgreedOperations(t *testing.T) {
	s := mustLoad(t)
	got := map[string]string{}
	for _, op := range s.Operations() {
		got[op.ID] = op.Method + " " + op.Path
		assert.NotEmpty(t, op.DocRef, "%s has no x-doc-ref", op.ID)
		assert.NotEmpty(t, op.Op.Summary, "%s has no summary", op.ID)
		assert.NotEmpty(t, op.Op.Description, "%s has no description", op.ID)
	}
	assert.Equal(t, agreedOperations, got)
	assert.Empty(t, s.Doc.Servers, "servers must be stripped for routing")
	var urls []string
	for _, sv := range s.Servers {
		urls = append(urls, sv.URL)
	}
	assert.Equal(t, []string{"https://open-api.tingee.vn", "https://uat-open-api.tingee.vn"}, urls)
}

func TestDocRefs(t *testing.T) {
	s := mustLoad(t)
	for id, ref := range map[string]string{"confirmVa": "6.2.2", "generateVietQr": "6.3", "createVa": "6.2.1"} {
		op, ok := s.OperationByID(id)
		require.True(t, ok, id)
		assert.Equal(t, ref, op.DocRef, id)
	}
}

func TestParseRefusesAnInvalidDocument(t *testing.T) {
	_, err := Parse([]byte("openapi: 3.0.3\ninfo: {title: x}\npaths: {}\n"), tingeeRules)
	assert.Error(t, err, "info.version is required")
	_, err = Parse([]byte("not: [yaml"), tingeeRules)
	assert.Error(t, err)
}

func TestParseRefusesExternalRefs(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: x, version: '1'}
paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'other.yaml#/X'}
`
	_, err := Parse([]byte(doc), tingeeRules)
	assert.Error(t, err)
}

func TestFindRoutesOnAnyHostAndIgnoresTheQuery(t *testing.T) {
	s := mustLoad(t)
	for _, path := range []string{
		"/v1/confirm-va",
		"http://127.0.0.1:1234/v1/confirm-va",
		"https://uat-open-api.tingee.vn/v1/confirm-va",
		"https://open-api.tingee.vn/v1/confirm-va?debug=1",
		"/v1/confirm-va?x=y",
	} {
		op, ok := s.Find("POST", path)
		if assert.True(t, ok, path) {
			assert.Equal(t, "confirmVa", op.ID, path)
			assert.Equal(t, "6.2.2", op.DocRef, path)
		}
	}
	op, ok := s.Find("POST", "https://uat-open-api.tingee.vn/v1/delete-va?bankBin=970448&vaAccountNumber=TNG1")
	assert.True(t, ok)
	assert.Equal(t, "deleteVa", op.ID)
}

func TestFindMisses(t *testing.T) {
	s := mustLoad(t)
	for _, c := range [][2]string{
		{"GET", "/v1/confirm-va"},
		{"POST", "/v1/get-banks"},
		{"POST", "/v1/nope"},
		{"POST", "/v1/bank/transaction/get-paging"}, // not in the SDKs' bank group
		{"GET", "/v1/bank/confirm-va"},
		{"POST", "::not a url"},
	} {
		_, ok := s.Find(c[0], c[1])
		assert.False(t, ok, "%s %s", c[0], c[1])
	}
}

// TestSDKPathsRouteToTheSameOperation: all four official SDKs call the bank
// group at /v1/bank/<action> (notes, "Levels and sources"); both families
// route to one operation.
func TestSDKPathsRouteToTheSameOperation(t *testing.T) {
	s := mustLoad(t)
	n := 0
	for _, op := range s.Operations() {
		if op.SDKPath == "" {
			continue
		}
		n++
		assert.Equal(t, "/v1/bank/"+strings.TrimPrefix(op.Path, "/v1/"), op.SDKPath, op.ID)
		got, ok := s.Find(op.Method, op.SDKPath)
		assert.True(t, ok, op.SDKPath)
		assert.Equal(t, op.ID, got.ID)
		assert.Equal(t, op.SDKPath, op.PathIn(PathsSDK))
		assert.Equal(t, op.Path, op.PathIn(PathsDocs))
	}
	assert.Equal(t, 12, n, "the bank group: every operation but transaction/get-paging")
}

func TestOperationByID(t *testing.T) {
	s := mustLoad(t)
	op, ok := s.OperationByID("getBanks")
	require.True(t, ok)
	assert.Equal(t, "GET", op.Method)
	assert.Equal(t, "/v1/get-banks", op.Path)
	_, ok = s.OperationByID("nope")
	assert.False(t, ok)
}

// The contract marks the four reads x-idempotent, and only them: the client
// sends only these again after a transport failure (create, confirm and
// delete calls are sent once, whatever happens).
func TestOnlyTheReadsAreIdempotent(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	reads := map[string]bool{"getBanks": true, "getVaPaging": true, "getStatusDynamicQr": true, "getTransactionPaging": true}
	for _, op := range s.Operations() {
		if op.Idempotent != reads[op.ID] || s.Idempotent(op.ID) != reads[op.ID] {
			t.Errorf("%s: idempotent %v, want %v", op.ID, op.Idempotent, reads[op.ID])
		}
	}
	if s.Idempotent("noSuchOperation") {
		t.Error("an unknown operation is idempotent")
	}
}
