package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
)

// OCB's run takes Tingee's --list, --dry-run, --fail-fast, --baseline and
// --rerun-failed (issue 12, item 4: the same report bundle, verdicts and exit
// codes as Tingee's; README "Running nightly" and "CLI reference").

// lenientOCB is the OCB mock except that it accepts every signed resource
// call, whatever its X-Signature: the @must OCB-SIG-02 rows (@uat-safe) fail,
// as in profiles/ocb/suite's TestSuiteCatchesALenientTarget. With
// grantsAnyPassword it also grants a token for a wrong password: OCB-TOK-03's
// row that is not @uat-safe fails too (RFC 6749 §5.2: invalid_grant).
func lenientOCB(t *testing.T, grantsAnyPassword bool) string {
	t.Helper()
	m := mock.New(mock.Config{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/") && r.Header.Get("X-IBM-Client-Id") != "" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"trace":{"clientTransId":"x","bankRefNo":"1"},"data":{}}`))
			return
		}
		if grantsAnyPassword && r.URL.Path == mock.TokenPath && r.ParseForm() == nil && r.PostForm.Get("password") == "not-the-password" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"access_token":"granted-anyway","token_type":"Bearer","expires_in":3600}`))
			return
		}
		m.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// --list prints OCB's scenarios, each with its level and source, and a count.
func TestOCBRunList(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--list", "--tags", "@OCB-TOK-01,@OCB-SIG-03"); code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(f.out.String()), "\n")
	want := map[string]*regexp.Regexp{
		"@OCB-TOK-01": regexp.MustCompile(`^features/token\.feature:\d+ +must +src-obs .*@OCB-TOK-01`),
		"@OCB-SIG-03": regexp.MustCompile(`^features/signature\.feature:\d+ +should +src-unconfirmed .*@OCB-SIG-03`),
	}
	if len(lines) != 3 || lines[2] != "2 scenarios (columns: where, level, sources, feature: name, tags)" {
		t.Fatalf("listed:\n%s", f.out.String())
	}
	for _, l := range lines[:2] {
		for tag, re := range want {
			if strings.Contains(l, tag+" ") || strings.HasSuffix(l, tag) {
				if !re.MatchString(l) {
					t.Errorf("%s listed as %q", tag, l)
				}
				delete(want, tag)
			}
		}
	}
	if len(want) != 0 {
		t.Errorf("not listed: %v\n%s", want, f.out.String())
	}
	if strings.Contains(f.out.String(), "@TG-") {
		t.Error("Tingee's scenarios in OCB's list")
	}
}

// --dry-run checks everything, lists what would run, sends nothing and
// writes no bundle.
func TestOCBRunDryRun(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	code := f.run("run", "--profile", "ocb", "--dry-run", "--target", srv.URL, "--mock-app", "--tags", "@must", "--report-dir", dir)
	if code != exitOK || hits.Load() != 0 || !regexp.MustCompile(`dry run: \d+ scenarios would run against `+regexp.QuoteMeta(srv.URL)).MatchString(lastLine(f.out.String())) {
		t.Fatalf("exit %d, %d requests\n%s%s", code, hits.Load(), f.out.String(), f.errOut.String())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a dry run made the report folder (%v)", err)
	}
	f = newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--dry-run", "--target", "sandbox"); code != exitUsage || hits.Load() != 0 {
		t.Errorf("a dry run without credentials: exit %d, want 2", code)
	}
}

// --fail-fast stops at the first must failure; the rest are not run, and the
// bundle says so.
func TestOCBRunFailFast(t *testing.T) {
	base := lenientOCB(t, false)
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	code := f.run("run", "--profile", "ocb", "--target", base, "--mock-app", "--tags", "@OCB-SIG-02,@OCB-TOK-01", "--fail-fast", "--report-dir", dir)
	out := f.out.String()
	if code != exitFail || !strings.Contains(out, "fail-fast: stopped at the first failure that fails the run") || len(regexp.MustCompile(`(?m)^\s+\d+ failed `).FindAllString(out, -1)) != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, f.errOut.String())
	}
	if doc := readReport(t, dir); doc.Verdict.Result != report.NotConformant || doc.Counts.Scenarios.NotRun < 4 || len(doc.Run.NotRun) != doc.Counts.Scenarios.NotRun {
		t.Errorf("verdict %s, %d not run (%d listed): four OCB-SIG-02 rows at least were never run", doc.Verdict.Result, doc.Counts.Scenarios.NotRun, len(doc.Run.NotRun))
	}
}

// --baseline waives an OCB failure it names (exit 0, WAIVED) and refuses,
// in one line before the run, a requirement OCB's suite does not have
// (Tingee's included).
func TestOCBRunBaseline(t *testing.T) {
	base := lenientOCB(t, false)
	entry := func(requirement string) string {
		return "deviations:\n  - requirement: " + requirement + "\n    reason: the sandbox accepts any signature\n    reference: OCB-1\n    expires: " +
			time.Now().AddDate(1, 0, 0).Format("2006-01-02") + "\n"
	}
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	code := f.run("run", "--profile", "ocb", "--target", base, "--mock-app", "--tags", "@OCB-SIG-02,@OCB-TOK-01", "--baseline", writeFile(t, "known.yaml", entry("OCB-SIG-02")), "--report-dir", dir)
	out := f.out.String()
	if doc := readReport(t, dir); code != exitOK || doc.Verdict.Result != report.Conformant || !strings.Contains(out, "  WAIVED features/signature.feature:") || strings.Contains(out, "  FAILED ") {
		t.Fatalf("exit %d, verdict %s; want 0, CONFORMANT, the failures WAIVED\n%s%s", code, doc.Verdict.Result, out, f.errOut.String())
	}
	f = newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--target", base, "--mock-app", "--tags", "@OCB-SIG-02", "--report-dir", t.TempDir()); code != exitFail {
		t.Errorf("without the baseline: exit %d, want 1", code)
	}
	for _, id := range []string{"OCB-SIG-99", "TG-SIG-01"} {
		var hits atomic.Int32
		srv := counting(&hits)
		path := writeFile(t, "bad.yaml", entry(id))
		f := newFakeCLI("", nil)
		code := f.run("run", "--profile", "ocb", "--target", srv.URL, "--mock-app", "--baseline", path, "--report-dir", t.TempDir())
		msg := f.errOut.String()
		if code != exitUsage || strings.Count(msg, "\n") != 1 || f.out.Len() != 0 || hits.Load() != 0 || !strings.Contains(msg, path) ||
			!strings.Contains(msg, id+" is not a requirement of the suite") {
			t.Errorf("%s: exit %d, %d requests, stdout %q, stderr %q; want 2, one line naming it, before the run", id, code, hits.Load(), f.out.String(), msg)
		}
		srv.Close()
	}
}

// counting answers 500 to everything and counts the requests.
func counting(n *atomic.Int32) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
}

// --rerun-failed runs again only the failed @uat-safe scenarios: the five
// OCB-SIG-02 rows, not OCB-TOK-03's wrong-password row (not @uat-safe: a
// wrong password may count towards locking the API user).
func TestOCBRunRerunFailed(t *testing.T) {
	base := lenientOCB(t, true)
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	code := f.run("run", "--profile", "ocb", "--target", base, "--mock-app", "--tags", "@OCB-SIG-02,@OCB-TOK-03", "--rerun-failed", "1", "--report-dir", dir)
	out := f.out.String()
	if code != exitFail || !strings.Contains(out, "rerun 1 of 1: 5 failed @uat-safe scenario(s)") {
		t.Fatalf("exit %d; want 1 and the five OCB-SIG-02 rows rerun\n%s%s", code, out, f.errOut.String())
	}
	if !regexp.MustCompile(`(?m)^\s+\d+ failed\s+features/token\.feature:`).MatchString(out) {
		t.Errorf("the wrong-password row did not fail: the test shows nothing\n%s", out)
	}
	f = newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--rerun-failed", "-1"); code != exitUsage || strings.Count(f.errOut.String(), "\n") != 1 {
		t.Errorf("--rerun-failed -1: exit %d, stderr %q", code, f.errOut.String())
	}
}
