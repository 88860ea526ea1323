package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/ocb/mock"
)

func TestOCBRunAgainstTheEmbeddedMock(t *testing.T) {
	dir := t.TempDir()
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", dir, "--tags", "@OCB-SIG-02,@OCB-SIG-04,@OCB-TOK-05"); code != exitOK {
		t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "12 scenarios: 12 passed") {
		t.Errorf("stdout %s", f.out.String())
	}
	summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
	if err != nil || !strings.Contains(string(summary), "| passed | must | obs |") {
		t.Errorf("summary: %v %s", err, summary)
	}
}

func TestOCBRunBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"--target", "live"},
		{"--target", "ftp://x"},
		{"--format", "json"},
		{"--target", "sandbox"}, // no credentials
		{"--tags", "@no-such-tag"},
		{"--tags", "@must and ("},
		{"--target", "http://127.0.0.1:1"}, // a URL is not a mock: all six credentials (review finding S1)
	} {
		f := newFakeCLI("", nil)
		if code := f.run(append([]string{"run", "--profile", "ocb", "--report-dir", t.TempDir()}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// --tags against a URL: the expression goes through internal/tagexpr (review
// finding S2; before, "(@must) && ~@mock-only" matched nothing).
func TestOCBRunTagsAgainstAURL(t *testing.T) {
	srv := httptest.NewServer(mock.New(mock.Config{}))
	defer srv.Close()
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", t.TempDir(), "--target", srv.URL, "--mock-app", "--tags", "@must"); code != exitOK {
		t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
	}
	if strings.Contains(f.out.String(), " 0 scenarios") {
		t.Errorf("stdout %s", f.out.String())
	}
}
