package mock

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// TestBothPathFamiliesAnswerAlike: a client that signs like the official SDKs
// (minified JSON, signature over timestamp:body) gets the same answers from
// /v1/<action> and /v1/bank/<action> (notes, "Levels and sources": the docs
// and live use the first, all four SDKs the second) — the same handlers, the
// same signature rules, the same validation, on two fresh mocks.
func TestBothPathFamiliesAnswerAlike(t *testing.T) {
	contract, err := contract.Load()
	require.NoError(t, err)
	stale := testNow.Add(-11 * 60e9)
	cases := []struct {
		name, op, body string
		at             bool // signed 11 minutes ago
		tamper         bool // a body byte changed after signing
	}{
		{name: "get-banks", op: "getBanks"},
		{name: "get-va-paging", op: "getVaPaging", body: `{"skipCount":0,"maxResultCount":10}`},
		{name: "unknown confirmId", op: "confirmVa", body: `{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`},
		{name: "a required field missing", op: "confirmVa", body: `{"bankBin":"970448"}`},
		{name: "an unknown bank in a VietQR", op: "generateVietQr", body: `{"bankBin":"000000","accountNumber":"0123456789"}`},
		{name: "a stale timestamp", op: "getVaPaging", body: `{"skipCount":0,"maxResultCount":10}`, at: true},
		{name: "a body changed after signing", op: "getVaPaging", body: `{"skipCount":0,"maxResultCount":10}`, tamper: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op, ok := contract.OperationByID(c.op)
			require.True(t, ok)
			require.NotEmpty(t, op.SDKPath, "%s is in the SDKs' bank group", c.op)
			var answers []answer
			for _, path := range []string{op.Path, op.SDKPath} {
				r := req{method: op.Method, path: path, body: c.body}
				if c.at {
					r.at = stale
				}
				if c.tamper {
					r.tamper = func(_ http.Header, body *string) { *body = strings.Replace(*body, "10", "11", 1) }
				}
				answers = append(answers, send(t, newMock(t), r))
			}
			assert.Equal(t, answers[0].Status, answers[1].Status)
			assert.Equal(t, answers[0].Raw, answers[1].Raw, "docs path %s, SDK path %s", op.Path, op.SDKPath)
		})
	}
}
