package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/spec"
)

// operation is one operation of openapi.yaml as the mock serves it.
type operation struct {
	id     string // operationId
	method string
	path   string
	body   rules  // what the JSON body may hold
	query  *rules // query parameters, for the operations that take them (delete-va)
	handle func(s *server, c *call) result
}

// call is a request that passed every check, as a handler sees it.
type call struct {
	op    *operation
	body  map[string]any
	query url.Values
	now   time.Time
}

// has reports whether a field was sent, in the body or the query.
func (c *call) has(name string) bool {
	v, ok := c.body[name]
	return (ok && v != nil) || c.query.Has(name)
}

// str returns a string field of the body (or of the query), "" when absent.
func (c *call) str(name string) string {
	if s, ok := c.body[name].(string); ok {
		return s
	}
	return c.query.Get(name)
}

// int returns an integer field that validation has checked, 0 when absent. Validation allows
// any JSON form of an integer within ±2^53 (150000, 1.5e5, 150000.0), which float64 holds exactly.
func (c *call) int(name string) int64 {
	n, _ := c.body[name].(json.Number)
	f, _ := n.Float64()
	return int64(f)
}

// strings returns an array-of-strings field that validation has checked.
func (c *call) strings(name string) []string {
	arr, _ := c.body[name].([]any)
	out := make([]string, 0, len(arr))
	for _, v := range arr {
		out = append(out, v.(string))
	}
	return out
}

// bank resolves the bank a call names, by bankBin or bankName (validation has checked one is known).
func (c *call) bank() bank {
	if b, ok := bankBy(c.str("bankBin")); ok {
		return b
	}
	b, _ := bankBy(c.str("bankName"))
	return b
}

// validate is the request validation step: content type, JSON body, the operation's rules
// (NestJS wording), then openapi.yaml as a backstop, so the mock never accepts a request
// the contract refuses. It returns the decoded body and the faults, each naming its field.
func (s *server) validate(op *operation, r *http.Request, raw []byte) (map[string]any, []string) {
	if faults := checkContentType(r, raw); faults != nil {
		return nil, faults
	}
	body, fault := decodeObject(raw)
	if fault != "" {
		return nil, []string{fault}
	}
	faults := op.body.validate(body)
	if op.query != nil {
		faults = append(faults, op.query.validate(queryValues(r.URL.Query()))...)
	}
	if len(faults) == 0 {
		faults = contractFaults(s.contractFindings(r, raw, body))
	}
	return body, faults
}

// contractFindings checks a request that passed the rules against openapi.yaml, on the body the
// rules saw, which is the contract's reading of it too: an empty body is {}, as signed. Only a
// body of blanks differs: {} to the rules, not JSON to the contract; it is passed raw.
func (s *server) contractFindings(r *http.Request, raw []byte, body map[string]any) []spec.Finding {
	if len(raw) > 0 && len(bytes.TrimSpace(raw)) == 0 {
		return s.contract.ValidateRequest(r, raw)
	}
	return s.contract.ValidateDecodedRequest(r, body)
}

// contractFaults words the spec's findings on a request as 400 messages naming the field.
func contractFaults(findings []spec.Finding) []string {
	var faults []string
	for _, f := range findings {
		if f.Drift {
			continue
		}
		name := f.Pointer[strings.LastIndex(f.Pointer, "/")+1:]
		if name == "" {
			name = "body"
		}
		faults = append(faults, fmt.Sprintf("%s: expected %s, got %s", name, f.Expected, f.Got))
	}
	return faults
}

// routeTable maps each path to its operation: the docs' path, and the
// official SDKs' path (x-sdk-path in the contract, /v1/bank/<action>) to the
// same operation, so both families get the same handlers and checks.
func routeTable(contract *spec.Spec) map[string]*operation {
	t := map[string]*operation{}
	for i := range operations {
		t[operations[i].path] = &operations[i]
		if op, ok := contract.OperationByID(operations[i].id); ok && op.SDKPath != "" {
			t[op.SDKPath] = &operations[i]
		}
	}
	return t
}

// operations are every operation of openapi.yaml, with the operationIds the team agreed.
var operations = []operation{
	{id: "createVa", method: http.MethodPost, path: "/v1/create-va", body: createVaRules, handle: (*server).createVa},
	{id: "confirmVa", method: http.MethodPost, path: "/v1/confirm-va", body: confirmVaRules, handle: (*server).confirmVa},
	{id: "registerNotify", method: http.MethodPost, path: "/v1/register-notify", body: registerNotifyRules, handle: (*server).registerNotify},
	{id: "confirmRegisterNotify", method: http.MethodPost, path: "/v1/confirm-register-notify", body: confirmRegisterNotifyRules, handle: (*server).confirmRegisterNotify},
	{id: "deleteVa", method: http.MethodPost, path: "/v1/delete-va", query: &deleteVaQuery, handle: (*server).deleteVa},
	{id: "confirmDeleteVa", method: http.MethodPost, path: "/v1/confirm-delete-va", body: confirmDeleteVaRules, handle: (*server).confirmDeleteVa},
	{id: "getVaPaging", method: http.MethodPost, path: "/v1/get-va-paging", body: getVaPagingRules, handle: (*server).getVaPaging},
	{id: "getBanks", method: http.MethodGet, path: "/v1/get-banks", handle: (*server).getBanks},
	{id: "generateVietQr", method: http.MethodPost, path: "/v1/generate-viet-qr", body: generateVietQrRules, handle: (*server).generateVietQr},
	{id: "generateDynamicQr", method: http.MethodPost, path: "/v1/generate-dynamic-qr", body: generateDynamicQrRules, handle: (*server).generateDynamicQr},
	{id: "deleteDynamicQr", method: http.MethodPost, path: "/v1/delete-dynamic-qr", body: billRules, handle: (*server).deleteDynamicQr},
	{id: "getStatusDynamicQr", method: http.MethodPost, path: "/v1/get-status-dynamic-qr", body: billRules, handle: (*server).getStatusDynamicQr},
	{id: "getTransactionPaging", method: http.MethodPost, path: "/v1/transaction/get-paging", body: getTransactionPagingRules, handle: (*server).getTransactionPaging},
}
