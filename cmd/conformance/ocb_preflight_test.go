package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
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
			if err != nil || !strings.Contains(string(summary), "OCB-STEP-") {
				t.Errorf("%s: bundle summary: %v", c.name, err)
			}
			if v := newFakeCLI("", nil); v.run("verify-report", dir) != exitOK {
				t.Errorf("%s: verify-report refused the bundle: %s", c.name, v.out.String())
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

// The preflight's bundle is internal/report's: each checklist line a
// scenario (its guide step the requirement), a verdict, a signed manifest
// verify-report accepts; the console checklist stays bilingual. Two
// preflights in the same second write two folders (the run id's random part).
func TestOCBPreflightBundle(t *testing.T) {
	t.Chdir(t.TempDir())
	prefix := keygen(t)
	for range 2 {
		f := newFakeCLI("", nil)
		if code := f.run("preflight", "--profile", "ocb", "--unsubscribed", "saving", "--sign-key", prefix+".key"); code != exitFail {
			t.Fatalf("exit %d, want 1: %s", code, f.errOut.String())
		}
		if !strings.Contains(f.out.String(), "✗ [step 7]") || !strings.Contains(f.out.String(), "cần làm: Bước 7") {
			t.Errorf("console checklist:\n%s", f.out.String())
		}
	}
	entries, err := os.ReadDir("reports")
	if err != nil || len(entries) != 2 {
		t.Fatalf("reports/: %d folders, %v; want 2", len(entries), err)
	}
	dir := filepath.Join("reports", entries[0].Name())
	v := newFakeCLI("", nil)
	if code := v.run("verify-report", dir, "--pub", prefix+".pub"); code != exitOK {
		t.Errorf("verify-report exit %d: %s", code, v.out.String())
	}
	var doc struct {
		Verdict struct {
			Result string `json:"result"`
		} `json:"verdict"`
		Requirements []struct {
			ID     string `json:"id"`
			Result string `json:"result"`
		} `json:"requirements"`
	}
	data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Verdict.Result != "NOT CONFORMANT" || !slices.ContainsFunc(doc.Requirements, func(r struct {
		ID     string `json:"id"`
		Result string `json:"result"`
	}) bool {
		return r.ID == "OCB-STEP-7" && r.Result == "failed"
	}) {
		t.Errorf("verdict %q, requirements %+v; want NOT CONFORMANT with OCB-STEP-7 failed", doc.Verdict.Result, doc.Requirements)
	}
}
