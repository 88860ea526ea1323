package report

import (
	"net/http"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// TestDriftListsUndocumentedHeadersAndCodes feeds drift the findings the real
// spec gives an Express-like target: an undocumented code and headers, one a
// request id that changes every answer.
func TestDriftListsUndocumentedHeadersAndCodes(t *testing.T) {
	s, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	answer := func(requestID, body string) Exchange {
		h := http.Header{"Content-Type": {"application/json"}, "Date": {"Mon, 23 Nov 2026 07:00:00 GMT"},
			"X-Powered-By": {"Express"}, "X-Request-Id": {requestID}}
		return Exchange{Operation: "confirmVa", Method: "POST", Status: 200, ResponseHeader: h, ResponseBody: body,
			Findings: s.ValidateResponse("POST", "/v1/confirm-va", 200, h, []byte(body))}
	}
	scenarios := []Scenario{{URI: "features/x.feature:3", Status: evidence.Passed, Steps: []Step{{Status: evidence.Passed, Exchanges: []Exchange{
		answer("r-1", `{"code":"1999","message":"x","data":null}`),
		answer("r-2", `{"code":"1002","message":"OTP sai","data":null}`),
	}}}}}
	got := drift(s, scenarios)
	want := []Drift{
		{Operation: "confirmVa", Pointer: "/code", Expected: "a code the docs mention: 00, 90, 91, 97, 1001–1076", Got: `"1999"`, DocRef: "6.2.2", Count: 1},
		{Operation: "confirmVa", Pointer: "/header/X-Powered-By", Expected: "only documented headers", Got: "Express", DocRef: "6.2.2", Count: 2},
		{Operation: "confirmVa", Pointer: "/header/X-Request-Id", Expected: "only documented headers", Got: "r-1", DocRef: "6.2.2", Count: 2},
	}
	if len(got) != len(want) {
		t.Fatalf("drift = %+v, want %+v", got, want)
	}
	for i := range want {
		want[i].FirstSeen = "features/x.feature:3"
		if got[i] != want[i] {
			t.Errorf("drift[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, j := range answers(scenarios) {
		if j.failed || !j.passed {
			t.Errorf("an answer with only drift counts as failed: %+v", j.x.Findings)
		}
	}
}
