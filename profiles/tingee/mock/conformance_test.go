package mock

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// scenario says how to drive one operation to a success, a business failure and a 400.
// setup runs on a fresh mock and returns the success and business-failure requests.
type scenario struct {
	setup   func(t *testing.T, h http.Handler) (ok, business req)
	invalid req
}

func post(path string, body string) req { return req{path: path, body: body} }

// scenarios covers every operation of openapi.yaml (TestRoutesMatchTheSpec keeps them in step).
var scenarios = map[string]scenario{
	"createVa": {
		setup: func(*testing.T, http.Handler) (req, req) {
			return post("/v1/create-va", `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789","accountName":"NGUYEN VAN A","identity":"001090000001","mobile":"0912345678","isNotifyAccountNumber":true,"webhookUrl":"https://partner.example/hook"}`),
				post("/v1/create-va", `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0000"}`)
		},
		invalid: post("/v1/create-va", `{"bankBin":"970448","accountNumber":"1"}`),
	},
	"confirmVa": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			a := send(t, h, post("/v1/create-va", `{"accountType":"personal-account","bankName":"OCB","accountNumber":"0123456789"}`))
			return post("/v1/confirm-va", mustJSON(t, map[string]any{"bankName": "OCB", "confirmId": a.data()["confirmId"], "otpNumber": "123456"})),
				post("/v1/confirm-va", confirmBody)
		},
		invalid: post("/v1/confirm-va", `{"bankName":"OCB","otpNumber":"1"}`),
	},
	"registerNotify": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970416", "0444555666", "444555")
			return post("/v1/register-notify", mustJSON(t, map[string]any{"vaAccountNumber": va, "bankBin": "970416"})),
				post("/v1/register-notify", `{"vaAccountNumber":"TNG00000000000"}`)
		},
		invalid: post("/v1/register-notify", `{}`),
	},
	"confirmRegisterNotify": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970416", "0444555666", "444555")
			a := send(t, h, post("/v1/register-notify", mustJSON(t, map[string]any{"vaAccountNumber": va})))
			return post("/v1/confirm-register-notify", mustJSON(t, map[string]any{"bankBin": "970416", "confirmId": a.data()["confirmId"], "otpNumber": "444555"})),
				post("/v1/confirm-register-notify", `{"bankBin":"970416","confirmId":"nope","otpNumber":"1"}`)
		},
		invalid: post("/v1/confirm-register-notify", `{"confirmId":"x"}`),
	},
	"deleteVa": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970448", "0123456789", "123456")
			return post("/v1/delete-va?bankBin=970448&vaAccountNumber="+va, "{}"),
				post("/v1/delete-va?vaAccountNumber=TNG00000000000", "{}")
		},
		invalid: post("/v1/delete-va", "{}"),
	},
	"confirmDeleteVa": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970448", "0123456789", "123456")
			a := send(t, h, post("/v1/delete-va?vaAccountNumber="+va, "{}"))
			return post("/v1/confirm-delete-va", mustJSON(t, map[string]any{"bankBin": "970448", "confirmId": a.data()["confirmId"], "otpNumber": "123456"})),
				post("/v1/confirm-delete-va", `{"bankBin":"970448","confirmId":"nope","otpNumber":"1"}`)
		},
		invalid: post("/v1/confirm-delete-va", `{"bankBin":"970448"}`),
	},
	"getVaPaging": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			linkVA(t, h, "970448", "0123456789", "123456")
			return post("/v1/get-va-paging", `{"skipCount":0,"maxResultCount":10}`), req{}
		},
		invalid: post("/v1/get-va-paging", `{"skipCount":-1,"maxResultCount":10}`),
	},
	"getBanks": {
		setup: func(*testing.T, http.Handler) (req, req) {
			return req{method: http.MethodGet, path: "/v1/get-banks"}, req{}
		},
		invalid: req{method: http.MethodGet, path: "/v1/get-banks", body: `{"x":1}`},
	},
	"generateVietQr": {
		setup: func(*testing.T, http.Handler) (req, req) {
			return post("/v1/generate-viet-qr", `{"bankName":"MBB","accountNumber":"0222333444","amount":10000,"content":"Don hang 1"}`), req{}
		},
		invalid: post("/v1/generate-viet-qr", `{"bankName":"VCB","accountNumber":"1"}`),
	},
	"generateDynamicQr": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970448", "0123456789", "123456")
			body := map[string]any{"vaAccountNumber": va, "qrCodeType": "dynamic-recurring-payment", "bankBin": "970448", "amount": 10000, "expireInMinute": 15, "purpose": "Don hang 1"}
			ok := post("/v1/generate-dynamic-qr", mustJSON(t, body))
			body["vaAccountNumber"] = "TNG00000000000"
			return ok, post("/v1/generate-dynamic-qr", mustJSON(t, body))
		},
		invalid: post("/v1/generate-dynamic-qr", `{"qrCodeType":"weekly"}`),
	},
	"deleteDynamicQr": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va, bill := openBill(t, h)
			return post("/v1/delete-dynamic-qr", mustJSON(t, map[string]any{"qrAccount": va, "billId": bill})),
				post("/v1/delete-dynamic-qr", mustJSON(t, map[string]any{"qrAccount": va, "billId": "nope"}))
		},
		invalid: post("/v1/delete-dynamic-qr", `{"qrAccount":"x"}`),
	},
	"getStatusDynamicQr": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va, bill := openBill(t, h)
			send(t, h, post("/_mock/transfers", mustJSON(t, map[string]any{"vaAccountNumber": va, "amount": 10000, "content": "x", "billId": bill})))
			return post("/v1/get-status-dynamic-qr", mustJSON(t, map[string]any{"qrAccount": va, "billId": bill})),
				post("/v1/get-status-dynamic-qr", mustJSON(t, map[string]any{"qrAccount": va, "billId": "nope"}))
		},
		invalid: post("/v1/get-status-dynamic-qr", `{"billId":5}`),
	},
	"getTransactionPaging": {
		setup: func(t *testing.T, h http.Handler) (req, req) {
			va := linkVA(t, h, "970448", "0123456789", "123456")
			send(t, h, post("/_mock/transfers", mustJSON(t, map[string]any{"vaAccountNumber": va, "amount": 10000, "content": "x"})))
			return post("/v1/transaction/get-paging", `{"skipCount":0,"maxResultCount":10,"startTime":"20261120000000","endTime":"20261123235959"}`),
				post("/v1/transaction/get-paging", `{"skipCount":0,"maxResultCount":10,"startTime":"20261001000000","endTime":"20261123235959"}`)
		},
		invalid: post("/v1/transaction/get-paging", `{"skipCount":0,"maxResultCount":10,"startTime":"yesterday"}`),
	},
}

