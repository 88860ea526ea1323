package report

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// testSecret signs every exchange of the synthetic run.
const testSecret = "known-secret-Zq9"

var (
	t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	// A person's numbers, which must show only their last four digits.
	accountNumber = "0123456789"
	identity      = "079123456789"
	mobile        = "0912345678"
)

// testOptions are deterministic: a small contract, fixed features, a fixed tool.
func testOptions(t *testing.T) Options {
	t.Helper()
	raw, err := os.ReadFile("testdata/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Parse(raw, contract.Rules)
	if err != nil {
		t.Fatal(err)
	}
	return Options{
		Provider: "Tingee",
		ReplayNote: "Reproduces the request as sent. Its x-request-timestamp expires 10 minutes after sending and the " +
			"client id and masked numbers are hidden: fill them in and re-sign (conformance sign --curl) before running it.",
		SourceLegend: "seed: the 6.2.2 page; doc; live: observed live; sdk; unconfirmed",
		Spec:         s,
		OpenAPI:      raw,
		Features: fstest.MapFS{
			"features/signing.feature": {Data: []byte("Feature: Signing\n")},
			"features/fixtures/m.yaml": {Data: []byte("accounts: {}\n")},
		},
		Tool:    &Tool{Module: "github.com/tingee-conformance/harness", Version: "v0.0.0-test", Revision: "0123abc", GoVersion: "go1.26"},
		Secrets: []credentials.Secret{credentials.Secret(testSecret)},
	}
}

// exchange makes a signed request and its answer, as the runner records them.
func exchange(op, method, path string, body string, status int, answer string, d time.Duration) evidence.Exchange {
	reqBody := []byte(body)
	h := http.Header{}
	ts, sig := signing.SetHeaders(h, "partner-client-0042", []byte(testSecret), reqBody, t0)
	sum := sha256.Sum256(signing.StringToSign(ts, signing.BodyToSign(reqBody)))
	url := "https://uat.example.test" + path
	return evidence.Exchange{
		Operation:          op,
		Method:             method,
		URL:                url,
		RequestHeader:      h,
		RequestBody:        reqBody,
		StringToSignSHA256: hex.EncodeToString(sum[:]),
		Status:             status,
		ResponseHeader:     http.Header{"Content-Type": {"application/json"}, "Date": {"Fri, 02 Jan 2026 03:04:06 GMT"}},
		ResponseBody:       []byte(answer),
		Duration:           d,
		Curl: "curl -sS -X " + method + " '" + url + "' -H 'content-type: application/json' -H 'x-client-id: partner-client-0042' " +
			"-H 'x-request-timestamp: " + ts + "' -H 'x-signature: " + sig + "' --data-raw '" + body + "'",
	}
}

// syntheticRun has one of each: a pass, a contract break, drift (a field, a header), an
// undocumented status, a skip with its reason, and an unrouted 404 probe.
func syntheticRun() evidence.Run {
	skew := 1500 * time.Millisecond
	confirmBody := `{"bankName":"OCB","confirmId":"c-1","otpNumber":"123456"}`
	confirmOK := `{"code":"00","message":"Success","data":{"accountType":"personal-account","bankName":"OCB","accountNumber":"` +
		accountNumber + `","vaAccountNumber":"TNG60716171228"}}`

	broken := exchange("confirmVa", "POST", "/v1/confirm-va", `{"bankName":"OCB","confirmId":"c-2","otpNumber":"1","identity":"`+identity+`","mobile":"`+mobile+`"}`,
		200, `{"code":"00","message":"Success","data":{"accountNumber":98761234}}`, 40*time.Millisecond)
	broken.Findings = []evidence.Finding{{Operation: "confirmVa", Pointer: "/data/accountNumber", Expected: "string", Got: "98761234", DocRef: "6.2.2"}}

	banks := exchange("getBanks", "GET", "/v1/get-banks", "", 200, `[{"code":"OCB","bin":"970448","logoV2":"x"}]`, 20*time.Millisecond)
	banks.ResponseHeader.Set("X-Powered-By", "Express")
	banks.Findings = []evidence.Finding{
		{Operation: "getBanks", Pointer: "/0/logoV2", Expected: "no such field", Got: `"x"`, DocRef: "6.1", Drift: true},
		{Operation: "getBanks", Pointer: "/header/X-Powered-By", Expected: "only documented headers", Got: "Express", DocRef: "6.1", Drift: true},
	}

	return evidence.Run{
		ID:             "20260102T030405Z-test",
		Suite:          "api",
		Start:          t0,
		End:            t0.Add(3 * time.Second),
		Target:         "https://uat.example.test",
		Environment:    "uat",
		ClientIDMasked: credentials.MaskID("partner-client-0042"),
		Seed:           42,
		ClockSkew:      &skew,
		Attestation:    evidence.Attestation{Partner: "Example Co", AttestedBy: "Jane Roe, CTO", Environment: "uat"},
		Scenarios: []evidence.Scenario{
			{
				Feature: "Signing", Name: "A correctly signed confirm-va is accepted", URI: "features/signing.feature:5",
				Tags: []string{"@TG-SIG-01", "@must", "@src-seed", "@doc-6.2.2", "@uat-safe"}, Status: evidence.Passed, Duration: 60 * time.Millisecond,
				Steps: []evidence.Step{
					{Keyword: "Given ", Text: "a signed confirm-va request", Status: evidence.Passed, Duration: time.Millisecond},
					{Keyword: "When ", Text: "it is sent", Status: evidence.Passed, Duration: 50 * time.Millisecond,
						Exchanges: []evidence.Exchange{exchange("confirmVa", "POST", "/v1/confirm-va", confirmBody, 200, confirmOK, 50*time.Millisecond)}},
					{Keyword: "Then ", Text: `the answer's code is "00"`, Status: evidence.Passed},
				},
			},
			{
				Feature: "Signing", Name: "A body byte changed after signing is refused", URI: "features/signing.feature:12",
				Tags: []string{"@TG-SIG-02", "@must", "@src-live", "@doc-6.2.2"}, Status: evidence.Failed, Duration: 45 * time.Millisecond,
				Observations: []string{"upper-case hex accepted"},
				Steps: []evidence.Step{
					{Keyword: "When ", Text: "a confirm-va is sent with one body byte changed", Status: evidence.Failed, Duration: 40 * time.Millisecond,
						Error:     `expected code 97 (invalid signature), got "00"`,
						Exchanges: []evidence.Exchange{broken}},
					{Keyword: "Then ", Text: "the answer's code is 97", Status: evidence.Skipped},
				},
			},
			{
				Feature: "Envelope", Name: "get-banks answers a bare array", URI: "features/envelope.feature:3",
				Tags: []string{"@TG-ENV-01", "@must", "@src-live"}, Status: evidence.Passed, Duration: 25 * time.Millisecond,
				Steps: []evidence.Step{
					{Keyword: "When ", Text: "the bank list is requested", Status: evidence.Passed, Duration: 20 * time.Millisecond,
						Exchanges: []evidence.Exchange{
							banks,
							exchange("getBanks", "GET", "/v1/get-banks", "", 502, `<html>Bad Gateway</html>`, 5*time.Millisecond),
						}},
				},
			},
			{
				Feature: "Error shapes", Name: "An unknown path answers the 404 body", URI: "features/error-shapes.feature:8",
				Tags: []string{"@TG-ERR-04", "@doc-6.2.2"}, Status: evidence.Passed, Duration: 10 * time.Millisecond,
				Steps: []evidence.Step{
					{Keyword: "When ", Text: "POST /v1/no-such-thing is sent", Status: evidence.Passed, Duration: 8 * time.Millisecond,
						Exchanges: []evidence.Exchange{exchange("", "POST", "/v1/no-such-thing", "{}", 404,
							`{"message":"Not Found.","error":"Not Found","statusCode":404}`, 8*time.Millisecond)}},
				},
			},
			{
				Feature: "Error shapes", Name: "A wrong method answers the 404 body", URI: "features/error-shapes.feature:14",
				Tags: []string{"@TG-ERR-05", "@should", "@src-unconfirmed"}, Status: evidence.Failed, Duration: 9 * time.Millisecond,
				Warning: "the page documents the 404 body, not what answers a wrong method.",
				Steps: []evidence.Step{
					{Keyword: "When ", Text: "GET /v1/confirm-va is sent", Status: evidence.Failed, Duration: 8 * time.Millisecond,
						Error: "TG-ERR-05 (doc 6.2.2, HTTP 404 body): expected HTTP 404 for a correctly signed request, got HTTP 400; sent GET https://uat.example.test/v1/confirm-va; got 400 {}",
						Exchanges: []evidence.Exchange{exchange("confirmVa", "GET", "/v1/confirm-va", "", 400,
							`{"message":"Bad Request.","error":"Bad Request","statusCode":400}`, 8*time.Millisecond)}},
				},
			},
			{
				Feature: "Error shapes", Name: "The 501 body", URI: "features/error-shapes.feature:20",
				Tags: []string{"@TG-ERR-06", "@doc-6.2.2"}, Status: evidence.Skipped,
				SkipReason: "the target's fixtures have no trigger for 501",
				Steps:      []evidence.Step{{Keyword: "Given ", Text: "a request the target does not implement", Status: evidence.Skipped}},
			},
		},
	}
}
