package mock

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tingee-conformance/harness/profiles/tingee/vietqr"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

func TestGenerateVietQr(t *testing.T) {
	a := send(t, newMock(t), req{path: "/v1/generate-viet-qr", body: `{"bankName":"OCB","accountNumber":"0123456789","amount":150000,"content":"Thanh toan don 42"}`})
	require.Equal(t, "00", a.code(), a.Raw)
	d := a.data()
	p, err := vietqr.Parse(d["qrCode"].(string))
	require.NoError(t, err)
	assert.Equal(t, vietqr.Payload{BIN: "970448", Account: "0123456789", Amount: 150000,
		ReferenceLabel: d["referenceLabelCode"].(string), Content: "Thanh toan don 42"}, p)
	assert.Equal(t, "0123456789", d["qrAccount"])

	img, ok := strings.CutPrefix(d["qrCodeImage"].(string), "data:image/png;base64,")
	require.True(t, ok)
	raw, err := base64.StdEncoding.DecodeString(img)
	require.NoError(t, err)
	_, err = png.Decode(bytes.NewReader(raw))
	assert.NoError(t, err, "qrCodeImage is a PNG")
}

// TestGenerateVietQrWithVietnameseContent: 50 Vietnamese characters are valid content; the QR carries them
// folded to ASCII and cut to EMVCo's 25 characters, and the answer is a success, not a 400.
func TestGenerateVietQrWithVietnameseContent(t *testing.T) {
	content := "Thanh toán đơn hàng số 12/2025 của Nguyễn Văn Ánh"
	a := send(t, newMock(t), req{path: "/v1/generate-viet-qr", body: mustJSON(t, map[string]any{
		"bankName": "OCB", "accountNumber": "0123456789", "amount": 150000, "content": content,
	})})
	require.Equal(t, "00", a.code(), a.Raw)
	p, err := vietqr.Parse(a.data()["qrCode"].(string))
	require.NoError(t, err)
	assert.Equal(t, "Thanh toan don hang so 12", p.Content)
}

// TestAmountInAnyIntegerForm: 1.5e5 is the integer 150000 to validation (and to JavaScript), so the
// QR carries it too.
func TestAmountInAnyIntegerForm(t *testing.T) {
	for _, amount := range []string{"150000", "1.5e5", "150000.0"} {
		a := send(t, newMock(t), req{path: "/v1/generate-viet-qr", body: `{"bankName":"OCB","accountNumber":"0123456789","amount":` + amount + `}`})
		require.Equal(t, "00", a.code(), a.Raw)
		p, err := vietqr.Parse(a.data()["qrCode"].(string))
		require.NoError(t, err)
		assert.EqualValues(t, 150000, p.Amount, amount)
	}
}

