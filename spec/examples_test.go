package spec

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mediaExamples lists a media type's example and named examples as JSON values.
func mediaExamples(t *testing.T, where string, mt *openapi3.MediaType) map[string]any {
	t.Helper()
	out := map[string]any{}
	if mt.Example != nil {
		out[where] = mt.Example
	}
	for name, ex := range mt.Examples {
		require.NotNil(t, ex.Value, "%s example %s", where, name)
		out[where+" example "+name] = ex.Value.Value
	}
	return out
}

// generic turns a decoded YAML example into the JSON values jsonschema expects.
func generic(t *testing.T, v any) any {
	t.Helper()
	g, err := toGeneric(v)
	require.NoError(t, err)
	return g
}

func TestEveryExampleValidatesAgainstItsSchema(t *testing.T) {
	s := mustLoad(t)
	checked := 0
	for i, op := range s.Operations() {
		if rb := op.Op.RequestBody; rb != nil {
			for where, ex := range mediaExamples(t, op.ID+" request", rb.Value.Content.Get("application/json")) {
				fs := validateAgainst(s.schemas.requests[i], generic(t, ex), Finding{Operation: op.ID})
				assert.Empty(t, fs, where)
				checked++
			}
		}
		statuses := op.Op.Responses.Map()
		for status, ref := range statuses {
			answer := s.schemas.responses[i][status]
			require.NotNil(t, answer, "%s %s has no JSON schema", op.ID, status)
			for where, ex := range mediaExamples(t, fmt.Sprintf("%s %s", op.ID, status), ref.Value.Content.Get("application/json")) {
				fs := answer.check(generic(t, ex), Finding{Operation: op.ID}, s.rules, s.schemas.codes)
				assert.Empty(t, fs, where) // drift included: examples document every field they show
				checked++
			}
		}
	}
	names := make([]string, 0, len(s.Doc.Components.Schemas))
	for name := range s.Doc.Components.Schemas {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if ex := s.Doc.Components.Schemas[name].Value.Example; ex != nil {
			fs := validateAgainst(s.schemas.byName[name], generic(t, ex), Finding{Operation: name})
			assert.Empty(t, fs, "component %s example", name)
			checked++
		}
	}
	assert.Greater(t, checked, 40, "examples checked")
}

func TestEveryOperationDocumentsTheSixErrorsAndASuccessExample(t *testing.T) {
	s := mustLoad(t)
	for _, op := range s.Operations() {
		for status, ref := range map[string]string{
			"400": "BadRequest", "401": "Unauthorized", "403": "Forbidden",
			"404": "NotFound", "500": "InternalServerError", "501": "NotImplemented",
		} {
			r := op.Op.Responses.Value(status)
			if assert.NotNil(t, r, "%s %s", op.ID, status) {
				assert.Equal(t, "#/components/responses/"+ref, r.Ref, "%s %s", op.ID, status)
			}
		}
		ok := op.Op.Responses.Value("200")
		require.NotNil(t, ok, op.ID)
		mt := ok.Value.Content.Get("application/json")
		require.NotNil(t, mt, op.ID)
		assert.Contains(t, mt.Examples, "success", op.ID)
		assert.Contains(t, mt.Examples, "invalidSignature", op.ID)
		assert.NotNil(t, s.schemas.responses[s.byID[op.ID]]["200"].business, "%s 200 has a BusinessError branch", op.ID)
	}
}

func TestErrorResponsesCarryThePageBodiesVerbatim(t *testing.T) {
	s := mustLoad(t)
	for status, name := range map[int]string{
		400: "BadRequest", 401: "Unauthorized", 403: "Forbidden",
		404: "NotFound", 500: "InternalServerError", 501: "NotImplemented",
	} {
		r := s.Doc.Components.Responses[name]
		require.NotNil(t, r, name)
		ex := r.Value.Content.Get("application/json").Example
		raw, err := json.Marshal(ex)
		require.NoError(t, err)
		assert.JSONEq(t, pageErrorBodies[status], string(raw), name)
	}
}

func TestSigningExtensionStatesTheRules(t *testing.T) {
	s := mustLoad(t)
	ext, ok := s.Doc.Extensions["x-tingee-signature"].(map[string]any)
	require.True(t, ok, "x-tingee-signature is missing")
	assert.Equal(t, "HMAC-SHA512", ext["algorithm"])
	assert.Equal(t, "{x-request-timestamp}:{request body}", ext["stringToSign"])
	assert.Equal(t, "yyyyMMddHHmmssSSS", ext["timestampFormat"])
	assert.Contains(t, ext["timestampZone"], "UTC+7")
	assert.Contains(t, ext["body"], "`{}`")
	assert.Contains(t, ext["signatureEncoding"], "lowercase hex")
	assert.Contains(t, ext["tolerance"], "10 minutes")
	var headers []string
	for _, sch := range s.Doc.Components.SecuritySchemes {
		assert.Equal(t, "apiKey", sch.Value.Type)
		assert.Equal(t, "header", sch.Value.In)
		headers = append(headers, sch.Value.Name)
	}
	assert.ElementsMatch(t, []string{"x-client-id", "x-request-timestamp", "x-signature"}, headers)
	require.Len(t, s.Doc.Security, 1)
	assert.Len(t, s.Doc.Security[0], 3)
}

func TestExamplesPairEveryRequestExampleWithTheSuccessAnswer(t *testing.T) {
	s := mustLoad(t)
	exs, err := s.Examples()
	require.NoError(t, err)
	byOp := map[string][]string{}
	for _, ex := range exs {
		byOp[ex.Operation.ID] = append(byOp[ex.Operation.ID], ex.Name)
		r := signedRequest(t, ex.Operation.Method, ex.Operation.Path+"?"+ex.Query.Encode(), string(ex.Body))
		assert.Empty(t, s.ValidateRequest(r, ex.Body), "%s %s", ex.Operation.ID, ex.Name)
		assert.Empty(t, s.ValidateResponse(ex.Operation.Method, ex.Operation.Path, 200, jsonHeader, ex.Answer), "%s %s answer", ex.Operation.ID, ex.Name)
	}
	assert.Len(t, byOp, len(s.Operations()), "every operation has an example")
	assert.Equal(t, []string{"bankBin", "page622"}, byOp["confirmVa"])
	assert.Equal(t, []string{"example"}, byOp["getBanks"])
	var deleteVa Example
	for _, ex := range exs {
		if ex.Operation.ID == "deleteVa" {
			deleteVa = ex
		}
	}
	assert.Equal(t, "vaAccountNumber=TNG60716171228", deleteVa.Query.Encode())
	assert.JSONEq(t, `{}`, string(deleteVa.Body))
}
