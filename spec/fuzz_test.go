package spec

import (
	"net/http"
	"strings"
	"testing"
)

// FuzzValidateNeverPanics: any answer or request, however broken, gives
// findings or none, never a panic (recoverAsFinding would turn one into a
// finding, which this test refuses too).
func FuzzValidateNeverPanics(f *testing.F) {
	s := mustLoad(f)
	f.Add("POST", "/v1/confirm-va", 200, "application/json", confirmVaSuccess)
	f.Add("GET", "/v1/get-banks", 200, "application/json", `[{"bin":1}]`)
	f.Add("POST", "http://h/v1/delete-va?bankBin=x", 400, "text/plain", `{"message":[null]}`)
	f.Add("POST", "/v1/transaction/get-paging", 200, "", `{"code":"00","data":{"items":[{"a":{}}]}}`)
	f.Add("", "%zz", -1, ";;", "\xff")
	f.Fuzz(func(t *testing.T, method, path string, status int, ct, body string) {
		h := http.Header{"Content-Type": {ct}}
		for _, fs := range [][]Finding{
			s.ValidateResponse(method, path, status, h, []byte(body)),
			s.ValidateBody("ConfirmVaSuccess", []byte(body)),
		} {
			for _, got := range fs {
				if strings.HasPrefix(got.Expected, "a validation without internal error") {
					t.Fatalf("panic: %+v", got)
				}
			}
		}
		r, err := http.NewRequest(method, path, strings.NewReader(body))
		if err != nil {
			return
		}
		r.Header = h
		for _, got := range s.ValidateRequest(r, []byte(body)) {
			if strings.HasPrefix(got.Expected, "a validation without internal error") {
				t.Fatalf("panic: %+v", got)
			}
		}
	})
}
