// Package certify grades a partner's own client code: it serves the strict
// mock (profiles/tingee/mock) behind an observer that grades every request the
// client sends — headers, timestamp, the signature over the exact bytes sent
// with the cause of a wrong one (profiles/tingee/signing/diagnose), the body against
// openapi.yaml — answers chosen requests with documented failures (fault
// drills) and grades the client's next moves, follows its lifecycles, and
// turns it all into an evidence.Run for the report bundle
// (conformance certify-client). Both path families are served: the
// contract's /v1/<action> and the official SDKs' /v1/bank/<action>.
package certify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/spec"
)

// DefaultSlow is how late a slow drill answers: past the 30 s most HTTP clients wait by default.
const DefaultSlow = 35 * time.Second

// maxBody is the largest request body read, as the mock's own limit.
const maxBody = 1 << 20

// Config is what an Observer is built from.
type Config struct {
	ClientID   string
	Secret     []byte
	Fixtures   *fixtures.File   // the mock's embedded fixtures when nil
	Plan       Plan             // fault drills; none when empty
	Slow       time.Duration    // how late a slow drill answers; DefaultSlow when 0
	WebhookURL string           // where payment webhooks go when create-va named none
	Webhooks   mock.Notifier    // delivers them; none when nil
	Now        func() time.Time // time.Now when nil
	Progress   io.Writer        // one verdict line per request; none when nil
}

// Observer is the mock with a grader in front. It is an http.Handler.
type Observer struct {
	cfg      Config
	mock     http.Handler
	contract *spec.Spec

	mu       sync.Mutex
	records  []*record
	counts   map[string]int   // requests so far, by operation
	loops    map[string]*loop // a 97 drill still answering repeats, by operation
	payments []payment
}

// record is one request, its grades and the answer it got.
type record struct {
	n int
	sent
	outcomes   []outcome
	fault      *Fault // the drill that answered it, if any
	repeat     bool   // answered 97 again as a repeat of a 97 drill
	status     int
	respBody   []byte
	answeredAt time.Time
	gaveUpAt   time.Time // a slow answer the client stopped waiting for: when it hung up
}

// loop follows the repeats of a request a 97 drill answered.
type loop struct {
	key   string
	fault Fault
	left  int
}

// payment is a transfer into a VA or a bill, through /_mock/transfers or the pay schedule.
type payment struct {
	billID, va string
	at         time.Time
}

// New builds an Observer and the mock it fronts.
func New(cfg Config) (*Observer, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Slow == 0 {
		cfg.Slow = DefaultSlow
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	contract, err := contract.Load()
	if err != nil {
		return nil, fmt.Errorf("certify: %w", err)
	}
	h, err := mock.New(mock.Config{
		ClientID: cfg.ClientID, Secret: cfg.Secret, Fixtures: cfg.Fixtures, Now: cfg.Now, Control: true,
		WebhookURL: cfg.WebhookURL, Webhooks: cfg.Webhooks,
	})
	if err != nil {
		return nil, fmt.Errorf("certify: %w", err)
	}
	return &Observer{cfg: cfg, mock: h, contract: contract, counts: map[string]int{}, loops: map[string]*loop{}}, nil
}

// Operations are the operationIds of the contract, which a fault plan names.
func Operations() ([]string, error) {
	contract, err := contract.Load()
	if err != nil {
		return nil, fmt.Errorf("certify: %w", err)
	}
	var ids []string
	for _, op := range contract.Operations() {
		ids = append(ids, op.ID)
	}
	return ids, nil
}

// ServeHTTP grades the request, answers it (the mock's answer, or a drill's) and records both.
func (o *Observer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_mock/") {
		o.control(w, r)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, `{"message":"request body could not be read","error":"Bad Request","statusCode":400}`, http.StatusBadRequest)
		return
	}
	s := sent{method: r.Method, path: r.URL.Path, query: r.URL.RawQuery, header: r.Header.Clone(), body: raw, at: o.cfg.Now()}
	if op, ok := o.contract.Find(r.Method, canonicalPath(r.URL.Path)); ok {
		s.op = op.ID
	}
	rec := &record{sent: s, outcomes: grade(s, o.contract, o.cfg.ClientID, o.cfg.Secret)}
	o.mu.Lock()
	o.admit(rec)
	o.mu.Unlock()

	status, body := o.answer(rec, r, raw)
	if rec.fault != nil && rec.fault.Kind == KindSlow && !rec.repeat {
		// The server's write timeout must not cut the late answer short; a server without one ignores this.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(o.cfg.Slow + 10*time.Second))
		o.wait(rec, r)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)

	o.mu.Lock()
	rec.status, rec.respBody, rec.answeredAt = status, body, o.cfg.Now()
	o.mu.Unlock()
	fmt.Fprintln(o.cfg.Progress, rec.line())
}

