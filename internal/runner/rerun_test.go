package runner

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

// The rules asserted here are README "Running nightly": only @uat-safe scenarios run again, never a write; one
// that passes on a rerun is flaky, with every attempt kept.

// glitchyMock is the mock, except that its first `bad` get-banks answers are
// a success envelope where the doc (6.1) has a bare array: a contract break
// that is not retried, as a flaky gateway might send.
func glitchyMock(t *testing.T, bad int64) (url string, calls *atomic.Int64) {
	t.Helper()
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	calls = &atomic.Int64{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/get-banks") && calls.Add(1) <= bad {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"code":"00","message":"Success","data":null}`))
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, calls
}

func TestRerunMarksFlaky(t *testing.T) {
	url, _ := glitchyMock(t, 2) // the credentials probe's get-banks, then the scenario's first attempt
	var out bytes.Buffer
	o := options(url, EnvURL, "@TG-ENV-02", &out)
	o.RerunFailed = 2
	run, code := Run(context.Background(), o)
	if code != ExitOK {
		t.Fatalf("exit %d, want 0 once the rerun passed\n%s", code, out.String())
	}
	sc := run.Scenarios[0]
	if len(run.Scenarios) != 1 || !sc.Flaky() || len(sc.Attempts) != 1 || sc.Attempts[0].Status != evidence.Failed {
		t.Fatalf("scenario %s with %d attempts: want passed after one failed attempt", sc.Status, len(sc.Attempts))
	}
	if !strings.Contains(out.String(), "rerun 1 of 2: 1 failed @uat-safe scenario(s)") || strings.Contains(out.String(), "rerun 2 of 2") ||
		!strings.Contains(out.String(), "rerun: 1 flaky (passed when run again): features/envelope.feature:16; 0 broken") {
		t.Errorf("output does not show exactly one rerun:\n%s", out.String())
	}
}

func TestRerunLeavesBrokenFailed(t *testing.T) {
	url, calls := glitchyMock(t, 1000)
	var out bytes.Buffer
	o := options(url, EnvURL, "@TG-ENV-02", &out)
	o.RerunFailed = 2
	run, code := Run(context.Background(), o)
	sc := run.Scenarios[0]
	if code != ExitFail || sc.Status != evidence.Failed || sc.Flaky() || len(sc.Attempts) != 2 {
		t.Fatalf("exit %d, scenario %s with %d earlier attempts: want 1, failed, 2", code, sc.Status, len(sc.Attempts))
	}
	if calls.Load() != 4 {
		t.Errorf("get-banks called %d times, want 4 (the credentials probe, then one per attempt)", calls.Load())
	}
}

func TestRerunNeverRepeatsAWrite(t *testing.T) {
	for _, sc := range []evidence.Scenario{
		{Status: evidence.Failed, Tags: []string{"@TG-LINK-01"}},
		{Status: evidence.Failed, Tags: []string{"@uat-safe", TagDestructive}},
		{Status: evidence.Failed, Tags: []string{"@uat-safe", TagNeedsOTP}},
		{Status: evidence.Passed, Tags: []string{"@uat-safe"}},
	} {
		if rerunnable(sc) {
			t.Errorf("%s %v would run again", sc.Status, sc.Tags)
		}
	}
	if !rerunnable(evidence.Scenario{Status: evidence.Failed, Tags: []string{"@TG-SIG-01", "@uat-safe"}}) {
		t.Error("a failed @uat-safe scenario would not run again")
	}
}
