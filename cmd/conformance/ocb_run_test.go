package main

import (
	"encoding/base64"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

// OCB's run writes internal/report's bundle (issue 12, item 4: the same
// bundle, verdicts and exit codes as Tingee's), signed with --sign-key, which
// verify-report accepts; its texts are OCB's, with no Tingee column.
func TestOCBRunAgainstTheEmbeddedMock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	prefix := keygen(t)
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", dir, "--sign-key", prefix+".key", "--tags", "@OCB-SIG-02,@OCB-SIG-04,@OCB-TOK-05"); code != exitOK {
		t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "12 scenarios: 12 passed") || !strings.Contains(f.out.String(), "verdict: CONFORMANT") {
		t.Errorf("stdout %s", f.out.String())
	}
	for _, name := range []string{"report.json", "report.html", "summary.md", "junit.xml", "cucumber.json", "manifest.json", "manifest.sig"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	junit, _ := os.ReadFile(filepath.Join(dir, "junit.xml"))
	if !strings.Contains(string(junit), `name="ocb-conformance `) {
		t.Errorf("junit.xml names no OCB run")
	}
	for _, want := range []string{"CONFORMANT", "OCB Open API conformance", "Rehearsal", "| OCB-SIG-02 | must | obs |"} {
		if !strings.Contains(string(summary), want) {
			t.Errorf("summary.md lacks %q", want)
		}
	}
	for _, doc := range []string{string(summary), string(html), string(junit)} {
		if strings.Contains(doc, "Tingee") || strings.Contains(doc, "tingee-conformance ") || strings.Contains(doc, "conformance-test-password") {
			t.Errorf("a Tingee text or the password in the bundle")
		}
	}
	v := newFakeCLI("", nil)
	if code := v.run("verify-report", dir, "--pub", prefix+".pub"); code != exitOK {
		t.Errorf("verify-report exit %d: %s %s", code, v.out.String(), v.errOut.String())
	}
}

// A wrong client secret: CREDENTIALS REJECTED, exit 2, and a bundle saying so.
func TestOCBRunWrongSecret(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("ffffffffffffffffffffffffffffffff"), 0o600)
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", dir, "--client-secret-file", secret); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s %s", code, f.out.String(), f.errOut.String())
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
	if !strings.Contains(string(summary), "CREDENTIALS REJECTED") || !strings.Contains(f.errOut.String(), "invalid_client") {
		t.Errorf("summary %s\nstderr %s", summary, f.errOut.String())
	}
	if strings.Contains(string(summary)+f.out.String()+f.errOut.String(), "ffffffffffffffffffffffffffffffff") {
		t.Error("the secret in the output")
	}
}

// Two runs in the same second write two folders (the run id's random part).
func TestOCBRunsNeverShareAFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	for range 2 {
		f := newFakeCLI("", nil)
		if code := f.run("run", "--profile", "ocb", "--tags", "@OCB-TOK-01"); code != exitOK {
			t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
		}
	}
	if entries, err := os.ReadDir("reports"); err != nil || len(entries) != 2 {
		t.Errorf("reports/: %d folders, %v; want 2", len(entries), err)
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
		{"features/token.feature:6"},       // no scenario starts there
		{"features/no-such.feature"},
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

// OCB-SIG-04's "whole compact JWS" variant sends the body base64url-encoded in
// X-Signature: no file of the bundle may hold the account number, in clear or
// base64url at any alignment (review-last finding 1, blocker; README: no
// request body is kept).
func TestOCBRunBundleHoldsNoEncodedBody(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", dir, "--tags", "@OCB-SIG-04"); code != exitOK {
		t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
	}
	account := packages.PlaceholderAccount
	forbidden := []string{account}
	for k := range 3 { // base64url of the account after k other bytes: the characters it alone decides
		enc := base64.RawURLEncoding.EncodeToString(append(make([]byte, k), account...))
		forbidden = append(forbidden, enc[(8*k+5)/6:8*(k+len(account))/6])
	}
	files, _ := os.ReadDir(dir)
	if len(files) == 0 {
		t.Fatal("no bundle")
	}
	withheld := false
	for _, e := range files {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range forbidden {
			if strings.Contains(string(b), s) {
				t.Errorf("%s holds %q (the account number or its base64url form)", e.Name(), s)
			}
		}
		withheld = withheld || strings.Contains(string(b), "[payload withheld]")
	}
	if !withheld {
		t.Error("no file shows the withheld payload: did the variant run?")
	}
}

// A scenario's address as run prints it (features/token.feature:5) is taken
// back as an argument, as Tingee's run takes its own (review-last finding 6:
// "unexpected argument").
func TestOCBRunTakesTheAddressItPrints(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("run", "--profile", "ocb", "--report-dir", t.TempDir(), "features/token.feature:5"); code != exitOK {
		t.Fatalf("exit %d: %s %s", code, f.out.String(), f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "1 scenarios: 1 passed") || !strings.Contains(f.out.String(), "subset: features/token.feature:5") {
		t.Errorf("stdout %s", f.out.String())
	}
}
