package mock

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

const (
	body401 = `{"message":"Unauthorized.","error":"Unauthorized","statusCode":401}`
	body403 = `{"message":"Forbidden.","error":"Forbidden","statusCode":403}`
	body404 = `{"message":"Not Found.","error":"Not Found","statusCode":404}`
	body500 = `{"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500}`
	body501 = `{"message":"Not Implemented.","error":"Not Implemented","statusCode":501}`
)

const confirmBody = `{"bankName":"OCB","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`

func dropHeader(name string) func(http.Header, *string) {
	return func(h http.Header, _ *string) { h.Del(name) }
}

// TestCheckOrder walks the rows of "How our mock answers", in the order the checks run.
func TestCheckOrder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		r      req
		status int
		raw    string // exact body, when set
		code   string // envelope code, when set
		msg    string // part of the 400 message, when set
	}{
		{name: "unknown path", r: req{path: "/v1/nope", body: "{}"}, status: 404, raw: body404},
		{name: "wrong method", r: req{method: http.MethodGet, path: "/v1/confirm-va"}, status: 404, raw: body404},
		{name: "SDK path of a non-bank operation", r: req{path: "/v1/bank/transaction/get-paging", body: "{}"}, status: 404, raw: body404},
		{name: "404 before 401", r: req{path: "/v1/nope", tamper: dropHeader(signing.HeaderSignature)}, status: 404, raw: body404},
		{name: "no client id", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: dropHeader(signing.HeaderClientID)}, status: 401, raw: body401},
		{name: "no timestamp", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: dropHeader(signing.HeaderTimestamp)}, status: 401, raw: body401},
		{name: "no signature", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: dropHeader(signing.HeaderSignature)}, status: 401, raw: body401},
		{name: "unknown client", r: req{path: "/v1/confirm-va", body: confirmBody, clientID: "someone-else"}, status: 401, raw: body401},
		{name: "401 before 90", r: req{path: "/v1/confirm-va", body: confirmBody, clientID: "x", at: testNow.Add(-time.Hour)}, status: 401, raw: body401},
		{name: "timestamp 11 min old", r: req{path: "/v1/confirm-va", body: confirmBody, at: testNow.Add(-11 * time.Minute)}, status: 200, code: "90"},
		{name: "timestamp 11 min ahead", r: req{path: "/v1/confirm-va", body: confirmBody, at: testNow.Add(11 * time.Minute)}, status: 200, code: "90"},
		{name: "timestamp 9 min old passes", r: req{path: "/v1/confirm-va", body: confirmBody, at: testNow.Add(-9 * time.Minute)}, status: 200, code: "1001"},
		{name: "timestamp not a date", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: func(h http.Header, _ *string) {
			h.Set(signing.HeaderTimestamp, "20261399250000000")
		}}, status: 200, code: "90"},
		{name: "timestamp 13 digits", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: func(h http.Header, _ *string) {
			h.Set(signing.HeaderTimestamp, "1763877600000")
		}}, status: 200, code: "90"},
		{name: "90 before 97", r: req{path: "/v1/confirm-va", body: confirmBody, at: testNow.Add(-11 * time.Minute), tamper: func(h http.Header, _ *string) {
			h.Set(signing.HeaderSignature, strings.Repeat("0", 128))
		}}, status: 200, code: "90"},
		{name: "body byte changed after signing", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: func(_ http.Header, b *string) {
			*b = strings.Replace(*b, "123456", "123457", 1)
		}}, status: 200, code: "97"},
		{name: "signature not hex", r: req{path: "/v1/confirm-va", body: confirmBody, tamper: func(h http.Header, _ *string) {
			h.Set(signing.HeaderSignature, "zz")
		}}, status: 200, code: "97"},
		{name: "97 before 400", r: req{path: "/v1/confirm-va", body: "not json", tamper: func(_ http.Header, b *string) { *b = "still not json" }}, status: 200, code: "97"},
		{name: "empty body signed as {}", r: req{path: "/v1/confirm-va"}, status: 400, msg: "confirmId should not be empty"},
		{name: "malformed JSON", r: req{path: "/v1/confirm-va", body: `{"confirmId":`}, status: 400, msg: "Unexpected end of JSON input"},
		{name: "nested too deep", r: req{path: "/v1/confirm-va", body: strings.Repeat("[", 100000)}, status: 400, msg: "nested deeper than 32 levels"},
		{name: "not an object", r: req{path: "/v1/confirm-va", body: `[1]`}, status: 400, msg: "must be a JSON object"},
		{name: "trailing data", r: req{path: "/v1/confirm-va", body: confirmBody + `{}`}, status: 400, msg: "Unexpected data"},
		{name: "duplicate key", r: req{path: "/v1/confirm-va", body: `{"bankName":"OCB","confirmId":"a","confirmId":"b","otpNumber":"1"}`}, status: 400, msg: "duplicate key confirmId"},
		{name: "wrong content type", r: req{path: "/v1/confirm-va", body: confirmBody, contentType: "text/plain"}, status: 400, msg: "Content-Type must be application/json"},
		{name: "missing field", r: req{path: "/v1/confirm-va", body: `{"bankName":"OCB","otpNumber":"1"}`}, status: 400, msg: "confirmId should not be empty"},
		{name: "wrong enum", r: req{path: "/v1/confirm-va", body: `{"bankName":"VCB","confirmId":"a","otpNumber":"1"}`}, status: 400, msg: "bankName must be one of the following values: OCB, MBB, BIDV, ACB, VPB"},
		{name: "wrong type", r: req{path: "/v1/confirm-va", body: `{"bankName":"OCB","confirmId":7,"otpNumber":"1"}`}, status: 400, msg: "confirmId must be a string"},
		{name: "bankName form needs otpNumber", r: req{path: "/v1/confirm-va", body: `{"bankName":"OCB","confirmId":"a"}`}, status: 400, msg: "otpNumber should not be empty"},
		{name: "unknown field", r: req{path: "/v1/confirm-va", body: `{"bankName":"OCB","confirmId":"a","otpNumber":"1","otpNumer":"1"}`}, status: 400, msg: "property otpNumer should not exist"},
		{name: "huge number", r: req{path: "/v1/get-va-paging", body: `{"skipCount":1e400,"maxResultCount":10}`}, status: 400, msg: "skipCount must be a number"},
		{name: "unsafe integer", r: req{path: "/v1/get-va-paging", body: `{"skipCount":9007199254740993,"maxResultCount":10}`}, status: 400, msg: "skipCount must not be greater than 9007199254740991"},
		{name: "foreign mobile", r: req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789","mobile":"84912345678"}`}, status: 400, msg: "mobile must be a valid phone number"},
		{name: "delete-va query", r: req{path: "/v1/delete-va", body: "{}"}, status: 400, msg: "vaAccountNumber should not be empty"},
		{name: "delete-va body must be {}", r: req{path: "/v1/delete-va?vaAccountNumber=TNG1", body: `{"vaAccountNumber":"TNG1"}`}, status: 400, msg: "property vaAccountNumber should not exist"},
		{name: "merchantId from a non-master client", r: req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10,"merchantId":1001}`}, status: 403, raw: body403},
		{name: "merchantId in the query", r: req{path: "/v1/delete-va?vaAccountNumber=TNG1&merchantId=7", body: "{}"}, status: 403, raw: body403},
		{name: "400 before 403", r: req{path: "/v1/get-va-paging", body: `{"merchantId":1001}`}, status: 400, msg: "skipCount should not be empty"},
		{name: "bank not implemented", r: req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankName":"CTG","accountNumber":"1"}`}, status: 501, raw: body501},
		{name: "fixture trigger 500", r: req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0999999500","accountName":"PANIC ON PURPOSE"}`}, status: 500, raw: body500},
		{name: "business failure", r: req{path: "/v1/confirm-va", body: confirmBody}, status: 200, code: "1001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := send(t, newMock(t), tc.r)
			assert.Equal(t, tc.status, a.Status, a.Raw)
			if tc.raw != "" {
				assert.JSONEq(t, tc.raw, a.Raw)
				assert.Equal(t, tc.raw, a.Raw, "documented bodies are verbatim, key order included")
			}
			if tc.code != "" {
				assert.Equal(t, tc.code, a.code(), a.Raw)
				assert.Contains(t, a.JSON, "data")
				assert.Nil(t, a.JSON["data"], "a failure carries data: null")
			}
			if tc.msg != "" {
				assert.Equal(t, "Bad Request", a.JSON["error"])
				assert.EqualValues(t, 400, a.JSON["statusCode"])
				assert.Contains(t, a.Raw, tc.msg)
			}
		})
	}
}

