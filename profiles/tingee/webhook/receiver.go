package webhook

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// MaxBody caps what the receiver reads: a notification is well under 1 KiB.
const MaxBody = 64 << 10

// Receiver is the reference webhook receiver, the model a partner can copy.
// For each POST it, in order:
//  1. reads the raw body, capped at MaxBody;
//  2. answers the dashboard's unsigned ping with 200 (a ping changes nothing);
//  3. verifies x-request-timestamp and x-signature over the RAW bytes, before
//     any JSON parsing or re-encoding (see VerifyRaw);
//  4. tells a payment notification (it has a transactionCode) from a
//     redirect bank's link result (it has a status), and checks its fields;
//  5. processes each transactionCode once: a repeat is answered 200 "00"
//     ("already processed") so Tingee stops retrying, and nothing is credited twice;
//  6. acknowledges at once with 200 {"code":"00","message":"Success"}.
//
// Tingee waits 10 s for the acknowledgement: OnPayment must be quick (record
// the payment, queue the slow work) — never call another service before answering.
type Receiver struct {
	Secret []byte
	// Now is the clock the timestamp window is checked against; time.Now when nil.
	Now func() time.Time
	// OnPayment records a payment. It is called once per transactionCode; an
	// error answers 500 and Tingee retries. In production, make the record and
	// the "done" mark one database transaction with a unique key on transactionCode.
	OnPayment func(PaymentNotification) error
	// OnLinkResult records a redirect bank's link result (VCB, TPB); may be nil.
	// Its requestId is the one the partner gave create-va, and may be empty.
	OnLinkResult func(LinkResult) error

	mu   sync.Mutex      // held while a payment is processed: one at a time, so no double credit
	done map[string]bool // transactionCodes already processed
}

// codeBadRequest answers whatever the receiver refuses for another reason than the
// timestamp or the signature. Only AckCode ("00") means "delivered"; a bad timestamp or
// signature gets Tingee's own request codes (contract.CodeBadTimestamp, CodeBadSignature),
// so a log reader recognises them.
const codeBadRequest = "99"

// envelope is just enough of any webhook body to tell its kind.
type envelope struct {
	Event           string `json:"event"`
	TransactionCode string `json:"transactionCode"`
	Status          string `json:"status"`
}

// ServeHTTP answers one delivery, in the order listed on Receiver.
func (r *Receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost {
		writeAck(w, http.StatusMethodNotAllowed, codeBadRequest, "POST only")
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, req.Body, MaxBody))
	if err != nil {
		writeAck(w, http.StatusRequestEntityTooLarge, codeBadRequest, "body too large or unreadable")
		return
	}
	var kind envelope
	jsonErr := json.Unmarshal(raw, &kind)
	if jsonErr == nil && kind.Event == PingEvent {
		writeAck(w, http.StatusOK, AckCode, "Success") // unsigned by design; triggers nothing
		return
	}
	if err := VerifyRaw(req.Header, raw, r.Secret, r.now()); err != nil {
		code := contract.CodeBadSignature
		if signing.IsTimestampError(err) {
			code = contract.CodeBadTimestamp
		}
		writeAck(w, http.StatusUnauthorized, code, err.Error())
		return
	}
	switch {
	case jsonErr != nil:
		writeAck(w, http.StatusBadRequest, codeBadRequest, "body is not a JSON object")
	case kind.TransactionCode != "":
		r.payment(w, raw)
	case kind.Status != "":
		r.linkResult(w, raw)
	default:
		writeAck(w, http.StatusBadRequest, codeBadRequest, "neither a payment notification nor a link result")
	}
}

// payment processes a verified payment notification once per transactionCode.
func (r *Receiver) payment(w http.ResponseWriter, raw []byte) {
	var n PaymentNotification
	if err := json.Unmarshal(raw, &n); err != nil {
		writeAck(w, http.StatusBadRequest, codeBadRequest, "payment notification: "+err.Error())
		return
	}
	if missing := missingFields(n); missing != "" {
		writeAck(w, http.StatusBadRequest, codeBadRequest, "payment notification lacks"+missing)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done[n.TransactionCode] {
		writeAck(w, http.StatusOK, AckCode, "Already processed")
		return
	}
	if r.OnPayment != nil {
		if err := r.OnPayment(n); err != nil {
			writeAck(w, http.StatusInternalServerError, codeBadRequest, "not recorded, retry later")
			return
		}
	}
	if r.done == nil {
		r.done = map[string]bool{}
	}
	r.done[n.TransactionCode] = true
	writeAck(w, http.StatusOK, AckCode, "Success")
}

// linkResult passes a verified link result on; repeats are harmless (a status, not money).
func (r *Receiver) linkResult(w http.ResponseWriter, raw []byte) {
	var l LinkResult
	if err := json.Unmarshal(raw, &l); err != nil {
		writeAck(w, http.StatusBadRequest, codeBadRequest, "link result: "+err.Error())
		return
	}
	if !slices.Contains(linkStatuses, l.Status) {
		writeAck(w, http.StatusBadRequest, codeBadRequest, "link result: unknown status "+strconv.Quote(l.Status))
		return
	}
	if r.OnLinkResult != nil {
		if err := r.OnLinkResult(l); err != nil {
			writeAck(w, http.StatusInternalServerError, codeBadRequest, "not recorded, retry later")
			return
		}
	}
	writeAck(w, http.StatusOK, AckCode, "Success")
}

// missingFields names the required fields (per the SDK verifiers) that n lacks.
func missingFields(n PaymentNotification) string {
	var missing string
	for _, f := range []struct {
		name  string
		empty bool
	}{
		{"clientId", n.ClientID == ""}, {"amount", n.Amount == 0}, {"bank", n.Bank == ""},
		{"accountNumber", n.AccountNumber == ""}, {"transactionDate", n.TransactionDate == ""},
	} {
		if f.empty {
			missing += " " + f.name
		}
	}
	return missing
}

func (r *Receiver) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// writeAck writes the JSON answer Tingee reads: {"code":…,"message":…}.
func writeAck(w http.ResponseWriter, status int, code, message string) {
	body, _ := Marshal(Ack{Code: code, Message: message}) // two strings always marshal
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}
