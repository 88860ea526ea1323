package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

// The exit codes asserted here are README "Running nightly" (waived failures pass, an expired entry fails the
// run naming it) and README "CLI reference" exit code 2 (one line naming what is wrong, before the first request).

// brokenBanksMock is the mock except that get-banks always answers an
// envelope where doc 6.1 has a bare array: TG-ENV-02 fails.
func brokenBanksMock(t *testing.T) string {
	t.Helper()
	c := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/get-banks") {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"code":"00","message":"Success","data":null}`))
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Review of issues 13-14, blocker B1: with --baseline the console printed FAILED lines and "exit 1: the
// target broke the contract" while the process exited 0, and "exit 0" for an expired entry that then exited 1.
// The console's verdict and exit lines now come from the judgement the exit code and report.json come from.
func TestRunWithBaseline(t *testing.T) {
	base := brokenBanksMock(t)
	nextYear := time.Now().AddDate(1, 0, 0).Format("2006-01-02")
	cases := []struct {
		name, tags, requirement, expires string
		want                             int
		verdict, console                 string
	}{
		{"live entry waives the failure", "@TG-ENV-02 or @TG-ERR-03", "TG-ENV-02", nextYear, exitOK, report.Conformant, "  WAIVED features/"},
		{"expired entry fails the run", "@TG-ENV-02 or @TG-ERR-03", "TG-ENV-02", "2020-01-31", exitFail, report.NotConformant, "  EXPIRED known deviation: TG-ENV-02"},
		{"an expired entry fails a conformant run", "@TG-ERR-03", "TG-ERR-03", "2020-01-31", exitFail, report.Conformant, "exit 1: 1 known deviation(s) expired"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "report")
			f := newFakeCLI("", mockEnv)
			file := writeFile(t, "known-deviations.yaml", "deviations:\n  - requirement: "+tc.requirement+"\n    reason: UAT wraps the bank list\n"+
				"    reference: TINGEE-1234\n    expires: "+tc.expires+"\n")
			// TG-ERR-03 passes beside the waived failure: a run where nothing passed is INCOMPLETE, waived or not.
			code := f.run("run", "--target", base, "--tags", tc.tags, "--baseline", file, "--report-dir", dir)
			out := f.out.String()
			doc := readReport(t, dir)
			if code != tc.want || doc.Verdict.Result != tc.verdict || !strings.Contains(out, fmt.Sprintf("\nexit %d: ", code)) || !strings.Contains(out, tc.console) ||
				!strings.Contains(out, "\nverdict: "+doc.Verdict.Headline()+"\n") {
				t.Fatalf("exit %d (want %d); the console must say the exit code, the report's verdict %q and %q\n%s%s", code, tc.want, doc.Verdict.Headline(), tc.console, out, f.errOut.String())
			}
			if tc.want == exitOK && strings.Contains(out, "  FAILED ") {
				t.Errorf("a waived failure is shown as FAILED:\n%s", out)
			}
			summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
			if err != nil || !strings.Contains(string(summary), "## Known deviations (known-deviations.yaml, SHA-256 ") {
				t.Errorf("summary.md does not record the baseline (%v)", err)
			}
		})
	}
	f := newFakeCLI("", mockEnv)
	if code := f.run("run", "--target", base, "--tags", "@TG-ENV-02", "--report-dir", t.TempDir()); code != exitFail {
		t.Errorf("without the baseline: exit %d, want 1", code)
	}
}

func TestRunRefusesABadBaselineBeforeTheRun(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "deviations:\n  - requirement: TG-ENV-02\n    reason: r\n    reference: x\n    expires: soon\n")
	for _, args := range [][]string{
		{"run", "--baseline", bad},
		{"run", "--baseline", filepath.Join(t.TempDir(), "missing.yaml")},
		{"run", "--rerun-failed", "-1"},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(args...); code != exitUsage || strings.Count(f.errOut.String(), "\n") != 1 || f.out.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q: want 2, one line, before the run", args[1:], code, f.out.String(), f.errOut.String())
		}
	}
}

// readReport reads the report.json of the bundle in dir.
func readReport(t *testing.T, dir string) report.Document {
	t.Helper()
	var doc report.Document
	data, err := os.ReadFile(filepath.Join(dir, report.FileJSON))
	if err == nil {
		err = json.Unmarshal(data, &doc)
	}
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A misspelt key, an unknown requirement, one with its @, a file not in the
// suite and a line no scenario or row starts on are each refused before the
// run, one line naming file, line and field, never a Go type name; the
// example file and an outline row's address are accepted (review-13-14 S6,
// S7, S8).
func TestBaselineNamesAreCheckedAgainstTheSuite(t *testing.T) {
	entry := func(line string) string {
		return "deviations:\n  - " + line + "\n    reason: r\n    reference: x\n    expires: 2099-01-01\n"
	}
	for src, want := range map[string]string{
		"deviations:\n  - requirement: TG-SIG-01\n    reasn: r\n    reference: x\n    expires: 2099-01-01\n": `line 3: unknown field "reasn" in an entry`,
		entry("requirement: TG-SIG-99"):                     "line 2: deviations, item 1, requirement: TG-SIG-99 is not a requirement of the suite",
		entry(`requirement: "@TG-SIG-01"`):                  "without its @ (TG-SIG-01)",
		entry("scenario: features/nosuch.feature:3"):        "line 2: deviations, item 1, scenario: features/nosuch.feature:3: no such feature file",
		entry("scenario: features/error-shapes.feature:16"): "no scenario or example row starts on line 16",
	} {
		path := writeFile(t, "bl.yaml", src)
		f := newFakeCLI("", nil)
		code := f.run("run", "--baseline", path)
		msg := f.errOut.String()
		if code != exitUsage || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, path) || !strings.Contains(msg, want) || strings.Contains(msg, "baseline.Entry") {
			t.Errorf("%q: exit %d, stderr %q; want one line with %q", src, code, msg, want)
		}
	}
	for _, path := range []string{"../../examples/ci/known-deviations.example.yaml", writeFile(t, "row.yaml", entry("scenario: features/signing.feature:22"))} {
		n := &nightlyFlags{baselinePath: path}
		if err := n.check(tingee.Profile().Features); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}