func TestSeveralFaultsAreAList(t *testing.T) {
	a := send(t, newMock(t), req{path: "/v1/confirm-delete-va", body: "{}"})
	assert.Equal(t, 400, a.Status)
	assert.Equal(t, []any{"bankBin should not be empty", "confirmId should not be empty", "otpNumber should not be empty"}, a.JSON["message"])
}

// A body of blanks reads as {} to the rules, but it is no JSON to openapi.yaml, which refuses it;
// an empty body is {} to both.
func TestABodyOfBlanksIsNoJSONToTheContract(t *testing.T) {
	h := newMock(t)
	a := send(t, h, req{path: "/v1/delete-va?vaAccountNumber=TNG00000000000", body: " \n "})
	assert.Equal(t, 400, a.Status, a.Raw)
	assert.Contains(t, a.Raw, "body: expected a JSON body")
	a = send(t, h, req{path: "/v1/delete-va?vaAccountNumber=TNG00000000000", body: ""})
	assert.Equal(t, 200, a.Status, a.Raw)
	assert.Equal(t, "1005", a.code(), a.Raw)
}

func TestBodyOver1MiB(t *testing.T) {
	big := `{"filter":"` + strings.Repeat("x", maxBody) + `","skipCount":0,"maxResultCount":1}`
	a := send(t, newMock(t), req{path: "/v1/get-va-paging", body: big})
	assert.Equal(t, 400, a.Status)
	assert.Contains(t, a.Raw, "request entity too large")
}

func TestControlOff(t *testing.T) {
	h := newMock(t, func(c *Config) { c.Control = false })
	a := send(t, h, req{path: "/_mock/transfers", body: `{}`})
	assert.Equal(t, 404, a.Status)
	assert.Equal(t, body404, a.Raw)
}