func TestDynamicQrPaidByATransfer(t *testing.T) {
	n := &recordingNotifier{}
	h := newMock(t, func(c *Config) { c.Webhooks = n; c.WebhookURL = "https://fallback.example/hook" })
	va := linkVA(t, h, "970448", "0123456789", "123456")

	a := send(t, h, req{path: "/v1/generate-dynamic-qr", body: mustJSON(t, map[string]any{
		"vaAccountNumber": va, "qrCodeType": "dynamic-one-time-payment", "bankBin": "970448",
		"amount": 50000, "expireInMinute": 15, "purpose": "Don hang 1", "extraInfo": map[string]any{"order": 1},
	})})
	require.Equal(t, "00", a.code(), a.Raw)
	billID := a.data()["billId"].(string)
	assert.Regexp(t, `^BILL[0-9]{21}$`, billID, "EMVCo's bill number (62/01) holds at most 25 characters")
	assert.Equal(t, va, a.data()["qrAccount"])
	p, err := vietqr.Parse(a.data()["qrCode"].(string))
	require.NoError(t, err)
	assert.Equal(t, vietqr.Payload{BIN: "970448", Account: va, Amount: 50000, BillNumber: billID, Content: "Don hang 1"}, p)

	status := func() map[string]any {
		a := send(t, h, req{path: "/v1/get-status-dynamic-qr", body: mustJSON(t, map[string]string{"qrAccount": va, "billId": billID})})
		require.Equal(t, "00", a.code(), a.Raw)
		return a.data()
	}
	assert.Equal(t, "active", status()["billInfo"].(map[string]any)["status"])

	tr := send(t, h, req{path: "/_mock/transfers", body: fmt.Sprintf(`{"vaAccountNumber":%q,"amount":50000,"content":"pay","billId":%q}`, va, billID)})
	require.Equal(t, 200, tr.Status, tr.Raw)
	assert.Equal(t, "https://fallback.example/hook", tr.JSON["webhookUrl"], "the VA named no webhookUrl")

	st := status()
	info := st["billInfo"].(map[string]any)
	assert.Equal(t, "paid", info["status"])
	assert.EqualValues(t, 50000, info["totalAmountPaid"])
	assert.EqualValues(t, 1, info["totalPaymentsCount"])
	assert.Len(t, st["transactionInfos"], 1)

	list := send(t, h, req{path: "/v1/transaction/get-paging", body: mustJSON(t, map[string]any{
		"skipCount": 0, "maxResultCount": 10, "vaAccountNumbers": []string{va},
		"startTime": "20261123000000", "endTime": "20261123235959",
	})})
	require.Equal(t, "00", list.code(), list.Raw)
	assert.EqualValues(t, 1, list.data()["totalCount"])
	txn := list.data()["items"].([]any)[0].(map[string]any)
	assert.Equal(t, billID, txn["billId"])
	assert.Equal(t, "20261123130000", txn["transactionDate"])

	require.Len(t, n.sent, 1)
	note := n.sent[0].Payload.(webhook.PaymentNotification)
	assert.Equal(t, webhook.PaymentNotification{ClientID: "conformance-test-client", TransactionCode: txn["code"].(string),
		Amount: 50000, Content: "pay", Bank: "OCB", BankBin: "970448", AccountNumber: "0123456789",
		VaAccountNumber: va, TransactionDate: "20261123130000", AdditionalData: []any{}}, note)

	d := send(t, h, req{method: "GET", path: "/_mock/deliveries"})
	assert.Contains(t, d.Raw, `"url":"https://fallback.example/hook"`)

	a = send(t, h, req{path: "/v1/delete-dynamic-qr", body: mustJSON(t, map[string]string{"qrAccount": va, "billId": billID})})
	assert.Equal(t, "00", a.code(), a.Raw)
	a = send(t, h, req{path: "/v1/get-status-dynamic-qr", body: mustJSON(t, map[string]string{"qrAccount": va, "billId": billID})})
	assert.Equal(t, errBillNotFound.code, a.code())
}

func TestTransferToTheVAsOwnWebhook(t *testing.T) {
	n := &recordingNotifier{}
	h := newMock(t, func(c *Config) { c.Webhooks = n; c.WebhookURL = "https://fallback.example/hook" })
	a := send(t, h, req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789","webhookUrl":"https://partner.example/hook"}`})
	a = send(t, h, req{path: "/v1/confirm-va", body: mustJSON(t, map[string]any{"bankBin": "970448", "confirmId": a.data()["confirmId"], "otpNumber": "123456"})})
	va := a.data()["vaAccountNumber"].(string)
	send(t, h, req{path: "/_mock/transfers", body: fmt.Sprintf(`{"vaAccountNumber":%q,"amount":1,"content":"x"}`, va)})
	require.Len(t, n.sent, 1)
	assert.Equal(t, "https://partner.example/hook", n.sent[0].URL)
}

func TestTransferFaults(t *testing.T) {
	h := newMock(t)
	for _, body := range []string{
		`{"vaAccountNumber":"TNG1","amount":1}`, // no such VA
		`{"vaAccountNumber":"TNG1","amount":"1"}`,
		`{"vaAccountNumber":"TNG1","amount":1,"extra":1}`,
		`not json`,
	} {
		a := send(t, h, req{path: "/_mock/transfers", body: body})
		assert.Equal(t, 400, a.Status, body)
		assert.Contains(t, a.Raw, "transfer: ", body)
	}
	d := send(t, h, req{method: "GET", path: "/_mock/deliveries"})
	assert.Equal(t, "[]", d.Raw, "no notifier: no deliveries")
}
