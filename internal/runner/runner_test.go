package runner

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
)

func mockURL(t *testing.T) string {
	t.Helper()
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// options run Tingee's suite, without fixtures or OTPs.
func options(base, env, tags string, out *bytes.Buffer) Options {
	sp, err := contract.Load()
	if err != nil {
		panic(err)
	}
	return Options{BaseURL: base, Environment: env, Signer: hmacsign.Signer{Credentials: auth.Mock()}, ClientID: auth.MockClientID,
		Suite: suite.API(nil, nil), Spec: sp, Features: harness.Features, Tags: tags, Out: out, Timeout: 5 * time.Second}
}

func TestRunPassesAgainstTheMock(t *testing.T) {
	var out bytes.Buffer
	run, code := Run(context.Background(), options(mockURL(t), EnvMock, "@TG-SIG-01", &out))
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	if len(run.Scenarios) == 0 || run.Seed == 0 || run.ClockSkew == nil {
		t.Fatalf("run %d scenarios, seed %d, skew %v", len(run.Scenarios), run.Seed, run.ClockSkew)
	}
	for _, s := range run.Scenarios {
		if s.Status != evidence.Passed || len(s.Steps) != 3 || len(s.Steps[1].Exchanges) != 1 || s.Steps[1].Keyword != "When " ||
			s.Feature != "Request signing" || !strings.Contains(s.URI, "features/signing.feature:") {
			t.Fatalf("scenario %+v", s)
		}
	}
	if !strings.Contains(out.String(), "exit 0") || !strings.Contains(out.String(), "seed") {
		t.Fatalf("summary:\n%s", out.String())
	}
}

func TestLiveIsRefusedWithoutAllowLive(t *testing.T) {
	var out bytes.Buffer
	_, code := Run(context.Background(), options("http://127.0.0.1:1", EnvLive, "", &out))
	if code != ExitConfig || !strings.Contains(out.String(), "--allow-live") {
		t.Fatalf("exit %d: %s", code, out.String())
	}
}

// TestLiveRunsOnlyUATSafe asks a live run for destructive, OTP and mock-only
// scenarios in every way a tag expression can: none of them ever runs.
func TestLiveRunsOnlyUATSafe(t *testing.T) {
	base := mockURL(t)
	for _, tags := range []string{"", "@destructive", "@needs-otp", "@mock-only", "~@uat-safe", "@TG-LINK-01",
		"@TG-SIG-01,@destructive,@needs-otp", "@destructive || @uat-safe", "not @uat-safe", "@bank-link,@transactions,@qr"} {
		var out bytes.Buffer
		o := options(base, EnvLive, tags, &out)
		o.AllowLive = true
		run, code := Run(context.Background(), o)
		if code != ExitOK && code != ExitConfig {
			t.Fatalf("--tags %q: exit %d\n%s", tags, code, out.String())
		}
		for _, s := range run.Scenarios {
			if !slices.Contains(s.Tags, TagUATSafe) || slices.ContainsFunc(s.Tags, func(tag string) bool {
				return tag == TagDestructive || tag == TagNeedsOTP || tag == TagMockOnly
			}) {
				t.Fatalf("--tags %q: live ran %q with tags %v", tags, s.Name, s.Tags)
			}
		}
		if tags == "" && len(run.Scenarios) == 0 {
			t.Fatalf("a live run without --tags ran nothing\n%s", out.String())
		}
	}
}

func TestGateEnforcesLiveWhateverTheTags(t *testing.T) {
	g := gate(context.Background(), &probe{threshold: 5}, EnvLive, nil)
	for _, tags := range [][]string{{TagUATSafe, TagDestructive}, {TagUATSafe, TagNeedsOTP}, {"@TG-SIG-01"}} {
		if g(context.Background(), tags) == nil {
			t.Fatalf("live gate let %v through", tags)
		}
	}
	if err := g(context.Background(), []string{TagUATSafe}); err != nil {
		t.Fatal(err)
	}
}

func TestUnreachableTargetExits3(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	var out bytes.Buffer
	run, code := Run(context.Background(), options(dead.URL, EnvURL, "@TG-SIG-01", &out))
	if code != ExitUnreachable {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	if len(run.NotRun) == 0 {
		t.Fatal("an outage should keep the remaining scenarios from running")
	}
}

func TestInterruptStopsTheRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	run, code := Run(ctx, options(mockURL(t), EnvMock, "@TG-SIG-01", &out))
	if !run.Interrupted || len(run.NotRun) == 0 || len(run.Scenarios) != 0 || code != ExitFail {
		t.Fatalf("interrupted %v, not run %d, ran %d, exit %d", run.Interrupted, len(run.NotRun), len(run.Scenarios), code)
	}
	if !strings.Contains(out.String(), "exit 1: interrupted") || !strings.Contains(out.String(), "NOT RUN") {
		t.Fatalf("summary:\n%s", out.String())
	}
}

func TestTagsMatchingNothingIsAConfigError(t *testing.T) {
	var out bytes.Buffer
	if _, code := Run(context.Background(), options(mockURL(t), EnvMock, "@no-such-tag", &out)); code != ExitConfig || !strings.Contains(out.String(), "matched no scenario") {
		t.Fatalf("exit %d: %s", code, out.String())
	}
}

func TestBadFormatIsAConfigError(t *testing.T) {
	var out bytes.Buffer
	o := options("http://127.0.0.1:1", EnvMock, "", &out)
	o.Format = "json"
	if _, code := Run(context.Background(), o); code != ExitConfig {
		t.Fatalf("exit %d", code)
	}
}

// TestMissingFixturesSkipWithReason: without triggers or accounts, what needs
// them is skipped with the reason, and a skip is never counted as a pass: a
// run where everything was skipped is not exit 0, and a run that passed
// something says how many it skipped.
func TestMissingFixturesSkipWithReason(t *testing.T) {
	base := mockURL(t)
	var out bytes.Buffer
	o := options(base, EnvURL, "@TG-ERR-05,@TG-LINK-01", &out)
	run, code := Run(context.Background(), o)
	if code != ExitConfig || len(run.Scenarios) != 5 {
		t.Fatalf("exit %d, %d scenarios; want exit 2 for 5 scenarios all skipped\n%s", code, len(run.Scenarios), out.String())
	}
	for _, s := range run.Scenarios {
		if s.Status != evidence.Skipped || !strings.Contains(s.SkipReason, "fixtures") {
			t.Fatalf("%s: status %s, reason %q", s.Name, s.Status, s.SkipReason)
		}
	}
	if !strings.Contains(out.String(), "0 passed, 0 failed, 5 skipped") || !strings.Contains(out.String(), "SKIPPED") ||
		!strings.Contains(out.String(), "exit 2: nothing passed") {
		t.Fatalf("summary:\n%s", out.String())
	}

	out.Reset()
	o = options(base, EnvURL, "@TG-ERR-05,@TG-ENV-01", &out)
	if _, code := Run(context.Background(), o); code != ExitOK || !strings.Contains(out.String(), "1 passed, 0 failed, 3 skipped") ||
		!strings.Contains(out.String(), "exit 0: every scenario that ran passed; 3 skipped, not passed") {
		t.Fatalf("exit %d; summary:\n%s", code, out.String())
	}
}

// TestReadsAreRetriedInARun: a get-va-paging whose first connection drops is
// sent again, the run passes, and the retry is in the evidence and the summary.
func TestReadsAreRetriedInARun(t *testing.T) {
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	var dropped atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/get-va-paging" && !dropped.Swap(true) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	var out bytes.Buffer
	run, code := Run(context.Background(), options(srv.URL, EnvURL, "@TG-ENV-01", &out))
	if code != ExitOK || len(run.Scenarios) != 1 {
		t.Fatalf("exit %d, %d scenarios\n%s", code, len(run.Scenarios), out.String())
	}
	if x := run.Scenarios[0].Steps[1].Exchanges[0]; x.Retries != 1 || x.TransportError != "" {
		t.Fatalf("exchange retries %d, error %q; want one retry, then the answer", x.Retries, x.TransportError)
	}
	if !strings.Contains(out.String(), "retries: 1") {
		t.Fatalf("the summary does not show the retry:\n%s", out.String())
	}
}
