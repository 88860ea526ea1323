// Package webhook is both ends of Tingee's webhooks: a Dispatcher that
// delivers signed notifications the way Tingee does (used by the mock), and
// a reference Receiver that verifies them the way a partner should.
package webhook

import (
	"bytes"
	"encoding/json"
)

// PaymentNotification is the body Tingee POSTs when money arrives on a VA.
// Fields are declared in the order Tingee sends them, so a marshalled value
// is not in alphabetical key order (a re-serialising verifier notices).
type PaymentNotification struct {
	ClientID        string `json:"clientId"`
	TransactionCode string `json:"transactionCode"` // the idempotency key
	Amount          int64  `json:"amount"`          // VND, an integer
	Content         string `json:"content"`
	Bank            string `json:"bank"`
	BankBin         string `json:"bankBin"`
	AccountNumber   string `json:"accountNumber"`
	VaAccountNumber string `json:"vaAccountNumber"`
	TransactionDate string `json:"transactionDate"` // yyyyMMddHHmmss, UTC+7
	AdditionalData  []any  `json:"additionalData"`  // nil is sent as null; use []any{} for []
}

// Link result statuses of a redirect bank (VCB, TPB).
const (
	LinkConfirmSuccess = "confirm-va-success"
	LinkConfirmFailed  = "confirm-va-failed"
	LinkDeleteSuccess  = "delete-va-success"
)

// linkStatuses are the statuses a LinkResult can carry (notes, section Webhooks).
var linkStatuses = []string{LinkConfirmSuccess, LinkConfirmFailed, LinkDeleteSuccess}

// LinkResult is the body Tingee POSTs when a redirect bank finishes linking or unlinking.
type LinkResult struct {
	RequestID       string `json:"requestId"`
	Status          string `json:"status"`
	VaAccountNumber string `json:"vaAccountNumber"`
	AccountNumber   string `json:"accountNumber"`
	AccountName     string `json:"accountName"`
}

// Ping is the dashboard's connection test. It is sent unsigned.
type Ping struct {
	Event     string `json:"event"` // always "ping"
	Message   string `json:"message"`
	Timestamp int64  `json:"timestamp"` // Unix milliseconds
}

// PingEvent is the event of a Ping.
const PingEvent = "ping"

// Ack is the partner's answer. Only HTTP 200 with Code "00" counts as delivered.
type Ack struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// AckCode is the code of a successful acknowledgement.
const AckCode = "00"

// Marshal encodes v as Tingee does: minified, with non-ASCII, '/', '<', '>'
// and '&' left unescaped, and no trailing newline.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Acknowledged reports whether an answer is a successful acknowledgement:
// HTTP 200 and a JSON body whose code is "00".
func Acknowledged(status int, body []byte) bool {
	if status != 200 {
		return false
	}
	var a Ack
	return json.Unmarshal(body, &a) == nil && a.Code == AckCode
}
