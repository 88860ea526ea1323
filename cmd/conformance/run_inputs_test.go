package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
)

// A second run into a --report-dir that holds a bundle is refused before
// anything is sent (exit 2, one line): it used to replace the first bundle
// silently (review-13-14 S14).
func TestReportDirWithABundleIsRefused(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits++ }))
	defer srv.Close()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "report.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := newFakeCLI("", mockEnv)
	code := f.run("run", "--target", srv.URL, "--tags", "@TG-SIG-01", "--report-dir", dir)
	if code != exitUsage || hits != 0 || strings.Count(f.errOut.String(), "\n") != 1 || !strings.Contains(f.errOut.String(), dir+" already holds a report bundle") {
		t.Fatalf("exit %d, %d requests, stderr %q", code, hits, f.errOut.String())
	}
}

// --dry-run writes nothing, not even the report folder (review-13-14 N3);
// a password in --target is never printed (N8); a trailing "/" alone draws
// no "/v1 taken off" note (review-10-15 N3).
func TestDryRunCreatesNothingAndHidesThePassword(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "reports", "night")
	withPassword := strings.Replace(srv.URL, "http://", "http://user:pw-never-shown@", 1)
	for _, target := range []string{withPassword + "/v1/", srv.URL + "/"} {
		f := newFakeCLI("", mockEnv)
		code := f.run("run", "--dry-run", "--target", target, "--tags", "@TG-SIG-01", "--report-dir", dir)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s%s", target, code, f.out.String(), f.errOut.String())
		}
		if _, err := os.Stat(filepath.Dir(dir)); !os.IsNotExist(err) {
			t.Errorf("%s: the dry run made the report folder: %v", target, err)
		}
		all := f.out.String() + f.errOut.String()
		if strings.Contains(all, "pw-never-shown") {
			t.Errorf("the password was printed:\n%s", all)
		}
		if note := strings.Contains(f.errOut.String(), "note: --target"); note != (target == withPassword+"/v1/") {
			t.Errorf("%s: note printed %v:\n%s", target, note, f.errOut.String())
		}
	}
}

// A run against a URL with a password keeps it out of the console and the
// bundle (review-13-14 N8).
func TestPasswordInTargetIsNeverRecorded(t *testing.T) {
	fx, err := loadFixtures("", runner.EnvURL)
	if err != nil {
		t.Fatal(err)
	}
	stop, base, err := startMock(auth.Mock(), fx)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	dir := filepath.Join(t.TempDir(), "r")
	f := newFakeCLI("", mockEnv)
	f.run("run", "--target", strings.Replace(base, "http://", "http://user:pw-never-shown@", 1), "--tags", "@TG-SIG-13", "--report-dir", dir)
	if strings.Contains(f.out.String()+f.errOut.String(), "pw-never-shown") {
		t.Errorf("the console shows the password:\n%s%s", f.out.String(), f.errOut.String())
	}
	files, _ := os.ReadDir(dir)
	if len(files) == 0 {
		t.Fatalf("no bundle:\n%s%s", f.out.String(), f.errOut.String())
	}
	for _, e := range files {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if strings.Contains(string(b), "pw-never-shown") {
			t.Errorf("%s holds the password", e.Name())
		}
	}
}

// --list that matches nothing says why, on one line (review-13-14 N2).
func TestListMatchingNothingSaysWhy(t *testing.T) {
	for _, args := range [][]string{{"--tags", "@nosuch"}, {"features/webhook-receiver.feature"}} {
		f := newFakeCLI("", nil)
		code := f.run(append([]string{"run", "--list"}, args...)...)
		msg := f.errOut.String()
		if code != exitUsage || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, args[len(args)-1]) || !strings.Contains(msg, "matched no scenario of run's suite") {
			t.Errorf("%v: exit %d, stderr %q", args, code, msg)
		}
	}
}
