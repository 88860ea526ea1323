package spec

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageErrorBodies are the HTTP error bodies of the 6.2.2 page, verbatim.
var pageErrorBodies = map[int]string{
	400: `{"message":"Not have access.","error":"Bad Request","statusCode":400}`,
	401: `{"message":"Unauthorized.","error":"Unauthorized","statusCode":401}`,
	403: `{"message":"Forbidden.","error":"Forbidden","statusCode":403}`,
	404: `{"message":"Not Found.","error":"Not Found","statusCode":404}`,
	500: `{"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500}`,
	501: `{"message":"Not Implemented.","error":"Not Implemented","statusCode":501}`,
}

const confirmVaSuccess = `{"code":"00","message":"Success","data":{"accountType":"personal-account","bankName":"OCB","accountNumber":"string","vaAccountNumber":"string"}}`

var jsonHeader = http.Header{"Content-Type": {"application/json; charset=utf-8"}}

// mutate decodes body, applies f to the object and encodes it again.
func mutate(t *testing.T, body string, f func(map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &m))
	f(m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// pointers lists the pointers of the findings that are not drift.
func pointers(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if !f.Drift {
			out = append(out, f.Pointer)
		}
	}
	return out
}

func TestPageErrorBodiesValidateOnEveryOperation(t *testing.T) {
	s := mustLoad(t)
	for _, op := range s.Operations() {
		for status, body := range pageErrorBodies {
			fs := s.ValidateResponse(op.Method, op.Path, status, jsonHeader, []byte(body))
			assert.Empty(t, fs, "%s %d", op.ID, status)
		}
	}
}

func TestPageErrorBodiesValidateAgainstTheirComponents(t *testing.T) {
	s := mustLoad(t)
	for status, body := range pageErrorBodies {
		assert.Empty(t, s.ValidateBody("HttpError"+strconv.Itoa(status), []byte(body)), status)
	}
}

func TestMutatedErrorBodiesGiveFindings(t *testing.T) {
	s := mustLoad(t)
	for status, body := range pageErrorBodies {
		cases := map[string]struct {
			body    []byte
			pointer string
		}{
			"message removed":    {mutate(t, body, func(m map[string]any) { delete(m, "message") }), "/message"},
			"error removed":      {mutate(t, body, func(m map[string]any) { delete(m, "error") }), "/error"},
			"statusCode removed": {mutate(t, body, func(m map[string]any) { delete(m, "statusCode") }), "/statusCode"},
			"message a number":   {mutate(t, body, func(m map[string]any) { m["message"] = 7 }), "/message"},
			"error a bool":       {mutate(t, body, func(m map[string]any) { m["error"] = true }), "/error"},
			"statusCode string":  {mutate(t, body, func(m map[string]any) { m["statusCode"] = strconv.Itoa(status) }), "/statusCode"},
			"statusCode other":   {mutate(t, body, func(m map[string]any) { m["statusCode"] = 418 }), "/statusCode"},
		}
		for name, c := range cases {
			fs := s.ValidateResponse("POST", "/v1/confirm-va", status, jsonHeader, c.body)
			if assert.NotEmpty(t, fs, "%d %s", status, name) {
				assert.Contains(t, pointers(fs), c.pointer, "%d %s", status, name)
				assert.Equal(t, "confirmVa", fs[0].Operation)
				assert.Equal(t, "6.2.2", fs[0].DocRef)
			}
		}
	}
}

func TestErrorBodyOfAnotherStatusGivesAStatusCodeFinding(t *testing.T) {
	s := mustLoad(t)
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 403, jsonHeader, []byte(pageErrorBodies[401]))
	require.Len(t, fs, 1)
	assert.Equal(t, "/statusCode", fs[0].Pointer)
	assert.Equal(t, "401", fs[0].Got)
}

func TestBadRequestMessageMayBeAnArrayOfStrings(t *testing.T) {
	s := mustLoad(t)
	ok := `{"message":["mobile must be a valid phone number"],"error":"Bad Request","statusCode":400}`
	assert.Empty(t, s.ValidateResponse("POST", "/v1/create-va", 400, jsonHeader, []byte(ok)))
	bad := `{"message":[1],"error":"Bad Request","statusCode":400}`
	assert.Equal(t, []string{"/message"}, pointers(s.ValidateResponse("POST", "/v1/create-va", 400, jsonHeader, []byte(bad))))
}

func TestConfirmVaSuccessValidates(t *testing.T) {
	s := mustLoad(t)
	assert.Empty(t, s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(confirmVaSuccess)))
}

