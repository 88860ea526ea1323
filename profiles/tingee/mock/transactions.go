package mock

import (
	"fmt"
	"slices"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// maxWindow is the longest startTime–endTime span transaction/get-paging accepts.
const maxWindow = 10 * 24 * time.Hour

// getTransactionPaging lists the simulated payments, newest first, filtered as asked.
func (s *server) getTransactionPaging(c *call) result {
	from, to, ok := window(c)
	if !ok {
		return business(errTimeWindow)
	}
	vas := c.strings("vaAccountNumbers")
	var found []transaction
	for _, t := range slices.Backward(s.st.txns) {
		if (from.IsZero() || !t.at.Before(from)) && (to.IsZero() || !t.at.After(to)) &&
			(len(vas) == 0 || slices.Contains(vas, t.VAAccountNumber)) &&
			(c.str("bankBin") == "" || c.str("bankBin") == t.BankBin) &&
			(c.str("billId") == "" || (t.BillID != nil && *t.BillID == c.str("billId"))) {
			found = append(found, t)
		}
	}
	items := page(found, c)
	if items == nil {
		items = []transaction{}
	}
	return success(paged{TotalCount: len(found), Items: items})
}

// window reads startTime and endTime (validated yyyyMMddHHmmss); both given, endTime is 0–10 days
// after startTime, bounds included. The returned to is the end of the second endTime names.
func window(c *call) (from, to time.Time, ok bool) {
	if s := c.str("startTime"); s != "" {
		from, _ = time.ParseInLocation(timeLayout, s, signing.Vietnam)
	}
	if s := c.str("endTime"); s != "" {
		to, _ = time.ParseInLocation(timeLayout, s, signing.Vietnam)
	}
	if !from.IsZero() && !to.IsZero() && (to.Before(from) || to.Sub(from) > maxWindow) {
		return from, to, false
	}
	if !to.IsZero() {
		to = to.Add(time.Second - time.Nanosecond) // endTime names a whole second
	}
	return from, to, true
}

// transfer is a simulated payment, the body of POST /_mock/transfers.
type transfer struct {
	VAAccountNumber string `json:"vaAccountNumber"`
	Amount          int64  `json:"amount"`
	Content         string `json:"content"`
	BillID          string `json:"billId,omitempty"`
}

// pay records a transfer into an active VA and returns the transaction and where to notify.
// The caller holds s.mu.
func (s *server) pay(t transfer, now time.Time) (transaction, string, error) {
	v, ok := s.st.vas[t.VAAccountNumber]
	if !ok || v.status != "active" {
		return transaction{}, "", fmt.Errorf("no active VA %q", t.VAAccountNumber)
	}
	if t.Amount <= 0 || t.Amount > maxSafeInteger {
		return transaction{}, "", fmt.Errorf("amount must be a positive integer")
	}
	txn := transaction{
		ID: int64(len(s.st.txns) + 1), BankBin: v.bank.Bin, CashFlowSource: "bank",
		Code: "FT" + randomDigits(12), Amount: t.Amount, Type: "in", Content: t.Content, Currency: "VND",
		AccountNumber: v.accountNumber, VAAccountNumber: v.number,
		TransactionDate: now.In(signing.Vietnam).Format(timeLayout), at: now,
	}
	if t.BillID != "" {
		b, ok := s.st.bills[t.BillID]
		if !ok || b.deleted || b.va != v {
			return transaction{}, "", fmt.Errorf("no open bill %q on VA %q", t.BillID, t.VAAccountNumber)
		}
		b.paid += t.Amount
		b.payments++
		txn.BillID = &b.id
	}
	s.st.txns = append(s.st.txns, txn)
	return txn, s.webhookURL(v.webhookURL), nil
}

// notification is the webhook body Tingee posts for a payment.
func (s *server) notification(t transaction) webhook.PaymentNotification {
	b, _ := bankBy(t.BankBin)
	return webhook.PaymentNotification{
		ClientID: s.cfg.ClientID, TransactionCode: t.Code, Amount: t.Amount, Content: t.Content,
		Bank: b.ShortName, BankBin: t.BankBin, AccountNumber: t.AccountNumber,
		VaAccountNumber: t.VAAccountNumber, TransactionDate: t.TransactionDate, AdditionalData: []any{},
	}
}
