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

// drillScenario runs moves against an Observer with plan and returns the first drill's scenario.
func drillScenario(t *testing.T, plan string, moves func(base string)) evidence.Scenario {
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
	for _, sc := range o.Scenarios() {
		if strings.HasPrefix(sc.URI, "certify-client:drill/") {
			return sc
		}
	}
	t.Fatal("no drill scenario")
	return evidence.Scenario{}
}

const paging = `{"skipCount":0,"maxResultCount":10}`

// Each drill's good and bad next moves: the bad ones warn (SHOULD, an inference) or fail (MUST,
// acting on a confirmId no "00" answer gave); the good ones pass without a warning.
func TestDrillsGradeNextMoves(t *testing.T) {
	cases := []struct {
		name, plan string
		moves      func(t *testing.T, base string)
		status     string
		note       string // a warning or a step error the scenario must carry; "" for none
	}{
		{"90, same timestamp re-sent", "getVaPaging#1=90", func(t *testing.T, base string) {
			at := time.Now()
			send(t, base, http.MethodPost, "get-va-paging", paging, at)
			send(t, base, http.MethodPost, "get-va-paging", paging, at)
		}, evidence.Passed, "warning CC-FLT-01"},
		{"90, re-signed", "getVaPaging#1=90", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now().Add(time.Second))
		}, evidence.Passed, ""},
		{"97, looped", "getBanks#1=97", func(t *testing.T, base string) {
			for range 5 {
				send(t, base, http.MethodGet, "get-banks", "", time.Now())
			}
		}, evidence.Passed, "warning CC-FLT-02"},
		{"97, one retry", "getBanks#1=97", func(t *testing.T, base string) {
			send(t, base, http.MethodGet, "get-banks", "", time.Now())
			send(t, base, http.MethodGet, "get-banks", "", time.Now())
		}, evidence.Passed, ""},
		{"503 on a read, retried at once", "getVaPaging#1=503", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
		}, evidence.Passed, "warning CC-FLT-04"},
		{"503 on a read, backed off", "getVaPaging#1=503", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
			time.Sleep(minBackoff + 100*time.Millisecond)
			send(t, base, http.MethodPost, "get-va-paging", paging, time.Now())
		}, evidence.Passed, ""},
		{"business error taken for a success", "createVa#1=business", func(t *testing.T, base string) {
			send(t, base, http.MethodPost, "create-va", `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789"}`, time.Now())
			send(t, base, http.MethodPost, "confirm-va", `{"bankBin":"970448","confirmId":"undefined","otpNumber":"123456"}`, time.Now())
		}, evidence.Failed, "no \"00\" answer gave, after createVa #1 was answered code 1070"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := drillScenario(t, tc.plan, func(base string) { tc.moves(t, base) })
			var texts []string
			for _, st := range sc.Steps {
				texts = append(texts, st.Error)
			}
			all := strings.Join(append(texts, sc.Observations...), "\n")
			if sc.Status != tc.status {
				t.Fatalf("status %s, want %s:\n%s", sc.Status, tc.status, all)
			}
			if tc.note == "" && strings.Contains(all, "warning") {
				t.Fatalf("a good move warned:\n%s", all)
			}
			if !strings.Contains(all, tc.note) {
				t.Fatalf("want %q in:\n%s", tc.note, all)
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