func TestConfirmVaSuccessMutationsPointAtTheField(t *testing.T) {
	s := mustLoad(t)
	data := func(f func(d map[string]any)) []byte {
		return mutate(t, confirmVaSuccess, func(m map[string]any) { f(m["data"].(map[string]any)) })
	}
	cases := map[string]struct {
		body []byte
		want []string
	}{
		"accountNumber retyped":   {data(func(d map[string]any) { d["accountNumber"] = 123 }), []string{"/data/accountNumber"}},
		"vaAccountNumber dropped": {data(func(d map[string]any) { delete(d, "vaAccountNumber") }), []string{"/data/vaAccountNumber"}},
		"bankName off the enum":   {data(func(d map[string]any) { d["bankName"] = "HSBC" }), []string{"/data/bankName"}}, // any of the 16 is valid (notes, "Levels and sources")
		"accountType unknown":     {data(func(d map[string]any) { d["accountType"] = "x" }), []string{"/data/accountType"}},
		"data null":               {mutate(t, confirmVaSuccess, func(m map[string]any) { m["data"] = nil }), []string{"/data"}},
		"message dropped":         {mutate(t, confirmVaSuccess, func(m map[string]any) { delete(m, "message") }), []string{"/message"}},
	}
	for name, c := range cases {
		fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, c.body)
		assert.Equal(t, c.want, pointers(fs), name)
	}
}

func TestUndocumentedDataPropertyIsDrift(t *testing.T) {
	s := mustLoad(t)
	body := mutate(t, confirmVaSuccess, func(m map[string]any) {
		m["data"].(map[string]any)["bankBin"] = "970448"
		m["traceId"] = "x"
	})
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, body)
	require.Len(t, fs, 2)
	got := map[string]bool{}
	for _, f := range fs {
		assert.True(t, f.Drift, f.Pointer)
		got[f.Pointer] = true
	}
	assert.Equal(t, map[string]bool{"/data/bankBin": true, "/traceId": true}, got)
}

func TestDriftInsideArraysAndEmptyData(t *testing.T) {
	s := mustLoad(t)
	page := `{"code":"00","message":"Success","data":{"totalCount":1,"items":[{"accountNumber":"***1","vaAccountNumber":"TNG1","status":"active","color":"red"}]}}`
	fs := s.ValidateResponse("POST", "/v1/get-va-paging", 200, jsonHeader, []byte(page))
	require.Len(t, fs, 1)
	assert.Equal(t, "/data/items/0/color", fs[0].Pointer)
	assert.True(t, fs[0].Drift)
	empty := `{"code":"00","message":"Success","data":{"surprise":1}}`
	fs = s.ValidateResponse("POST", "/v1/confirm-delete-va", 200, jsonHeader, []byte(empty))
	require.Len(t, fs, 1)
	assert.Equal(t, "/data/surprise", fs[0].Pointer)
	assert.True(t, fs[0].Drift)
}

func TestBusinessErrorEnvelope(t *testing.T) {
	s := mustLoad(t)
	for _, body := range []string{
		`{"code":"97","message":"Invalid signature","data":null}`,
		`{"code":"90","message":"Timestamp out of range","data":null}`,
		`{"code":"1023","message":"OTP sai","data":null}`,
	} {
		assert.Empty(t, s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(body)), body)
		assert.Empty(t, s.ValidateResponse("GET", "/v1/get-banks", 200, jsonHeader, []byte(body)), body)
	}
	cases := map[string]string{
		`{"code":"97","message":"x","data":{}}`:      "/data",
		`{"code":"abc","message":"x","data":null}`:   "/code",
		`{"code":97,"message":"x","data":null}`:      "/code",
		`{"code":"12345","message":"x","data":null}`: "/code",
	}
	for body, ptr := range cases {
		assert.Equal(t, []string{ptr}, pointers(s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(body))), body)
	}
}

func TestGetBanksAnswersABareArray(t *testing.T) {
	s := mustLoad(t)
	ok := `[{"code":"OCB","name":"Ngân hàng Phương Đông","shortName":"OCB","bin":"970448","urlLogo":null,"termsAndConditions":{"url":"u","urlVA":null}}]`
	assert.Empty(t, s.ValidateResponse("GET", "/v1/get-banks", 200, jsonHeader, []byte(ok)))
	bad := `[{"name":"x","shortName":"X","bin":970448}]`
	assert.Equal(t, []string{"/0/bin"}, pointers(s.ValidateResponse("GET", "/v1/get-banks", 200, jsonHeader, []byte(bad))))
	// notes "Levels and sources": the envelope all four SDKs type it with is accepted too [doc].
	enveloped := `{"code":"00","message":"Success","data":[{"name":"x","shortName":"X","bin":"970448"}]}`
	assert.Empty(t, s.ValidateResponse("GET", "/v1/get-banks", 200, jsonHeader, []byte(enveloped)))
	badEnvelope := `{"code":"00","message":"Success","data":[{"name":"x","shortName":"X","bin":970448}]}`
	assert.NotEmpty(t, s.ValidateResponse("GET", "/v1/get-banks", 200, jsonHeader, []byte(badEnvelope)))
}

