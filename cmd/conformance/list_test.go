package main

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/report"
)

// --list prints every scenario the tags and paths select, one per line with
// its tags, and a count; Cucumber's syntax narrows it like godog's.
func TestRunList(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("run", "--list"); code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	all := strings.Count(f.out.String(), "\n") - 1
	if all < 100 || !strings.Contains(f.out.String(), strconv.Itoa(all)+" scenarios") || !strings.Contains(f.out.String(), "@TG-SIG-01") {
		t.Fatalf("list of %d:\n%s", all, lastLine(f.out.String()))
	}
	f = newFakeCLI("", nil)
	f.run("run", "--list", "--tags", "@TG-SIG-01 and not @destructive")
	lines := strings.Split(strings.TrimSpace(f.out.String()), "\n")
	for _, l := range lines[:len(lines)-1] {
		if !strings.Contains(l, "@TG-SIG-01") || strings.Contains(l, "@destructive") || !strings.HasPrefix(l, "features/signing.feature:") {
			t.Errorf("listed %q", l)
		}
	}
	if len(lines) < 2 {
		t.Errorf("nothing listed: %q", f.out.String())
	}
}

// features/FILE.feature:LINE runs the scenario that starts there (godog's
// rule), with flags before or after it; a line no scenario starts on is
// refused naming those that do.
func TestRunByFileAndLine(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("run", "features/signing.feature:1"); code != exitUsage || f.out.String() != "" {
		t.Fatalf("line 1: exit %d: %q %q", code, f.out.String(), f.errOut.String())
	}
	first := regexp.MustCompile(`no scenario or example row starts on line 1 of features/signing.feature \(scenarios start on lines (\d+)`).FindStringSubmatch(f.errOut.String())
	if first == nil {
		t.Fatalf("the refusal does not name where scenarios start: %q", f.errOut.String())
	}
	f = newFakeCLI("", nil)
	path := "features/signing.feature:" + first[1]
	code := f.run("run", path, "--seed", "3", "--report-dir", t.TempDir())
	if code != exitOK || !regexp.MustCompile(`\d+ scenarios: \d+ passed, 0 failed`).MatchString(f.out.String()) {
		t.Fatalf("exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}
	ran := regexp.MustCompile(`(?m)^\s+\d+ (?:passed|failed|skipped|no-answer)\s+(\S+)`).FindAllStringSubmatch(f.out.String(), -1)
	if len(ran) == 0 {
		t.Fatalf("no scenario ran:\n%s", f.out.String())
	}
	for _, l := range ran {
		if !strings.HasPrefix(l[1], "features/signing.feature:") {
			t.Errorf("ran %s", l[1])
		}
	}
}

// --dry-run checks everything and lists what would run, sending nothing.
func TestRunDryRun(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits++ }))
	defer srv.Close()
	f := newFakeCLI("", mockEnv)
	code := f.run("run", "--dry-run", "--target", srv.URL, "--tags", "@TG-SIG-01", "--report-dir", t.TempDir())
	if code != exitOK || hits != 0 || !strings.Contains(lastLine(f.out.String()), "scenarios would run against "+srv.URL) {
		t.Fatalf("exit %d, %d requests\n%s%s", code, hits, f.out.String(), f.errOut.String())
	}
	f = newFakeCLI("", mockEnv)
	if code := f.run("run", "--dry-run", "--tags", "@x &&"); code != exitUsage {
		t.Errorf("a dry run with bad tags: exit %d", code)
	}
}

// --fail-fast stops at the first failure that fails the run; the rest are listed as not run
// (review of issues 13-14, B2: the bundle gave "notRun: 0" for a run cut short).
func TestRunFailFast(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"00","message":"ok","data":null}`))
	}))
	defer srv.Close()
	f := newFakeCLI("", mockEnv)
	dir := t.TempDir()
	code := f.run("run", "--target", srv.URL, "--fail-fast", "--report-dir", dir)
	out := f.out.String()
	if code != exitFail || !strings.Contains(out, "fail-fast: stopped at the first failure that fails the run") || len(regexp.MustCompile(`(?m)^\s+\d+ failed `).FindAllString(out, -1)) != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, f.errOut.String())
	}
	if doc := readReport(t, dir); doc.Verdict.Result != report.NotConformant || doc.Counts.Scenarios.NotRun == 0 || len(doc.Run.NotRun) != doc.Counts.Scenarios.NotRun {
		t.Errorf("verdict %s, %d not run (%d listed): the bundle must say the run was cut short", doc.Verdict.Result, doc.Counts.Scenarios.NotRun, len(doc.Run.NotRun))
	}
}

// An example row's line — the address the console, --list, the report and
// the baseline print — runs that row alone (Cucumber's rule; godog v0.15
// selects by the outline's line only, so the runner narrows to the row)
// (review-13-14 S8).
func TestRunByExampleRowLine(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("features/signing.feature:23", "--list"); code != exitOK {
		t.Fatalf("--list of a row: exit %d: %s", code, f.errOut.String())
	}
	if lines := strings.Split(strings.TrimSpace(f.out.String()), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "features/signing.feature:23 ") {
		t.Fatalf("--list of a row listed:\n%s", f.out.String())
	}
	f = newFakeCLI("", nil)
	code := f.run("run", "features/signing.feature:23", "--seed", "3", "--report-dir", t.TempDir())
	ran := regexp.MustCompile(`(?m)^\s+\d+ (?:passed|failed|skipped|no-answer)\s+(\S+)`).FindAllStringSubmatch(f.out.String(), -1)
	if code != exitOK || len(ran) != 1 || ran[0][1] != "features/signing.feature:23" || !strings.Contains(f.out.String(), "1 scenarios: 1 passed") {
		t.Fatalf("exit %d, ran %v\n%s%s", code, ran, f.out.String(), f.errOut.String())
	}
}
