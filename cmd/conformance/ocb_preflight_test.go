package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Exit codes of the preflight: 0 all checkable steps pass, 1 one fails, 2 bad input, 3 unreachable.
func TestOCBPreflightExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{"the test app out of the box", nil, nil, exitOK},
		{"rehearsed: unapproved", []string{"--unapproved"}, nil, exitFail},
		{"bad --lang", []string{"--lang", "fr"}, nil, exitUsage},
		{"rehearsal flag against a URL", []string{"--target", "http://127.0.0.1:1", "--unapproved"}, nil, exitUsage},
		{"sandbox without credentials", []string{"--target", "sandbox"}, nil, exitUsage},
		{"unreachable", []string{"--target", "http://127.0.0.1:1"}, nil, exitUnreachable},
	}
	for _, c := range cases {
		dir := t.TempDir()
		f := newFakeCLI("", c.env)
		args := append([]string{"preflight", "--profile", "ocb", "--report-dir", dir}, c.args...)
		if code := f.run(args...); code != c.want {
			t.Errorf("%s: exit %d, want %d; stderr %s", c.name, code, c.want, f.errOut.String())
		}
		if c.want == exitUsage && strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%s: stderr %q, want one line", c.name, f.errOut.String())
		}
		if c.want <= exitFail {
			summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
			if err != nil || !strings.Contains(string(summary), "step 6") {
				t.Errorf("%s: bundle summary: %v", c.name, err)
			}
		}
	}
}

func TestPreflightIsOCBOnly(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("preflight"); code != exitUsage || !strings.Contains(f.errOut.String(), "--profile ocb") {
		t.Errorf("exit %d, stderr %q", code, f.errOut.String())
	}
}