// TestBusinessErrorMayOmitData: data null [live] or absent (the SDKs type it optional) [doc].
func TestBusinessErrorMayOmitData(t *testing.T) {
	s := mustLoad(t)
	assert.Empty(t, s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(`{"code":"1001","message":"x"}`)))
	assert.Equal(t, []string{"/data"}, pointers(s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(`{"code":"1001","message":"x","data":{}}`))))
}

func TestUnknownOperationIsAFindingNotAPanic(t *testing.T) {
	s := mustLoad(t)
	for _, c := range [][2]string{{"POST", "/v1/nope"}, {"GET", "/v1/confirm-va"}, {"POST", "http://127.0.0.1:1/"}, {"", ""}} {
		fs := s.ValidateResponse(c[0], c[1], 200, jsonHeader, []byte(`{}`))
		require.Len(t, fs, 1, c)
		assert.Contains(t, fs[0].Got, "no such operation")
	}
}

func TestNonJSONBodyWrongContentTypeAndUndocumentedStatus(t *testing.T) {
	s := mustLoad(t)
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, http.Header{"Content-Type": {"text/html"}}, []byte("<html>bad gateway</html>"))
	assert.ElementsMatch(t, []string{"/header/Content-Type", ""}, pointers(fs))
	assert.Equal(t, "a JSON body", fs[1].Expected)

	fs = s.ValidateResponse("POST", "/v1/confirm-va", 200, nil, nil)
	assert.ElementsMatch(t, []string{"/header/Content-Type", ""}, pointers(fs))

	fs = s.ValidateResponse("POST", "/v1/confirm-va", 502, jsonHeader, []byte(`{"message":"Bad Gateway","statusCode":502}`))
	assert.Equal(t, []string{"/status"}, pointers(fs))

	fs = s.ValidateResponse("POST", "/v1/confirm-va", 502, jsonHeader, []byte(`{"message":"Bad Gateway","statusCode":500}`))
	assert.Equal(t, []string{"/status", "/statusCode"}, pointers(fs))
}

func TestValidateBodyUnknownComponent(t *testing.T) {
	s := mustLoad(t)
	fs := s.ValidateBody("Nope", []byte(`{}`))
	require.Len(t, fs, 1)
	assert.Equal(t, "Nope", fs[0].Got)
}

func TestWebhookComponents(t *testing.T) {
	s := mustLoad(t)
	ok := `{"clientId":"c","transactionCode":"FT1","amount":10000,"content":"x","bank":"OCB","bankBin":"970448","accountNumber":"1","vaAccountNumber":"TNG1","transactionDate":"20250101120000","additionalData":[]}`
	assert.Empty(t, s.ValidateBody("PaymentNotification", []byte(ok)))
	bad := `{"clientId":"c","transactionCode":"FT1","amount":10000.5,"bank":"OCB","accountNumber":"1","transactionDate":"2025-01-01"}`
	assert.ElementsMatch(t, []string{"/amount", "/transactionDate"}, pointers(s.ValidateBody("PaymentNotification", []byte(bad))))
	assert.Empty(t, s.ValidateBody("WebhookPing", []byte(`{"event":"ping","message":"hi","timestamp":1735707600000}`)))
	assert.Empty(t, s.ValidateBody("WebhookAck", []byte(`{"code":"00","message":"Success"}`)))
	assert.Equal(t, []string{"/status"}, pointers(s.ValidateBody("LinkResult", []byte(`{"status":"done"}`))))
}

func TestShortenKeepsCharactersWhole(t *testing.T) {
	long := strings.Repeat("ệ", 100)
	got := shorten(long)
	assert.True(t, utf8.ValidString(got))
	assert.LessOrEqual(t, len(got), maxGot+len("…"))
	assert.Equal(t, "abc", shorten("abc"))
}

// Drift is looked for in every answer, not only in successes: an HTTP error
// body and a business error with a property the contract does not document
// each give one drift finding, and no break.
func TestDriftInErrorBodies(t *testing.T) {
	s := mustLoad(t)
	httpError := `{"message":"Forbidden.","error":"Forbidden","statusCode":403,"traceId":"abc"}`
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 403, jsonHeader, []byte(httpError))
	require.Len(t, fs, 1)
	assert.True(t, fs[0].Drift)
	assert.Equal(t, "/traceId", fs[0].Pointer)

	business := `{"code":"97","message":"Invalid signature","data":null,"requestId":"r1"}`
	fs = s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(business))
	require.Len(t, fs, 1)
	assert.True(t, fs[0].Drift)
	assert.Equal(t, "/requestId", fs[0].Pointer)
}
