package suite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// Envelope codes: success, and the signing refusals (profiles/tingee/contract).
const (
	codeSuccess      = contract.CodeSuccess
	codeBadSignature = contract.CodeBadSignature
	codeBadTimestamp = contract.CodeBadTimestamp
	// codeTimeout is "Timeout": some sources give it for a timestamp outside the window [?].
	codeTimeout = "91"
)

// envelope is Tingee's answer body: {code, message, data}.
type envelope struct {
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
	isArray bool            // a bare JSON array (get-banks), not an envelope
}

// parseEnvelope reads an answer body; ok is false when it is neither an envelope nor an array.
func parseEnvelope(body []byte) (envelope, bool) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return envelope{isArray: json.Valid(trimmed)}, json.Valid(trimmed)
	}
	var e envelope
	if err := json.Unmarshal(trimmed, &e); err != nil || e.Code == "" {
		return envelope{}, false
	}
	return e, true
}

// dataIsNull tells whether data is JSON null (or absent).
func (e envelope) dataIsNull() bool {
	return len(e.Data) == 0 || string(bytes.TrimSpace(e.Data)) == "null"
}

// dataString reads a string field of data.
func (e envelope) dataString(field string) string {
	var m map[string]any
	if json.Unmarshal(e.Data, &m) != nil {
		return ""
	}
	s, _ := m[field].(string)
	return s
}

// last is the last exchange of the scenario's last action.
func (w *world) last() evidence.Exchange {
	if len(w.answers) == 0 {
		return evidence.Exchange{}
	}
	return w.answers[len(w.answers)-1].x
}

// isRefusal tells whether x refuses a request as unsigned or wrongly signed, and how.
func isRefusal(x evidence.Exchange) (bool, string) {
	if x.Status == http.StatusUnauthorized {
		return true, "HTTP 401"
	}
	if e, ok := parseEnvelope(x.ResponseBody); ok && x.Status == http.StatusOK && (e.Code == codeBadSignature || e.Code == codeBadTimestamp || e.Code == codeTimeout) {
		return true, "code " + e.Code
	}
	return false, ""
}

// describe is a short account of an answer for messages: "HTTP 200 code 00".
func describe(x evidence.Exchange) string {
	if e, ok := parseEnvelope(x.ResponseBody); ok && !e.isArray {
		return fmt.Sprintf("HTTP %d code %s", x.Status, e.Code)
	}
	return fmt.Sprintf("HTTP %d", x.Status)
}

// RefusesCredentials tells whether x, the answer to a signed GET get-banks,
// refuses the client or its signature rather than the request: HTTP 401
// (unknown client, 6.2.2's 401 body), HTTP 200 with code 97 (invalid
// signature) [live], or HTTP 200 with any other code than 00 and data null or
// absent, which docs/levels-and-sources.md allows for an unknown client [?]
// (get-banks has no business error). A timestamp refusal (90/91) is a clock
// problem, not a credentials one: see RefusesClock. It words the answer.
func RefusesCredentials(x evidence.Exchange) (bool, string) {
	if x.Status == http.StatusUnauthorized {
		return true, "HTTP 401 " + shorten(x.ResponseBody)
	}
	e, ok := parseEnvelope(x.ResponseBody)
	if !ok || e.isArray || x.Status != http.StatusOK || e.Code == codeSuccess || isClockCode(e.Code) {
		return false, ""
	}
	if e.Code == codeBadSignature || e.dataIsNull() {
		return true, fmt.Sprintf("HTTP 200 code %s %q", e.Code, e.Message)
	}
	return false, ""
}

// RefusesClock tells whether x refuses the request's timestamp (HTTP 200,
// code 90 or 91 [?]): the clock of the sender, not its credentials.
func RefusesClock(x evidence.Exchange) (bool, string) {
	if e, ok := parseEnvelope(x.ResponseBody); ok && x.Status == http.StatusOK && isClockCode(e.Code) {
		return true, fmt.Sprintf("HTTP 200 code %s %q", e.Code, e.Message)
	}
	return false, ""
}

func isClockCode(code string) bool { return code == codeBadTimestamp || code == codeTimeout }
