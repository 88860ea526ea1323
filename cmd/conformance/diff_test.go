package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// The exit codes asserted here are README "Running nightly" (1 on a regression, else 0) and README "CLI reference"
// for bad input (exit 2, one line).

// nightBundle writes a bundle of one scenario checking TG-SIG-01 with the given status.
func nightBundle(t *testing.T, id, status string) string {
	t.Helper()
	s, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
	st := evidence.Step{Keyword: "Then ", Text: "it is accepted", Status: status}
	if status == evidence.Failed {
		st.Error = "got code 97"
	}
	run := evidence.Run{ID: id, Suite: "api", Start: start, End: start.Add(time.Second), Target: "http://127.0.0.1:1", Environment: "mock",
		Scenarios: []evidence.Scenario{{Feature: "F", Name: "signed", URI: "features/f.feature:2", Tags: []string{"@TG-SIG-01", "@uat-safe"},
			Status: status, Steps: []evidence.Step{st}}}}
	dir := filepath.Join(t.TempDir(), id)
	o, err := tingee.Profile().ReportOptions()
	if err != nil {
		t.Fatal(err)
	}
	o.Spec = s
	if err := report.Write(dir, run, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestDiffExitCodes(t *testing.T) {
	pass, fail := nightBundle(t, "night-1", evidence.Passed), nightBundle(t, "night-2", evidence.Failed)

	f := newFakeCLI("", nil)
	if code := f.run("diff", pass, fail); code != exitFail {
		t.Errorf("pass → fail: exit %d, want 1\n%s%s", code, f.out.String(), f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "must-level requirement TG-SIG-01 newly failing") {
		t.Errorf("Markdown does not name the regression:\n%s", f.out.String())
	}

	f = newFakeCLI("", nil)
	if code := f.run("diff", "--format", "json", filepath.Join(fail, "report.json"), pass); code != exitOK {
		t.Errorf("fail → pass: exit %d, want 0: %s", code, f.errOut.String())
	}
	var r struct {
		NewlyPassing []struct{ ID string } `json:"newlyPassing"`
		Regressions  []string              `json:"regressions"`
	}
	if err := json.Unmarshal(f.out.Bytes(), &r); err != nil || len(r.NewlyPassing) != 1 || r.NewlyPassing[0].ID != "TG-SIG-01" || len(r.Regressions) != 0 {
		t.Errorf("JSON %s (err %v): want TG-SIG-01 newly passing, no regression", f.out.String(), err)
	}
}

func TestDiffUsage(t *testing.T) {
	pass := nightBundle(t, "night-1", evidence.Passed)
	for _, args := range [][]string{
		{"diff", pass},
		{"diff", "--format", "xml", pass, pass},
		{"diff", pass, filepath.Join(t.TempDir(), "missing")},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(args...); code != exitUsage || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args[1:], code, f.errOut.String())
		}
	}
}

func TestHistoryWritesOnePageFromManyBundles(t *testing.T) {
	root := t.TempDir()
	for i, status := range []string{evidence.Passed, evidence.Failed, evidence.Passed} {
		dir := nightBundle(t, "night-"+string(rune('1'+i)), status)
		if err := os.Rename(dir, filepath.Join(root, filepath.Base(dir))); err != nil {
			t.Fatal(err)
		}
	}
	// Review of issues 13-14, S13: one unreadable report.json (truncated, or another tool's) aborted the whole
	// page; it is skipped with one line naming it. N6: the count printed is the page's, the same run twice once.
	bad := filepath.Join(root, "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(bad, "report.json"), []byte(`{"run": {"id": "x"`), 0o644)
	if err := os.CopyFS(filepath.Join(root, "again"), os.DirFS(filepath.Join(root, "night-1"))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "history.html")
	f := newFakeCLI("", nil)
	if code := f.run("history", "--out", out, root); code != exitOK || !strings.Contains(f.out.String(), "history: 3 runs") ||
		strings.Count(f.errOut.String(), "\n") != 1 || !strings.Contains(f.errOut.String(), "history: skipped "+filepath.Join(bad, "report.json")) {
		t.Fatalf("exit %d: %s%s", code, f.out.String(), f.errOut.String())
	}
	page, err := os.ReadFile(out)
	if err != nil || strings.Count(string(page), `data-verdict="`) != 3 || !strings.Contains(string(page), `data-verdict="NOT CONFORMANT"`) {
		t.Errorf("the page does not chart the three verdicts (%v)", err)
	}
	f = newFakeCLI("", nil)
	if code := f.run("history", t.TempDir()); code != exitUsage {
		t.Errorf("a directory without bundles: exit %d, want 2", code)
	}
}