func openBill(t *testing.T, h http.Handler) (va, billID string) {
	va = linkVA(t, h, "970448", "0123456789", "123456")
	a := send(t, h, post("/v1/generate-dynamic-qr", mustJSON(t, map[string]any{
		"vaAccountNumber": va, "qrCodeType": "dynamic-one-time-payment", "bankBin": "970448", "amount": 10000, "expireInMinute": 15,
	})))
	require.Equal(t, "00", a.code(), a.Raw)
	return va, a.data()["billId"].(string)
}

// row is one row of "How our mock answers": how to make the request from an
// operation's success and business-failure requests, and the answer it gets.
type row struct {
	name   string
	make   func(t *testing.T, op *operation, sc scenario, ok, business req) (req, bool) // false: not applicable
	status int
	code   string // prefix of the envelope code, for 200 answers
}

func edited(edit func(r *req)) func(*testing.T, *operation, scenario, req, req) (req, bool) {
	return func(_ *testing.T, _ *operation, _ scenario, ok, _ req) (req, bool) { edit(&ok); return ok, true }
}

var table = []row{
	{"404 wrong method", edited(func(r *req) {
		r.method = map[bool]string{true: http.MethodPost, false: http.MethodGet}[r.method == http.MethodGet]
	}), 404, ""},
	{"401 missing signature", edited(func(r *req) { r.tamper = dropHeader(signing.HeaderSignature) }), 401, ""},
	{"401 unknown client", edited(func(r *req) { r.clientID = "not-a-client" }), 401, ""},
	{"90 stale timestamp", edited(func(r *req) { r.at = testNow.Add(-11 * time.Minute) }), 200, "90"},
	{"90 future timestamp", edited(func(r *req) { r.at = testNow.Add(11 * time.Minute) }), 200, "90"},
	{"97 bad signature", edited(func(r *req) {
		r.tamper = func(h http.Header, _ *string) { h.Set(signing.HeaderSignature, strings.Repeat("ab", 64)) }
	}), 200, "97"},
	{"400 validation", func(_ *testing.T, _ *operation, sc scenario, _, _ req) (req, bool) { return sc.invalid, true }, 400, ""},
	{"403 merchantId", func(t *testing.T, op *operation, _ scenario, ok, _ req) (req, bool) {
		if !takesMerchantID(op) {
			return req{}, false
		}
		return withMerchantID(t, op, ok), true
	}, 403, ""},
	{"business failure", func(_ *testing.T, _ *operation, _ scenario, _, business req) (req, bool) {
		return business, business.path != ""
	}, 200, "1"},
	{"success", func(_ *testing.T, _ *operation, _ scenario, ok, _ req) (req, bool) { return ok, true }, 200, contract.CodeSuccess},
}

