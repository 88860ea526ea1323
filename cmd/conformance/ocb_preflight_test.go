package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
)

// Exit codes of the preflight: 0 no step fails, 1 one fails, 2 unusable input
// (before any request), 3 unreachable (bundle written).
func TestOCBPreflightExitCodes(t *testing.T) {
	srv := httptest.NewServer(mock.New(mock.Config{})) // a standalone OCB mock
	defer srv.Close()
	keysOnly := map[string]string{creds.EnvClientID: mock.TestApp().ClientID, creds.EnvClientSecret: mock.TestApp().ClientSecret}
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
		// Review finding B2: the two keys alone are enough input (the API user arrives at step 9).
		{"only the two keys", []string{"--target", srv.URL}, keysOnly, exitOK},
		// Review finding S1: a URL is not a mock unless marked, and is never sent the mock's test secret.
		{"a URL with no credentials", []string{"--target", srv.URL}, nil, exitUsage},
		{"a standalone mock marked --mock-app", []string{"--target", srv.URL, "--mock-app"}, nil, exitOK},
		{"--mock-app with sandbox", []string{"--target", "sandbox", "--mock-app"}, keysOnly, exitUsage},
		// Review finding N4: live needs --allow-live, as run does.
		{"live without --allow-live", []string{"--target", "live"}, keysOnly, exitUsage},
		// Review finding N3: unreachable still writes the bundle.
		{"unreachable", []string{"--target", "http://127.0.0.1:1", "--mock-app"}, nil, exitUnreachable},
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
		if c.want != exitUsage {
			summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
			if err != nil || !strings.Contains(string(summary), "step 6") {
				t.Errorf("%s: bundle summary: %v", c.name, err)
			}
		}
	}
}

// A URL target without credentials names what is missing and sends nothing.
func TestOCBPreflightURLNamesMissingKeys(t *testing.T) {
	f := newFakeCLI("", map[string]string{creds.EnvClientID: mock.TestApp().ClientID})
	code := f.run("preflight", "--profile", "ocb", "--report-dir", t.TempDir(), "--target", "http://127.0.0.1:1")
	if code != exitUsage || !strings.Contains(f.errOut.String(), creds.EnvClientSecret) || strings.Contains(f.errOut.String(), creds.EnvUsername) {
		t.Errorf("exit %d, stderr %q: want 2 naming only %s", code, f.errOut.String(), creds.EnvClientSecret)
	}
}

func TestPreflightIsOCBOnly(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("preflight"); code != exitUsage || !strings.Contains(f.errOut.String(), "--profile ocb") {
		t.Errorf("exit %d, stderr %q", code, f.errOut.String())
	}
}
