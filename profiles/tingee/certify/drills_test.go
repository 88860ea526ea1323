package certify

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// send makes one request signed at the time at, so a test can repeat a timestamp on purpose.
func send(t *testing.T, base, method, action, body string, at time.Time) {
	t.Helper()
	req, _ := http.NewRequest(method, base+"/v1/"+action, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	signing.SetHeaders(req.Header, testClientID, testSecret, []byte(body), at)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// drillScenarios runs moves against an Observer with plan and returns the first drill's scenario
// and every scenario of the run.
func drillScenarios(t *testing.T, plan string, moves func(base string)) (evidence.Scenario, []evidence.Scenario) {
	t.Helper()
	ops, err := Operations()
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePlan(plan, ops)
	if err != nil {
		t.Fatal(err)
	}
	o, err := New(Config{ClientID: testClientID, Secret: testSecret, Plan: p})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(o)
	defer srv.Close()
	moves(srv.URL)
	all := o.Scenarios()
	for _, sc := range all {
		if strings.HasPrefix(sc.URI, "certify-client:drill/") {
			return sc, all
		}
	}
	t.Fatal("no drill scenario")
	return evidence.Scenario{}, nil
}

// judged is a scenario's outcome as the report judges it: passed, failed, or warned (a failed SHOULD).
func judged(sc evidence.Scenario) string {
	if sc.Warned() {
		return "warned"
	}
	return sc.Status
}

const paging = `{"skipCount":0,"maxResultCount":10}`

const createVa = `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789"}`

// Each drill's good and bad next moves: the bad ones warn (SHOULD, an inference) or fail (MUST:
// a write repeated blindly after a timeout or a 500; acting on a confirmId no "00" answer gave,
// graded on the request that does it); the good ones pass without a warning.
func TestDrillsGradeNextMoves(t *testing.T) {
	cases := []struct {
		name, plan string
		moves      func(t *testing.T, base string)
		result     string // the drill scenario's: passed, warned or failed
		note       string // a step error or observation the drill scenario must carry; "" for none
		failed     string // the URI of another scenario that must fail; "" for none
	}{
		{"90, same timestamp re-sent", "getVaPaging#1=90", func(t *testing.T, base string) {
			at := time.Now()
			send(t, base, http.MethodPost, "get-va-paging", paging, at)
			send(t, base, http.MethodPost, "get-va-paging", paging, at)
		}, "warned", "re-sent the refused timestamp", ""},
		{"90, re-signed", "getVaPaging#1=90", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now().Add(time.Second))
		}, evidence.Passed, "", ""},
		{"97, looped", "getBanks#1=97", func(t *testing.T, base string) {
			for range 5 {
				send(t, base, http.MethodGet, "get-banks", "", time.Now())
			}
		}, "warned", "repeated the request 3 times after code 97", ""},
		{"97, one retry", "getBanks#1=97", func(t *testing.T, base string) {
			send(t, base, http.MethodGet, "get-banks", "", time.Now())
			send(t, base, http.MethodGet, "get-banks", "", time.Now())
		}, evidence.Passed, "", ""},
		{"503 on a read, retried at once", "getVaPaging#1=503", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
		}, "warned", "(at least 500ms counts as backing off)", ""},
		{"503 on a read, backed off", "getVaPaging#1=503", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			time.Sleep(minBackoff + 100*time.Millisecond)
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
		}, evidence.Passed, "", ""},
		// CC-FLT-03 is MUST after a 500 (docs/certify-client.md, "Fault drills": an inference from
		// [doc] create-va answering a new confirmId and [live] an OTP spent by its first attempt).
		{"500 on create-va, repeated blindly", "createVa#1=500", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "create-va", createVa, time.Now())
			send(t, base, http.MethodPost, "create-va", createVa, time.Now())
		}, evidence.Failed, "blindly as request #2 after a 500", ""},
		// CC-FLT-06 only warns after a 503: the drill carried nothing out (review 10-15, S6).
		{"503 on create-va, repeated blindly", "createVa#1=503", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "create-va", createVa, time.Now())
			send(t, base, http.MethodPost, "create-va", createVa, time.Now())
		}, "warned", "blindly as request #2 after a 503", ""},
		{"business error taken for a success", "createVa#1=business", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "create-va", createVa, time.Now())
			send(t, base, http.MethodPost, "confirm-va", `{"bankBin":"970448","confirmId":"undefined","otpNumber":"123456"}`, time.Now())
		}, evidence.Passed, "no \"00\" answer gave, after createVa #1 was answered code 1070", "certify-client:request/2/CC-FLT-05"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc, all := drillScenarios(t, tc.plan, func(base string) { tc.moves(t, base) })
			var texts []string
			for _, st := range sc.Steps {
				texts = append(texts, st.Error)
			}
			text := strings.Join(append(texts, sc.Observations...), "\n")
			if got := judged(sc); got != tc.result {
				t.Fatalf("%s, want %s:\n%s", got, tc.result, text)
			}
			if !strings.Contains(text, tc.note) {
				t.Fatalf("want %q in:\n%s", tc.note, text)
			}
			found := tc.failed == ""
			for _, other := range all {
				if other.URI == tc.failed {
					found = true
					if judged(other) != evidence.Failed {
						t.Fatalf("%s is %s, want failed", other.URI, judged(other))
					}
				}
			}
			if !found {
				t.Fatalf("no scenario %s", tc.failed)
			}
		})
	}
}

// A seeded plan is the same plan every time, and its printed form replays it exactly.
func TestSeededPlanReplays(t *testing.T) {
	ops, _ := Operations()
	a, b := SeededPlan(42), SeededPlan(42)
	if a.String() != b.String() || len(a.Faults) != len(kinds) {
		t.Fatalf("seed 42 gave %q then %q", a, b)
	}
	if SeededPlan(43).String() == a.String() {
		t.Errorf("seeds 42 and 43 gave the same plan %q", a)
	}
	replay, err := ParsePlan(a.String(), ops)
	if err != nil || replay.String() != a.String() {
		t.Fatalf("replaying %q: %q, %v", a, replay, err)
	}
	fromSeed, err := ParsePlan("seed:42", ops)
	if err != nil || fromSeed.String() != a.String() || fromSeed.Seed != 42 {
		t.Fatalf("seed:42 gave %q (seed %d), %v", fromSeed, fromSeed.Seed, err)
	}
}