// admit numbers rec, counts it against its operation and picks the drill that answers it (o.mu held).
func (o *Observer) admit(rec *record) {
	if c, ok := actsOnData(rec, o.records); ok {
		rec.outcomes = append(rec.outcomes, c)
	}
	o.records = append(o.records, rec)
	rec.n = len(o.records)
	if rec.op == "" {
		return
	}
	key := rec.key()
	if l, ok := o.loops[rec.op]; ok {
		if l.key == key && l.left > 0 {
			l.left--
			f := l.fault
			rec.fault, rec.repeat = &f, true
			o.counts[rec.op]++
			return
		}
		delete(o.loops, rec.op)
	}
	o.counts[rec.op]++
	if f, ok := o.cfg.Plan.find(rec.op, o.counts[rec.op]); ok {
		rec.fault = &f
		if f.Kind == Kind97 {
			o.loops[rec.op] = &loop{key: key, fault: f, left: loopLimit}
		}
	}
}

// key is what makes two requests the same intent: operation, query and body (layout aside).
func (s sent) key() string {
	var b bytes.Buffer
	if json.Compact(&b, s.body) != nil {
		b.Reset()
		b.Write(s.body)
	}
	return s.op + "?" + s.query + " " + b.String()
}

// answer is the drill's answer, or the mock's (a slow drill's too: the write is carried out).
func (o *Observer) answer(rec *record, r *http.Request, raw []byte) (int, []byte) {
	if rec.fault != nil && rec.fault.Kind != KindSlow {
		status, body := rec.fault.Kind.answer()
		return status, []byte(body)
	}
	fwd := r.Clone(r.Context())
	fwd.URL.Path = canonicalPath(r.URL.Path)
	fwd.RequestURI = ""
	fwd.Body = io.NopCloser(bytes.NewReader(raw))
	fwd.ContentLength = int64(len(raw))
	rw := httptest.NewRecorder()
	o.mock.ServeHTTP(rw, fwd)
	return rw.Code, rw.Body.Bytes()
}

// wait holds a slow drill's answer for cfg.Slow, noting when the client hung up first.
func (o *Observer) wait(rec *record, r *http.Request) {
	t := time.NewTimer(o.cfg.Slow)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
		o.mu.Lock()
		rec.gaveUpAt = o.cfg.Now()
		o.mu.Unlock()
	}
}

// control passes /_mock/ calls to the mock and notes the payments made through them.
func (o *Observer) control(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "request body could not be read", http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	rw := httptest.NewRecorder()
	o.mock.ServeHTTP(rw, r)
	if r.URL.Path == "/_mock/transfers" && rw.Code == http.StatusOK {
		var t struct{ VaAccountNumber, BillID string }
		_ = json.Unmarshal(raw, &t)
		o.mu.Lock()
		o.payments = append(o.payments, payment{billID: t.BillID, va: t.VaAccountNumber, at: o.cfg.Now()})
		o.mu.Unlock()
	}
	for k, v := range rw.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rw.Code)
	_, _ = w.Write(rw.Body.Bytes())
}

