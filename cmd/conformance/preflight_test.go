package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Everything that can be checked before the first request is: a bad one is
// refused in one line with exit 2, and nothing runs (stdout stays empty).
func TestRunChecksBeforeTheFirstRequest(t *testing.T) {
	readOnly := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	if f, err := os.CreateTemp(readOnly, "probe"); err == nil { // running as root: modes do not bind
		f.Close()
		readOnly = filepath.Join(writeFile(t, "a-file", "x"), "bundle") // a folder under a file cannot be made
	}
	short := writeFile(t, "short.secret", "12345\n")
	badFixtures := writeFile(t, "uat.yaml", "accounts:\n  - bankName: OCB\n  bankBin: x\n")
	for _, c := range []struct {
		why  string
		args []string
		want string
	}{
		{"unwritable report dir", []string{"--report-dir", readOnly}, "run: --report-dir: cannot "},
		{"tag syntax", []string{"--tags", "@signing &&"}, `run: --tags "@signing &&": tag expression: position 12: the expression ends too early`},
		{"missing secret file against the mock", []string{"--secret-file", "/nonexistent/secret"}, "run: cannot read --secret-file"},
		{"short secret file against the mock", []string{"--secret-file", short}, "run: the secret token: secret too short"},
		{"fixtures", []string{"--fixtures", badFixtures}, "run: fixtures: " + badFixtures + " line 3: not valid YAML"},
		{"query in the target", []string{"--target", "http://127.0.0.1:1/?x=1"}, "a base URL has no query or fragment"},
	} {
		t.Run(c.why, func(t *testing.T) {
			f := newFakeCLI("", mockEnv)
			args := append([]string{"run", "--report-dir", t.TempDir()}, c.args...)
			code := f.run(args...)
			if code != exitUsage || !strings.HasPrefix(f.errOut.String(), "conformance: "+c.want) && !strings.Contains(f.errOut.String(), c.want) ||
				strings.Count(f.errOut.String(), "\n") != 1 || f.out.String() != "" {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nwant 2 and %q", code, f.out.String(), f.errOut.String(), c.want)
			}
		})
	}
}

// --target http://host/v1 is the base URL http://host: the suite's paths
// already start with /v1 (it sent to /v1/v1/… and failed every scenario).
func TestTrimVersion(t *testing.T) {
	for in, want := range map[string]string{
		"http://h:8080/v1":           "http://h:8080",
		"http://h:8080/v1/":          "http://h:8080",
		"http://h:8080/":             "http://h:8080",
		"https://gw/tingee/v1":       "https://gw/tingee",
		"https://gw/tingee":          "https://gw/tingee",
		"https://open-api.tingee.vn": "https://open-api.tingee.vn",
	} {
		if got, err := trimVersion(in); err != nil || got != want {
			t.Errorf("trimVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// A run by URL ending in /v1 passes against the standalone mock.
func TestRunTargetWithVersionSuffix(t *testing.T) {
	base := standaloneMock(t)
	f := newFakeCLI("", mockEnv)
	if code := f.run("run", "--target", base+"/v1", "--tags", "@TG-SIG-01", "--report-dir", t.TempDir()); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}
	if !strings.Contains(f.errOut.String(), "so the base URL is "+base) {
		t.Errorf("no note on the trimmed /v1: %q", f.errOut.String())
	}
}

// webhook-check takes the same tag expressions: a syntax error is one line,
// exit 2, where godog panicked.
func TestWebhookCheckTagSyntax(t *testing.T) {
	f := newFakeCLI("", mockEnv)
	code := f.run("webhook-check", "--url", "http://127.0.0.1:1/hook", "--tags", "@TG-WH-01 &&", "--report-dir", t.TempDir())
	if code != exitUsage || !strings.Contains(f.errOut.String(), "position 13") || strings.Count(f.errOut.String(), "\n") != 1 {
		t.Errorf("exit %d: %q", code, f.errOut.String())
	}
}
