package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tingee-conformance/harness/spec"
)

func seed(dir, name string, method, target, headers string, body []byte, flags byte) {
	s := fmt.Sprintf("go test fuzz v1\nstring(%s)\nstring(%s)\nstring(%s)\n[]byte(%s)\nbyte(%s)\n",
		strconv.Quote(method), strconv.Quote(target), strconv.Quote(headers), strconv.Quote(string(body)), strconv.QuoteRune(rune(flags)))
	if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
		panic(err)
	}
}

func main() {
	dir := os.Args[1]
	os.MkdirAll(dir, 0o755)
	sp, err := spec.Load()
	if err != nil {
		panic(err)
	}
	for _, op := range sp.Operations() {
		var body []byte
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			if mt := rb.Value.Content.Get("application/json"); mt != nil {
				ex := mt.Example
				if ex == nil {
					for _, e := range mt.Examples {
						if e.Value != nil {
							ex = e.Value.Value
							break
						}
					}
				}
				if ex != nil {
					body, _ = json.Marshal(ex)
				}
			}
		}
		target := op.Path
		if op.ID == "deleteVa" {
			target += "?vaAccountNumber=TNG0000000001&bankBin=970448"
			body = []byte("{}")
		}
		seed(dir, op.ID+"-signed", op.Method, target, "", body, 1)
		seed(dir, op.ID+"-unsigned", op.Method, target, "", body, 0)
		if len(body) > 1 {
			seed(dir, op.ID+"-tampered", op.Method, target, "x-signature: 00", body, 3)
			seed(dir, op.ID+"-truncated", op.Method, target, "", body[:len(body)/2], 1)
		}
	}
	seed(dir, "unknown-route", "POST", "/v1/bank/confirm-va", "", []byte("{}"), 1)
	seed(dir, "wrong-method", "DELETE", "/v1/get-banks", "", nil, 1)
	seed(dir, "text-plain", "POST", "/v1/get-va-paging", "Content-Type: text/plain", []byte(`{"skipCount":0,"maxResultCount":10}`), 3)
	seed(dir, "duplicate-keys", "POST", "/v1/get-va-paging", "", []byte(`{"skipCount":0,"skipCount":1,"maxResultCount":10}`), 1)
	seed(dir, "huge-number", "POST", "/v1/get-va-paging", "", []byte(`{"skipCount":1e400,"maxResultCount":99999999999999999999999}`), 1)
	seed(dir, "unknown-field", "POST", "/v1/confirm-va", "", []byte(`{"bankName":"OCB","confirmId":"x","otpNumber":"1","extra":true}`), 1)
	seed(dir, "array-body", "POST", "/v1/confirm-va", "", []byte(`[]`), 1)
	seed(dir, "unknown-client", "POST", "/v1/get-va-paging", "x-client-id: someone-else", []byte(`{"skipCount":0,"maxResultCount":10}`), 3)
	seed(dir, "stale-timestamp", "POST", "/v1/get-va-paging", "x-request-timestamp: 20261123124900000", []byte(`{"skipCount":0,"maxResultCount":10}`), 3)
	seed(dir, "trigger-403", "POST", "/v1/get-va-paging", "", []byte(`{"skipCount":0,"maxResultCount":10,"merchantId":1001}`), 1)
	seed(dir, "trigger-500", "POST", "/v1/create-va", "", []byte(`{"accountType":"personal-account","bankBin":"970448","accountNumber":"0999999500","accountName":"PANIC ON PURPOSE"}`), 1)
	seed(dir, "trigger-501", "POST", "/v1/create-va", "", []byte(`{"accountType":"personal-account","bankBin":"970436","accountNumber":"0666777888"}`), 1)
	seed(dir, "control-transfer", "POST", "/_mock/transfers", "", []byte(`{"vaAccountNumber":"TNG1","amount":1000,"content":"x"}`), 0)
	seed(dir, "control-deliveries", "GET", "/_mock/deliveries", "", nil, 0)
	seed(dir, "control-unknown", "GET", "/_mock/nothing", "", nil, 0)
}