// ErrNothingToPay is Pay's answer when the client has no VA or bill yet.
var ErrNothingToPay = errors.New("certify: no VA or dynamic QR to pay into yet")

// Pay makes one payment, as the --pay-every schedule does: into the newest unpaid dynamic-QR bill
// (its amount), else into the newest linked VA (10 000 VND).
func (o *Observer) Pay() error {
	o.mu.Lock()
	body := o.nextPayment()
	o.mu.Unlock()
	if body == nil {
		return ErrNothingToPay
	}
	r := httptest.NewRequest(http.MethodPost, "/_mock/transfers", bytes.NewReader(body))
	rw := httptest.NewRecorder()
	o.control(rw, r)
	if rw.Code != http.StatusOK {
		return fmt.Errorf("certify: the scheduled payment was refused: %s", bytes.TrimSpace(rw.Body.Bytes()))
	}
	return nil
}

// nextPayment is the transfer body of the next scheduled payment, nil when there is nothing to pay (o.mu held).
func (o *Observer) nextPayment() []byte {
	paid := map[string]bool{}
	for _, p := range o.payments {
		paid[p.billID] = true
	}
	var va string
	for i := len(o.records) - 1; i >= 0; i-- {
		rec := o.records[i]
		data, ok := rec.data()
		if !ok {
			continue
		}
		switch rec.op {
		case "generateDynamicQr":
			bill, _ := data["billId"].(string)
			if !paid[bill] {
				var req struct{ Amount json.Number }
				_ = json.Unmarshal(rec.body, &req)
				b, _ := json.Marshal(map[string]any{"vaAccountNumber": data["qrAccount"], "amount": req.Amount, "content": "certify-client payment", "billId": bill})
				return b
			}
		case "confirmVa":
			if va == "" {
				va, _ = data["vaAccountNumber"].(string)
			}
		}
	}
	if va == "" {
		return nil
	}
	b, _ := json.Marshal(map[string]any{"vaAccountNumber": va, "amount": 10000, "content": "certify-client payment"})
	return b
}

// data is the "data" object of a "00" answer; ok is false for any other answer.
func (rec *record) data() (map[string]any, bool) {
	if rec.status != http.StatusOK {
		return nil, false
	}
	var env struct {
		Code string         `json:"code"`
		Data map[string]any `json:"data"`
	}
	if json.Unmarshal(rec.respBody, &env) != nil || env.Code != contract.CodeSuccess {
		return nil, false
	}
	return env.Data, true
}

// code is the envelope code of the answer, or "HTTP n" for another answer.
func (rec *record) code() string {
	var env struct {
		Code string `json:"code"`
	}
	if rec.status == http.StatusOK && json.Unmarshal(rec.respBody, &env) == nil && env.Code != "" {
		return "code " + env.Code
	}
	return fmt.Sprintf("HTTP %d", rec.status)
}

// line is the request's verdict line, as printed while the client runs.
func (rec *record) line() string {
	broken, warnings := 0, 0
	var first string
	for _, o := range rec.outcomes {
		if o.broken() && first == "" {
			first = o.check.ID + ": " + o.detail
			if strings.HasPrefix(o.check.ID, "CC-BODY") { // its detail quotes the body, which may hold numbers to mask
				first = o.check.ID + ": " + o.check.Statement
			}
		}
		if o.broken() {
			broken++
		}
		if o.warns() {
			warnings++
		}
	}
	verdict := "ok"
	if broken > 0 {
		verdict = fmt.Sprintf("NOT OK (%d broken) %s", broken, first)
	}
	if warnings > 0 {
		verdict += fmt.Sprintf(" (%d warning(s))", warnings)
	}
	drill := ""
	if rec.fault != nil {
		drill = " [drill " + rec.fault.String() + "]"
	}
	return fmt.Sprintf("#%d %s %s → %s%s · %s", rec.n, rec.method, rec.path, rec.code(), drill, verdict)
}
