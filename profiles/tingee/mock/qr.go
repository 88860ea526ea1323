package mock

import (
	"encoding/base64"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/tingee-conformance/harness/profiles/tingee/vietqr"
)

// qrImageSize is the side of qrCodeImage in pixels.
const qrImageSize = 256

// generateVietQr encodes a transfer to any account as a VietQR payload and its PNG.
func (s *server) generateVietQr(c *call) result {
	ref := "TNG" + randomDigits(11)
	payload, err := vietqr.Build(vietqr.Payload{
		BIN: c.bank().Bin, Account: c.str("accountNumber"), Amount: c.int("amount"),
		ReferenceLabel: ref, Content: c.str("content"),
	})
	if err != nil {
		return badRequest(err.Error())
	}
	png, err := qrcode.Encode(payload, qrcode.Medium, qrImageSize)
	if err != nil {
		return badRequest(err.Error())
	}
	return success(vietQr{payload, "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), c.str("accountNumber"), ref})
}

// vietQr is the data of generate-viet-qr, keys in the docs' order.
type vietQr struct {
	QRCode             string `json:"qrCode"`
	QRCodeImage        string `json:"qrCodeImage"`
	QRAccount          string `json:"qrAccount"`
	ReferenceLabelCode string `json:"referenceLabelCode"`
}

// dynamicQr is the data of generate-dynamic-qr.
type dynamicQr struct {
	QRCode    string `json:"qrCode"`
	QRAccount string `json:"qrAccount"`
	BillID    string `json:"billId"`
}

// generateDynamicQr opens a bill on an active VA; its QR carries the billId (tag 62/01, at most 25 characters).
func (s *server) generateDynamicQr(c *call) result {
	v, fault := s.activeVA(c, c.str("vaAccountNumber"))
	if fault != nil {
		return business(*fault)
	}
	b := &bill{
		id: newBillID(), qrCodeType: c.str("qrCodeType"), va: v, amount: c.int("amount"),
		purpose: c.str("purpose"), extraInfo: c.body["extraInfo"], expireInMinute: c.int("expireInMinute"),
	}
	b.expires = c.now.Add(time.Duration(b.expireInMinute) * time.Minute)
	payload, err := vietqr.Build(vietqr.Payload{
		BIN: v.bank.Bin, Account: v.number, Amount: b.amount, BillNumber: b.id, Content: b.purpose,
	})
	if err != nil {
		return badRequest(err.Error())
	}
	s.st.bills[b.id] = b
	return success(dynamicQr{payload, v.number, b.id})
}

// findBill finds a bill by qrAccount and billId; deleted bills are gone.
func (s *server) findBill(c *call) (*bill, bool) {
	b, ok := s.st.bills[c.str("billId")]
	if !ok || b.deleted || b.va.number != c.str("qrAccount") {
		return nil, false
	}
	return b, true
}

// deleteDynamicQr closes a bill.
func (s *server) deleteDynamicQr(c *call) result {
	b, ok := s.findBill(c)
	if !ok {
		return business(errBillNotFound)
	}
	b.deleted = true
	return success(map[string]any{})
}

// billInfo is a bill as get-status-dynamic-qr shows it.
type billInfo struct {
	BillID             string `json:"billId"`
	QRCodeType         string `json:"qrCodeType"`
	BankBin            string `json:"bankBin"`
	AccountNumber      string `json:"accountNumber"`
	VAAccountNumber    string `json:"vaAccountNumber"`
	QRAccount          string `json:"qrAccount"`
	Amount             int64  `json:"amount"`
	Purpose            string `json:"purpose"`
	TotalAmountPaid    int64  `json:"totalAmountPaid"`
	TotalPaymentsCount int    `json:"totalPaymentsCount"`
	ExpireInMinute     int64  `json:"expireInMinute"`
	ExtraInfo          any    `json:"extraInfo"`
	Status             string `json:"status"`
}

// getStatusDynamicQr shows a bill and the payments made to it.
func (s *server) getStatusDynamicQr(c *call) result {
	b, ok := s.findBill(c)
	if !ok {
		return business(errBillNotFound)
	}
	txns := []transaction{}
	for _, t := range s.st.txns {
		if t.BillID != nil && *t.BillID == b.id {
			txns = append(txns, t)
		}
	}
	return success(map[string]any{
		"billInfo": billInfo{
			BillID: b.id, QRCodeType: b.qrCodeType, BankBin: b.va.bank.Bin, AccountNumber: mask(b.va.accountNumber),
			VAAccountNumber: b.va.number, QRAccount: b.va.number, Amount: b.amount, Purpose: b.purpose,
			TotalAmountPaid: b.paid, TotalPaymentsCount: b.payments, ExpireInMinute: b.expireInMinute,
			ExtraInfo: b.extraInfo, Status: b.status(c.now),
		},
		"transactionInfos": txns,
	})
}

// status is active until a one-time bill is paid in full or the bill expires.
func (b *bill) status(now time.Time) string {
	switch {
	case b.qrCodeType == "dynamic-one-time-payment" && b.payments > 0 && b.paid >= b.amount:
		return "paid"
	case now.After(b.expires):
		return "expired"
	}
	return "active"
}
