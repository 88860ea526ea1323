package certify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// sampleClient is a partner's client as the tests write it: correct by default, each field one
// of the classic mistakes (tingee-api-notes.md, "Request signing").
type sampleClient struct {
	base, clientID  string
	secret          []byte
	prefix          string         // "/v1/" (docs) or "/v1/bank/" (the official SDKs)
	zone            *time.Location // the timestamp's zone; Vietnam when nil
	signPretty      bool           // signs the body pretty-printed, sends it minified
	sendPretty      bool           // sends (and signs) the body pretty-printed
	signEmpty       bool           // signs "" for a POST without a body (delete-va)
	bodyForBodyless bool           // sends "{}" on a POST without parameters in the body, as axios does
	retryWrites     bool           // repeats a write at once after a timeout or a 5xx
	timeout         time.Duration
}

// errStop ends a flow when an answer is not "00".
type errStop struct{ what string }

func (e errStop) Error() string { return e.what }

// call sends one signed request and returns the data of a "00" answer.
func (c *sampleClient) call(method, action, query string, body any) (map[string]any, error) {
	var raw []byte
	if body != nil {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // JSON.stringify leaves <, > and & alone
		_ = enc.Encode(body)
		raw = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		if c.sendPretty {
			var pretty bytes.Buffer
			_ = json.Indent(&pretty, raw, "", "  ")
			raw = pretty.Bytes()
		}
	} else if c.bodyForBodyless && method == http.MethodPost {
		raw = []byte("{}")
	}
	for attempt := 0; ; attempt++ {
		data, status, err := c.send(method, action, query, raw)
		write := method == http.MethodPost && slices.Contains(writes, opOf(action))
		if c.retryWrites && write && attempt == 0 && (err != nil || status >= 500) {
			continue
		}
		return data, err
	}
}

func opOf(action string) string {
	return map[string]string{"create-va": "createVa", "confirm-va": "confirmVa", "delete-va": "deleteVa", "confirm-delete-va": "confirmDeleteVa", "generate-dynamic-qr": "generateDynamicQr"}[action]
}

func (c *sampleClient) send(method, action, query string, raw []byte) (map[string]any, int, error) {
	zone := c.zone
	if zone == nil {
		zone = signing.Vietnam
	}
	s := time.Now().In(zone).Format("20060102150405.000")
	ts := s[:14] + s[15:]
	signed := raw
	switch {
	case len(raw) == 0 && c.signEmpty && method == http.MethodPost:
		signed = []byte{}
	case len(raw) == 0:
		signed = []byte("{}")
	case c.signPretty:
		var b bytes.Buffer
		_ = json.Indent(&b, raw, "", "  ")
		signed = b.Bytes()
	}
	url := c.base + c.prefix + action
	if query != "" {
		url += "?" + query
	}
	req, _ := http.NewRequest(method, url, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(signing.HeaderClientID, c.clientID)
	req.Header.Set(signing.HeaderTimestamp, ts)
	req.Header.Set(signing.HeaderSignature, signing.Sign(c.secret, ts, signed))
	return c.do(req)
}

func (c *sampleClient) do(req *http.Request) (map[string]any, int, error) {
	timeout := c.timeout
	if timeout == 0 {
		timeout = 5 * time.Second
	}
	resp, err := (&http.Client{Timeout: timeout}).Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var env struct {
		Code string         `json:"code"`
		Data map[string]any `json:"data"`
	}
	if resp.StatusCode == http.StatusOK && req.URL.Path == c.prefix+"get-banks" {
		return map[string]any{}, resp.StatusCode, nil // a bare array
	}
	if json.Unmarshal(b, &env) != nil || env.Code != "00" {
		return nil, resp.StatusCode, errStop{fmt.Sprintf("%s answered %d %s", req.URL.Path, resp.StatusCode, b)}
	}
	return env.Data, resp.StatusCode, nil
}

// transfer pays into a bill through the mock's control endpoint (unsigned).
func (c *sampleClient) transfer(va, billID string) error {
	b, _ := json.Marshal(map[string]any{"vaAccountNumber": va, "amount": 10000, "content": "order 1", "billId": billID})
	resp, err := http.Post(c.base+"/_mock/transfers", "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errStop{fmt.Sprintf("transfer answered %d", resp.StatusCode)}
	}
	return nil
}

// flow is both lifecycles, as a partner's integration test runs them against the OCB fixture
// account (features/fixtures/mock.yaml: 0123456789, OTP 123456). It stops at the first failure.
func (c *sampleClient) flow() error {
	if _, err := c.call(http.MethodGet, "get-banks", "", nil); err != nil {
		return err
	}
	created, err := c.call(http.MethodPost, "create-va", "", map[string]any{
		"accountType": "personal-account", "bankBin": "970448", "accountNumber": "0123456789", "accountName": "NGUYEN VAN A",
		"identity": "001090000001", "mobile": "0912345678", "isNotifyAccountNumber": true,
	})
	if err != nil {
		return err
	}
	linked, err := c.call(http.MethodPost, "confirm-va", "", map[string]any{"bankBin": "970448", "confirmId": created["confirmId"], "otpNumber": "123456"})
	if err != nil {
		return err
	}
	va := fmt.Sprint(linked["vaAccountNumber"])
	if _, err := c.call(http.MethodPost, "get-va-paging", "", map[string]any{"skipCount": 0, "maxResultCount": 10}); err != nil {
		return err
	}
	qr, err := c.call(http.MethodPost, "generate-dynamic-qr", "", map[string]any{
		"vaAccountNumber": va, "qrCodeType": "dynamic-one-time-payment", "bankBin": "970448", "amount": 10000, "expireInMinute": 15, "purpose": "Don hang 1",
	})
	if err != nil {
		return err
	}
	if err := c.transfer(va, fmt.Sprint(qr["billId"])); err != nil {
		return err
	}
	if _, err := c.call(http.MethodPost, "get-status-dynamic-qr", "", map[string]any{"qrAccount": qr["qrAccount"], "billId": qr["billId"]}); err != nil {
		return err
	}
	unlinking, err := c.call(http.MethodPost, "delete-va", "vaAccountNumber="+va+"&bankBin=970448", nil)
	if err != nil {
		return err
	}
	_, err = c.call(http.MethodPost, "confirm-delete-va", "", map[string]any{"bankBin": "970448", "confirmId": unlinking["confirmId"], "otpNumber": "123456"})
	return err
}
