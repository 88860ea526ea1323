package suite_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
)

// An independent Tingee server, written in this test from the notes alone
// (docs/levels-and-sources.md and the operations table) and sharing no code
// with profiles/tingee/mock, takes every liberty the sources allow: other id formats
// (VA…, CF-…, B…), extra fields and headers, pretty-printed JSON with another
// key order, "application/json; charset=utf-8", code 91 for a timestamp, HTTP
// 200 with code 96 and no data for an unknown client, a business error
// without data, get-banks in the envelope, totalCount left out, a deleted VA
// listed as inactive, 405 for a wrong method, a 400 message as a list.

const (
	indieOTP     = "654321"
	indieAccount = "9704000111"
)

var indieFixtures = `
accounts:
  - bankName: OCB
    bankBin: "970448"
    accountType: personal-account
    accountNumber: "` + indieAccount + `"
    accountName: NGUYEN VAN A
    identity: "001090000009"
    mobile: "0912000111"
    otp: fixed:` + indieOTP + `
`

// indieBanks are the 16 short names and their BINs (notes, Enums and codes).
var indieBanks = map[string]string{"OCB": "970448", "BIDV": "970418", "MBB": "970422", "ACB": "970416", "VPB": "970432",
	"PGB": "970430", "VIB": "970441", "STB": "970403", "CTG": "970415", "VCB": "970436", "AGRIBANK": "970405",
	"SHINHAN": "970424", "COB": "970446", "MSB": "970426", "TPB": "970423", "NEXTPAY": ""}

// indieOp is what the server knows of an operation: its required fields,
// groups of which one is required, and enums.
type indieOp struct {
	method   string
	required []string
	oneOf    [][]string
	enums    map[string][]string
	query    bool // parameters in the query string, body "{}"
}

var accountTypes = []string{"personal-account", "business-account", "business-household-account"}

var indieOps = map[string]indieOp{
	"get-banks": {method: http.MethodGet},
	"create-va": {required: []string{"accountType"}, oneOf: [][]string{{"bankBin", "bankName"}},
		enums: map[string][]string{"accountType": accountTypes, "otpMethod": {"SMSTTT", "SmartOTP", "mCode"}}},
	"confirm-va":              {required: []string{"confirmId"}, oneOf: [][]string{{"bankBin", "bankName"}}, enums: map[string][]string{"bankName": {"OCB", "MBB", "BIDV", "ACB", "VPB"}}},
	"register-notify":         {required: []string{"vaAccountNumber"}},
	"confirm-register-notify": {required: []string{"bankBin", "confirmId"}},
	"delete-va":               {required: []string{"vaAccountNumber"}, query: true},
	"confirm-delete-va":       {required: []string{"bankBin", "confirmId", "otpNumber"}},
	"get-va-paging":           {required: []string{"skipCount", "maxResultCount"}, enums: map[string][]string{"accountType": accountTypes}},
	"generate-viet-qr":        {required: []string{"accountNumber"}, oneOf: [][]string{{"bankBin", "bankName"}}, enums: map[string][]string{"bankName": {"OCB", "MBB", "BIDV", "ACB", "CTG", "PGB", "STB"}}},
	"generate-dynamic-qr": {required: []string{"vaAccountNumber", "qrCodeType", "bankBin", "amount", "expireInMinute"},
		enums: map[string][]string{"qrCodeType": {"dynamic-one-time-payment", "dynamic-recurring-payment"}}},
	"delete-dynamic-qr":      {required: []string{"qrAccount", "billId"}},
	"get-status-dynamic-qr":  {required: []string{"qrAccount", "billId"}},
	"transaction/get-paging": {required: []string{"skipCount", "maxResultCount"}},
}

// indieKinds are the JSON types of the fields that are not strings; shopId
// and extraInfo take any value.
var indieKinds = map[string]string{"amount": "number", "merchantId": "number", "skipCount": "number", "maxResultCount": "number",
	"expireInMinute": "number", "isNotifyAccountNumber": "bool", "vaAccountNumbers": "array", "shopId": "any", "extraInfo": "any"}

type indieVA struct {
	bank, bin, account, accountType, va, status, deleteID string
}

type indieServer struct {
	clientID string
	secret   []byte
	mu       sync.Mutex
	n        int
	links    map[string]*indieVA // confirmId → pending link (nil once spent)
	vas      []*indieVA
	bills    map[string]string // billId → qrAccount
}

