package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOCBRunAgainstTheEmbeddedMock(t *testing.T) {
	dir := t.TempDir()
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", dir, "--tags", "@OCB-SIG-02,@OCB-TOK-05"); code != exitOK {
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
	} {
		f := newFakeCLI("", nil)
		if code := f.run(append([]string{"run", "--profile", "ocb", "--report-dir", t.TempDir()}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
