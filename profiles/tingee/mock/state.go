package mock

import (
	"crypto/subtle"
	"time"
)

// store is the mock's in-memory state. Every field is guarded by server.mu.
type store struct {
	links     map[string]*pendingLink     // create-va confirmIds
	deletes   map[string]*pendingOTP      // delete-va confirmIds
	notifys   map[string]*pendingOTP      // register-notify confirmIds (ACB)
	redirects map[string]*pendingRedirect // redirect-bank links and unlinks (VCB, TPB), by id
	vas       map[string]*va              // by vaAccountNumber
	bills     map[string]*bill            // by billId
	txns      []transaction               // oldest first; transactionId is its index + 1
	seq       int                         // creation order of VAs
}

func newStore() *store {
	return &store{
		links:     map[string]*pendingLink{},
		deletes:   map[string]*pendingOTP{},
		notifys:   map[string]*pendingOTP{},
		redirects: map[string]*pendingRedirect{},
		vas:       map[string]*va{},
		bills:     map[string]*bill{},
	}
}

// pendingOTP is an OTP the bank "sent"; it is spent by its first attempt, right or wrong, as live.
type pendingOTP struct {
	otp   string
	bin   string
	vaNum string // the VA it is about (delete-va, register-notify)
	spent bool
}

// attempt spends the OTP and reports whether it was right; nil means accepted.
func (p *pendingOTP) attempt(otp string) *businessCode {
	if p.spent {
		return &errOTPSpent
	}
	p.spent = true
	if subtle.ConstantTimeCompare([]byte(otp), []byte(p.otp)) != 1 {
		return &errOTPWrong
	}
	return nil
}

// pendingLink is a create-va waiting for its OTP.
type pendingLink struct {
	pendingOTP
	bank          bank
	accountType   string
	accountNumber string
	accountName   string
	webhookURL    string
	shopID        any
}

// va is a linked bank account and its Tingee routing number.
type va struct {
	bank          bank
	accountType   string
	accountName   string
	accountNumber string
	number        string // vaAccountNumber, TNG + digits
	status        string
	webhookURL    string
	shopID        any
	otp           string // the fixture account's OTP, sent again for delete-va and register-notify
	created       time.Time
	seq           int
}

// bill is a dynamic QR.
type bill struct {
	id             string
	qrCodeType     string
	va             *va
	amount         int64
	purpose        string
	extraInfo      any
	expireInMinute int64
	expires        time.Time
	deleted        bool
	paid           int64
	payments       int
}

// transaction is one simulated payment into a VA.
type transaction struct {
	ID              int64   `json:"transactionId"`
	BankBin         string  `json:"bankBin"`
	CashFlowSource  string  `json:"cashFlowSource"`
	Code            string  `json:"code"`
	Amount          int64   `json:"amount"`
	Type            string  `json:"type"`
	Content         string  `json:"content"`
	Currency        string  `json:"currency"`
	AccountNumber   string  `json:"accountNumber"`
	VAAccountNumber string  `json:"vaAccountNumber"`
	TransactionDate string  `json:"transactionDate"`
	BillID          *string `json:"billId"`
	at              time.Time
}