func newIndieServer() *indieServer {
	p := auth.Mock()
	return &indieServer{clientID: p.ClientID, secret: p.Secret, links: map[string]*indieVA{}, bills: map[string]string{}}
}

// kv is an ordered JSON object.
type kv []any

func (o kv) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i < len(o); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(o[i])
		v, err := json.Marshal(o[i+1])
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// reply writes v pretty-printed, with charset and an extra header.
func reply(w http.ResponseWriter, status int, v any) {
	compact, _ := json.Marshal(v)
	var pretty bytes.Buffer
	json.Indent(&pretty, compact, "", "  ")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Trace-Id", "indie-"+strconv.Itoa(len(compact)))
	w.WriteHeader(status)
	w.Write(pretty.Bytes())
}

func fail(code, msg string) kv { return kv{"message", msg, "code", code} } // no data: the SDKs type it optional

func httpError(status int, msg any, name string) kv {
	return kv{"statusCode", status, "message", msg, "error", name}
}

func (s *indieServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	action := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/v1/bank/"), "/v1/")
	op, known := indieOps[action]
	if !known || strings.HasPrefix(r.URL.Path, "/v1/bank/transaction") || !strings.HasPrefix(r.URL.Path, "/v1/") {
		reply(w, http.StatusNotFound, httpError(404, "Not Found.", "Not Found"))
		return
	}
	if want := cmpOr(op.method, http.MethodPost); r.Method != want {
		reply(w, http.StatusMethodNotAllowed, kv{"message", "Method Not Allowed"}) // a gateway in front answers
		return
	}
	id, ts, sig := r.Header.Get("x-client-id"), r.Header.Get("x-request-timestamp"), r.Header.Get("x-signature")
	if id == "" || ts == "" || sig == "" {
		reply(w, http.StatusUnauthorized, httpError(401, "Unauthorized.", "Unauthorized"))
		return
	}
	if id != s.clientID {
		reply(w, http.StatusOK, fail("96", "Client not found"))
		return
	}
	raw, _ := io.ReadAll(r.Body)
	signed := raw
	if len(signed) == 0 {
		signed = []byte("{}")
	}
	var t time.Time
	err := fmt.Errorf("not 17 digits")
	if len(ts) == 17 {
		t, err = time.ParseInLocation("20060102150405.000", ts[:14]+"."+ts[14:], time.FixedZone("ICT", 7*3600))
	}
	if err != nil || time.Since(t) > 10*time.Minute || time.Until(t) > 10*time.Minute {
		reply(w, http.StatusOK, kv{"code", "91", "message", "Timeout", "data", nil})
		return
	}
	mac := hmac.New(sha512.New, s.secret)
	fmt.Fprintf(mac, "%s:%s", ts, signed)
	got, err := hex.DecodeString(sig)
	if err != nil || !hmac.Equal(got, mac.Sum(nil)) {
		reply(w, http.StatusOK, kv{"code", "97", "message", "Invalid signature", "data", nil})
		return
	}
	body := map[string]any{}
	if op.query {
		for k := range r.URL.Query() {
			body[k] = r.URL.Query().Get(k)
		}
	} else if op.method != http.MethodGet {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&body); err != nil {
			reply(w, http.StatusBadRequest, httpError(400, []string{"Unexpected token in JSON"}, "Bad Request"))
			return
		}
	}
	if msgs := op.validate(body); len(msgs) > 0 {
		reply(w, http.StatusBadRequest, httpError(400, msgs, "Bad Request"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	status, answer := s.handle(action, body)
	reply(w, status, answer)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (op indieOp) validate(body map[string]any) []string {
	var msgs []string
	for _, f := range op.required {
		if v, ok := body[f]; !ok || v == nil || v == "" {
			msgs = append(msgs, f+" should not be empty")
		}
	}
	for _, g := range op.oneOf {
		if !slices.ContainsFunc(g, func(f string) bool { v, ok := body[f]; return ok && v != nil && v != "" }) {
			msgs = append(msgs, strings.Join(g, " or ")+" is required")
		}
	}
	for f, v := range body {
		kind := cmpOr(indieKinds[f], "string")
		var good bool
		switch v.(type) {
		case string:
			good = kind == "string" || kind == "any"
		case json.Number:
			good = kind == "number" || kind == "any"
		case bool:
			good = kind == "bool" || kind == "any"
		case []any:
			good = kind == "array" || kind == "any"
		default:
			good = kind == "any" || v == nil
		}
		if !good {
			msgs = append(msgs, fmt.Sprintf("%s must be a %s", f, kind))
		}
		if allowed, has := op.enums[f]; has && good && !slices.Contains(allowed, fmt.Sprint(v)) {
			msgs = append(msgs, f+" must be one of "+strings.Join(allowed, ", "))
		}
	}
	return msgs
}

func (s *indieServer) nextID(prefix string) string {
	s.n++
	return fmt.Sprintf("%s%08d", prefix, s.n)
}

func str(body map[string]any, f string) string { v, _ := body[f].(string); return v }

func num(body map[string]any, f string) int {
	n, _ := body[f].(json.Number)
	i, _ := strconv.Atoi(string(n))
	return i
}

func (s *indieServer) va(number string) *indieVA {
	for _, v := range s.vas {
		if v.va == number {
			return v
		}
	}
	return nil
}

func bankOf(body map[string]any) (name, bin string) {
	if bin = str(body, "bankBin"); bin != "" {
		for n, b := range indieBanks {
			if b == bin {
				return n, bin
			}
		}
		return "", bin
	}
	name = str(body, "bankName")
	return name, indieBanks[name]
}

func (s *indieServer) handle(action string, body map[string]any) (int, any) {
	switch action {
	case "get-banks": // the envelope the SDKs type, with an extra field per bank
		var banks []any
		for _, n := range []string{"OCB", "MBB", "BIDV", "ACB", "VPB"} {
			banks = append(banks, kv{"bin", indieBanks[n], "shortName", n, "name", "Ngân hàng " + n, "code", n, "isActive", true})
		}
		return 200, kv{"code", "00", "message", "Success", "data", banks}
	case "create-va":
		name, bin := bankOf(body)
		if str(body, "accountNumber") != indieAccount || bin != "970448" {
			return 200, fail("1010", "Account not supported")
		}
		id := s.nextID("CF-")
		s.links[id] = &indieVA{bank: name, bin: bin, account: indieAccount, accountType: str(body, "accountType")}
		return 200, kv{"code", "00", "message", "Success", "data", kv{"otpMethod", "SMS", "confirmId", id, "expiresIn", 300}}
	case "confirm-va":
		link, found := s.links[str(body, "confirmId")]
		if !found || link == nil {
			return 200, fail("1002", "confirmId not found")
		}
		s.links[str(body, "confirmId")] = nil // spent by its first attempt
		if str(body, "otpNumber") != indieOTP {
			return 200, fail("1003", "Wrong OTP")
		}
		link.va, link.status = s.nextID("VA"), "active"
		s.vas = append(s.vas, link)
		return 200, kv{"code", "00", "message", "Success", "data", kv{"vaAccountNumber", link.va, "accountNumber", link.account,
			"bankName", "OCB", "accountType", link.accountType, "shopId", nil}}
	case "delete-va":
		v := s.va(str(body, "vaAccountNumber"))
		if v == nil || v.status != "active" {
			return 200, fail("1020", "VA not found")
		}
		v.deleteID = s.nextID("CF-")
		return 200, kv{"code", "00", "message", "Success", "data", kv{"confirmId", v.deleteID}}
	case "confirm-delete-va":
		for _, v := range s.vas {
			if v.deleteID != "" && v.deleteID == str(body, "confirmId") {
				v.deleteID = ""
				if str(body, "otpNumber") != indieOTP {
					return 200, fail("1003", "Wrong OTP")
				}
				v.status = "inactive" // still listed, as inactive
				return 200, kv{"code", "00", "message", "Success", "data", kv{}}
			}
		}
		return 200, fail("1002", "confirmId not found")
	case "get-va-paging": // totalCount left out: the SDKs type it optional
		skip, max := num(body, "skipCount"), num(body, "maxResultCount")
		items := []any{}
		for i, v := range s.vas {
			if i >= skip && len(items) < max {
				items = append(items, kv{"vaAccountNumber", v.va, "status", v.status, "bankBin", v.bin, "bankName", v.bank,
					"accountNumber", v.account[:3] + "****" + v.account[len(v.account)-3:], "creationTime", "2026-12-01T10:00:00+07:00"})
			}
		}
		return 200, kv{"code", "00", "message", "Success", "data", kv{"items", items}}
	case "generate-viet-qr":
		_, bin := bankOf(body)
		qr := indieVietQR(bin, str(body, "accountNumber"), num(body, "amount"))
		return 200, kv{"code", "00", "message", "Success", "data", kv{"qrCode", qr, "qrCodeImage", indiePNG, "qrAccount", str(body, "accountNumber")}}
	case "generate-dynamic-qr":
		v := s.va(str(body, "vaAccountNumber"))
		if v == nil || v.status != "active" {
			return 200, fail("1020", "VA not found")
		}
		bill := s.nextID("B")
		s.bills[bill] = v.va
		return 200, kv{"code", "00", "message", "Success", "data", kv{"billId", bill, "qrAccount", v.va, "qrCode", indieVietQR(v.bin, v.va, num(body, "amount"))}}
	case "get-status-dynamic-qr":
		qa, found := s.bills[str(body, "billId")]
		if !found || qa != str(body, "qrAccount") {
			return 200, fail("1030", "Bill not found")
		}
		return 200, kv{"code", "00", "message", "Success", "data", kv{"transactionInfos", []any{},
			"billInfo", kv{"status", "unpaid", "qrAccount", qa, "billId", str(body, "billId")}}}
	case "delete-dynamic-qr":
		if _, found := s.bills[str(body, "billId")]; !found {
			return 200, fail("1030", "Bill not found")
		}
		delete(s.bills, str(body, "billId"))
		return 200, kv{"code", "00", "message", "Success", "data", kv{}}
	case "transaction/get-paging":
		return 200, kv{"code", "00", "message", "Success", "data", kv{"items", []any{}, "totalCount", 0}}
	}
	return 200, fail("1001", "Not supported")
}

// indiePNG is a 1×1 PNG as a data URL.
const indiePNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

// indieVietQR is an EMVCo VietQR payload: NAPAS GUID, BIN and account under
// tag 38, CRC-16/CCITT-FALSE in tag 63.
func indieVietQR(bin, account string, amount int) string {
	tlv := func(tag, v string) string { return fmt.Sprintf("%s%02d%s", tag, len(v), v) }
	beneficiary := tlv("00", bin) + tlv("01", account)
	merchant := tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA")
	initiation := "11"
	p := tlv("00", "01")
	if amount > 0 {
		initiation = "12"
	}
	p += tlv("01", initiation) + tlv("38", merchant) + tlv("53", "704")
	if amount > 0 {
		p += tlv("54", strconv.Itoa(amount))
	}
	p += tlv("58", "VN") + "6304"
	crc := uint16(0xFFFF)
	for _, c := range []byte(p) {
		crc ^= uint16(c) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return p + fmt.Sprintf("%04X", crc)
}

// TestAnIndependentServerHasNoMustFailure (done-when (b)): the suite, run
// against a correct server it was not written with, fails no must-level
// check; should-level warnings are allowed and listed.
func TestAnIndependentServerHasNoMustFailure(t *testing.T) {
	f, err := fixtures.Parse([]byte(indieFixtures))
	if err != nil {
		t.Fatal(err)
	}
	for _, family := range []string{"/v1/", "/v1/bank/"} {
		t.Run(family, func(t *testing.T) {
			srv := httptest.NewServer(newIndieServer())
			defer srv.Close()
			if family == "/v1/bank/" {
				suitePaths = "sdk"
				defer func() { suitePaths = "docs" }()
			}
			res, _ := runSuite(t, nil, srv.URL, "~@mock-only", 1, f)
			passed := len(res.byStatus(evidence.Passed))
			for _, s := range res.byStatus(evidence.Failed) {
				if s.Warned() {
					t.Logf("warning %s: %s", s.Requirement(), firstLine(failures(s)))
					continue
				}
				t.Errorf("must-level failure %s %s (%s): %s", s.Requirement(), s.Name, s.URI, failures(s))
			}
			for _, s := range res.byStatus(evidence.Skipped) {
				t.Logf("skipped %s: %s", s.Name, s.SkipReason)
			}
			if passed < 100 {
				t.Errorf("only %d scenarios passed", passed)
			}
		})
	}
}
