package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// The stand-in names the field a case broke, as the validation scenarios require.
func TestStandInNamesTheBrokenField(t *testing.T) {
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := standIn(sp)
	rec := serve(h, "POST", "/v1/get-va-paging", `{"skipCount":"zero","maxResultCount":10}`)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "skipCount") {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if findings := sp.ValidateResponse("POST", "/v1/get-va-paging", rec.Code, rec.Header(), rec.Body.Bytes()); len(findings) > 0 {
		t.Fatalf("the stand-in's 400 breaks the spec: %+v", findings)
	}
	if rec := serve(h, "POST", "/v1/nothing", `{}`); rec.Code != 404 {
		t.Fatalf("unknown route answered %d", rec.Code)
	}
}

// serve sends one request through h.
func serve(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}