// notApplicable are the rows an operation cannot be driven through, and why.
var notApplicable = map[string]string{
	"getBanks/403 merchantId":         "get-banks takes no parameters",
	"generateVietQr/403 merchantId":   "generate-viet-qr takes no merchantId",
	"getBanks/business failure":       "get-banks cannot fail for business reasons",
	"getVaPaging/business failure":    "an empty page is a success",
	"generateVietQr/business failure": "any account may be encoded",
}

func takesMerchantID(op *operation) bool {
	for _, rs := range []*rules{&op.body, op.query} {
		if rs == nil {
			continue
		}
		for _, f := range rs.fields {
			if f.name == "merchantId" {
				return true
			}
		}
	}
	return false
}

// withMerchantID adds a merchantId where the operation takes it (the query for delete-va).
func withMerchantID(t *testing.T, op *operation, r req) req {
	if op.query != nil {
		r.path += "&merchantId=1001"
		return r
	}
	var body map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.body), &body))
	body["merchantId"] = 1001
	r.body = mustJSON(t, body)
	return r
}

// TestEveryOperationEveryRowValidates drives every operation through every row of the
// table "How our mock answers" and validates each answer against openapi.yaml.
// Each row runs on a fresh mock set up by the operation's scenario.
func TestEveryOperationEveryRowValidates(t *testing.T) {
	sp, err := contract.Load()
	require.NoError(t, err)
	for i := range operations {
		op := &operations[i]
		sc, ok := scenarios[op.id]
		require.True(t, ok, "no scenario for %s", op.id)
		for _, rw := range table {
			t.Run(op.id+"/"+rw.name, func(t *testing.T) {
				h := newMock(t)
				okReq, business := sc.setup(t, h)
				r, applies := rw.make(t, op, sc, okReq, business)
				if !applies {
					assert.Contains(t, notApplicable, op.id+"/"+rw.name, "a row left out must say why")
					return
				}
				a, hdr := sendRecorded(t, h, r)
				assert.Equal(t, rw.status, a.Status, a.Raw)
				if rw.code != "" && a.JSON != nil { // get-banks succeeds with a bare array
					assert.True(t, strings.HasPrefix(fmt.Sprint(a.code()), rw.code), "code %v, want %s…: %s", a.code(), rw.code, a.Raw)
				}
				assertValid(t, sp, r, a, hdr)
			})
		}
	}
	for _, status := range []int{500, 501} {
		t.Run(fmt.Sprintf("fixtures trigger %d", status), func(t *testing.T) {
			f, err := defaultFixtures()
			require.NoError(t, err)
			trig := f.Triggers[status]
			op := findOp(trig.Operation)
			require.NotNil(t, op, trig.Operation)
			r := post(op.path, mustJSON(t, trig.Body))
			a, hdr := sendRecorded(t, newMock(t), r)
			assert.Equal(t, status, a.Status, a.Raw)
			assertValid(t, sp, r, a, hdr)
		})
	}
}

func findOp(id string) *operation {
	for i := range operations {
		if operations[i].id == id {
			return &operations[i]
		}
	}
	return nil
}

// sendRecorded is send that also returns the answer's headers.
func sendRecorded(t *testing.T, h http.Handler, r req) (answer, http.Header) {
	rec := &headerTap{Handler: h}
	a := send(t, rec, r)
	return a, rec.header
}

type headerTap struct {
	http.Handler
	header http.Header
}

func (tap *headerTap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	tap.Handler.ServeHTTP(rec, r)
	tap.header = rec.Header()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// assertValid validates an answer with the spec package, as the self-check does.
func assertValid(t *testing.T, sp *spec.Spec, r req, a answer, h http.Header) {
	method := r.method
	if method == "" {
		method = http.MethodPost
	}
	assert.Empty(t, validateAnswer(sp, method, r.path, a.Status, h, []byte(a.Raw)), "answer %d %s", a.Status, a.Raw)
}
