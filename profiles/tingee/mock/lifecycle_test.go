package mock

import (
	"fmt"
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var uuidForm = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestLinkBothConfirmForms(t *testing.T) {
	for _, form := range []map[string]any{
		{"bankName": "OCB", "otpNumber": "123456"},   // 6.2.2 page
		{"bankBin": "970448", "otpNumber": "123456"}, // newer docs
	} {
		h := newMock(t)
		a := send(t, h, req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankName":"OCB","accountNumber":"0123456789","accountName":"NGUYEN VAN A","mobile":"0912345678","webhookUrl":"https://partner.example/hook"}`})
		require.Equal(t, "00", a.code(), a.Raw)
		confirmID := a.data()["confirmId"].(string)
		assert.Regexp(t, uuidForm, confirmID)
		assert.Equal(t, otpMethod, a.data()["otpMethod"])

		form["confirmId"] = confirmID
		a = send(t, h, req{path: "/v1/confirm-va", body: mustJSON(t, form)})
		require.Equal(t, "00", a.code(), a.Raw)
		assert.Equal(t, "personal-account", a.data()["accountType"])
		assert.Equal(t, "OCB", a.data()["bankName"])
		assert.Equal(t, "0123456789", a.data()["accountNumber"])
		assert.Regexp(t, `^TNG[0-9]{11}$`, a.data()["vaAccountNumber"])
	}
}

func TestOTPIsSpentByItsFirstAttempt(t *testing.T) {
	h := newMock(t)
	create := func() string {
		a := send(t, h, req{path: "/v1/create-va", body: `{"accountType":"business-account","bankBin":"970422","accountNumber":"0222333444"}`})
		require.Equal(t, "00", a.code(), a.Raw)
		return a.data()["confirmId"].(string)
	}
	confirm := func(id, otp string) answer {
		return send(t, h, req{path: "/v1/confirm-va", body: mustJSON(t, map[string]string{"bankName": "MBB", "confirmId": id, "otpNumber": otp})})
	}
	wrongFirst := create()
	assert.Equal(t, errOTPWrong.code, confirm(wrongFirst, "000000").code())
	assert.Equal(t, errOTPSpent.code, confirm(wrongFirst, "222333").code(), "the right OTP after a wrong one is spent")

	rightFirst := create()
	assert.Equal(t, "00", confirm(rightFirst, "222333").code())
	assert.Equal(t, errOTPSpent.code, confirm(rightFirst, "222333").code(), "an OTP works once")

	mismatch := send(t, h, req{path: "/v1/confirm-va", body: mustJSON(t, map[string]string{"bankName": "OCB", "confirmId": create(), "otpNumber": "222333"})})
	assert.Equal(t, errBankMismatch.code, mismatch.code(), "an MBB link confirmed as OCB")
}

func TestBusinessFailures(t *testing.T) {
	h := newMock(t)
	for name, tc := range map[string]struct {
		r    req
		code businessCode
	}{
		"account not in fixtures": {req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankBin":"970448","accountNumber":"1111"}`}, errAccountNotLinked},
		"unknown confirmId":       {req{path: "/v1/confirm-va", body: confirmBody}, errConfirmIDNotFound},
		"unknown VA to delete":    {req{path: "/v1/delete-va?vaAccountNumber=TNG00000000000", body: "{}"}, errVANotFound},
		"unknown delete confirm":  {req{path: "/v1/confirm-delete-va", body: `{"bankBin":"970448","confirmId":"x","otpNumber":"1"}`}, errConfirmIDNotFound},
		"unknown VA to notify":    {req{path: "/v1/register-notify", body: `{"vaAccountNumber":"TNG1"}`}, errVANotFound},
		"unknown bill":            {req{path: "/v1/get-status-dynamic-qr", body: `{"qrAccount":"TNG1","billId":"b"}`}, errBillNotFound},
		"window over 10 days":     {req{path: "/v1/transaction/get-paging", body: `{"skipCount":0,"maxResultCount":5,"startTime":"20261101000000","endTime":"20261112000000"}`}, errTimeWindow},
	} {
		t.Run(name, func(t *testing.T) {
			a := send(t, h, tc.r)
			assert.Equal(t, 200, a.Status)
			assert.Equal(t, tc.code.code, a.code(), a.Raw)
			assert.Nil(t, a.JSON["data"])
		})
	}
}

// TestTransactionWindowOfTenDays: endTime may be up to 10 days after startTime, that bound included
// (openapi.yaml: "at most 10 days after startTime"); one second more is refused.
func TestTransactionWindowOfTenDays(t *testing.T) {
	h := newMock(t)
	window := func(end string) answer {
		return send(t, h, req{path: "/v1/transaction/get-paging", body: `{"skipCount":0,"maxResultCount":5,"startTime":"20261101000000","endTime":"` + end + `"}`})
	}
	a := window("20261111000000")
	assert.Equal(t, "00", a.code(), "exactly 10 days: %s", a.Raw)
	a = window("20261111000001")
	assert.Equal(t, errTimeWindow.code, a.code(), "10 days and a second: %s", a.Raw)
}

func TestDeleteVa(t *testing.T) {
	h := newMock(t)
	va := linkVA(t, h, "970418", "0333444555", "333444")
	a := send(t, h, req{path: "/v1/delete-va?bankBin=970418&vaAccountNumber=" + va, body: "{}"})
	require.Equal(t, "00", a.code(), a.Raw)
	confirmID := a.data()["confirmId"].(string)
	a = send(t, h, req{path: "/v1/confirm-delete-va", body: mustJSON(t, map[string]string{"bankBin": "970418", "confirmId": confirmID, "otpNumber": "333444"})})
	require.Equal(t, "00", a.code(), a.Raw)
	assert.Equal(t, map[string]any{}, a.data())
	a = send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10}`})
	assert.EqualValues(t, 0, a.data()["totalCount"])
	a = send(t, h, req{path: "/v1/delete-va?vaAccountNumber=" + va}) // no body: signs {}
	assert.Equal(t, errVANotFound.code, a.code(), a.Raw)
}

func TestRegisterNotifyACB(t *testing.T) {
	h := newMock(t)
	acb := linkVA(t, h, "970416", "0444555666", "444555")
	a := send(t, h, req{path: "/v1/register-notify", body: mustJSON(t, map[string]string{"vaAccountNumber": acb, "bankBin": "970416"})})
	require.Equal(t, "00", a.code(), a.Raw)
	confirmID := a.data()["confirmId"].(string)
	assert.Contains(t, a.data()["authorizeLink"], confirmID)
	a = send(t, h, req{path: "/v1/confirm-register-notify", body: mustJSON(t, map[string]string{"bankBin": "970416", "confirmId": confirmID, "otpNumber": "444555"})})
	assert.Equal(t, "00", a.code(), a.Raw)

	ocb := linkVA(t, h, "970448", "0123456789", "123456")
	a = send(t, h, req{path: "/v1/register-notify", body: mustJSON(t, map[string]string{"vaAccountNumber": ocb})})
	assert.Equal(t, errNotACB.code, a.code())
}

func TestGetVaPagingMasksAndPages(t *testing.T) {
	h := newMock(t)
	first := linkVA(t, h, "970448", "0123456789", "123456")
	second := linkVA(t, h, "970432", "0555666777", "555666")
	a := send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":1}`})
	require.Equal(t, "00", a.code(), a.Raw)
	assert.EqualValues(t, 2, a.data()["totalCount"])
	items := a.data()["items"].([]any)
	require.Len(t, items, 1)
	item := items[0].(map[string]any)
	assert.Equal(t, first, item["vaAccountNumber"])
	assert.Equal(t, "******6789", item["accountNumber"])
	assert.Equal(t, "active", item["status"])
	assert.Equal(t, "2026-11-23T13:00:00+07:00", item["creationTime"])

	a = send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10,"bankBin":"970432"}`})
	items = a.data()["items"].([]any)
	require.Len(t, items, 1)
	assert.Equal(t, second, items[0].(map[string]any)["vaAccountNumber"])
}

func TestGetBanksIsABareArray(t *testing.T) {
	a := send(t, newMock(t), req{method: "GET", path: "/v1/get-banks"})
	require.Equal(t, 200, a.Status)
	assert.Nil(t, a.JSON, "not the envelope")
	assert.Contains(t, a.Raw, `{"code":"OCB","name":"Ngân hàng TMCP Phương Đông","shortName":"OCB","bin":"970448","urlLogo":`)
	assert.Contains(t, a.Raw, `"termsAndConditions":{"url":`)
}

// TestParallelClients links (by OTP and by redirect), lists and pays from many goroutines; run with -race.
func TestParallelClients(t *testing.T) {
	h := newMock(t, func(c *Config) { c.Webhooks = &lockedNotifier{}; c.WebhookURL = "https://partner.example/hook" })
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			_, id := startRedirectLink(t, h, vcbLink)
			send(t, h, req{path: "/_mock/redirects/" + id})
			va := linkVA(t, h, "970448", "0123456789", "123456")
			send(t, h, req{path: "/_mock/transfers", body: fmt.Sprintf(`{"vaAccountNumber":%q,"amount":%d,"content":"p"}`, va, 1000+i)})
			send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":100}`})
			send(t, h, req{path: "/v1/transaction/get-paging", body: `{"skipCount":0,"maxResultCount":100}`})
		})
	}
	wg.Wait()
	a := send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":100}`})
	assert.EqualValues(t, 16, a.data()["totalCount"])
	a = send(t, h, req{path: "/v1/transaction/get-paging", body: `{"skipCount":0,"maxResultCount":100}`})
	assert.EqualValues(t, 8, a.data()["totalCount"])
}
