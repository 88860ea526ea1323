package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/fixtures"
	"github.com/tingee-conformance/harness/internal/mock"
)

// counts is the summary's count line without the seed and the duration.
var counts = regexp.MustCompile(`(?m)^\d+ scenarios: [^—]*`)

// TestRunByURLMatchesTheEmbeddedMock runs the whole suite twice with the same
// seed: against the embedded mock, and by URL against a standalone one.
func TestRunByURLMatchesTheEmbeddedMock(t *testing.T) {
	embedded := newFakeCLI("", nil)
	if code := embedded.run("run", "--seed", "7", "--report-dir", t.TempDir()); code != exitOK {
		t.Fatalf("embedded mock: exit %d\n%s%s", code, embedded.out.String(), embedded.errOut.String())
	}
	c := credentials.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	byURL := newFakeCLI("", map[string]string{credentials.EnvClientID: c.ClientID, credentials.EnvSecret: string(c.Secret)})
	dir := t.TempDir()
	if code := byURL.run("run", "--target", srv.URL, "--seed", "7", "--report-dir", dir); code != exitOK {
		t.Fatalf("standalone mock by URL: exit %d\n%s%s", code, byURL.out.String(), byURL.errOut.String())
	}
	a, b := counts.FindString(embedded.out.String()), counts.FindString(byURL.out.String())
	if a == "" || a != b {
		t.Fatalf("embedded %q, by URL %q", a, b)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.json")); err != nil {
		t.Fatalf("no report written: %v", err)
	}
}

func TestRunRefusals(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--target", "uat"}, credentials.EnvClientID + " and " + credentials.EnvSecret},
		{[]string{"run", "--target", "live"}, "--allow-live"},
		{[]string{"run", "--target", "ftp://x"}, "want mock, uat, live or an http(s) base URL"},
		{[]string{"run", "--fixtures", "/nonexistent.yaml"}, "fixtures"},
		{[]string{"run", "--format", "json", "--report-dir", os.DevNull}, "--format"},
		{[]string{"run", "--tags", "@no-such-tag", "--report-dir", os.DevNull}, "matched no scenario"},
		{[]string{"run", "--sign-key", "/nonexistent.key"}, "--sign-key"},
	}
	for _, tc := range cases {
		f := newFakeCLI("", nil)
		code := f.run(tc.args...)
		msg := f.errOut.String() + f.out.String()
		if code != exitUsage || !strings.Contains(msg, tc.want) {
			t.Errorf("%v: exit %d, output %q; want exit 2 naming %q", tc.args, code, msg, tc.want)
		}
	}
	f := newFakeCLI("", nil)
	f.run("run", "--sign-key", "/nonexistent.key")
	if strings.Contains(f.out.String(), "scenarios:") {
		t.Errorf("a bad --sign-key must stop the run before it starts:\n%s", f.out.String())
	}
	f = newFakeCLI("", nil)
	f.run("run", "--target", "uat")
	if strings.Count(f.errOut.String(), "\n") != 1 {
		t.Errorf("missing credentials: want one line, got %q", f.errOut.String())
	}
}

func TestUATExampleFixturesParse(t *testing.T) {
	data, err := harness.Features.ReadFile("features/fixtures/uat.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := fixtures.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Accounts) != 1 || f.Accounts[0].OTP != fixtures.OTPPrompt || len(f.Triggers) != 0 {
		t.Fatalf("uat.example.yaml: %+v", f)
	}
}

// TestRunAsksForTheOTP: with `otp: prompt`, the OTP is asked on the terminal
// (stderr) and read from stdin, once for create-va and once for delete-va.
func TestRunAsksForTheOTP(t *testing.T) {
	c := credentials.Mock()
	h, err := mock.New(mock.Config{ClientID: c.ClientID, Secret: c.Secret, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	fx := writeFile(t, "prompt.yaml", `accounts:
  - {bankName: OCB, bankBin: "970448", accountType: personal-account, accountNumber: "0123456789",
     accountName: NGUYEN VAN A, identity: "001090000001", mobile: "0912345678", otp: prompt}
`)
	f := newFakeCLI("123456\n123456\n123456\n123456\n", map[string]string{credentials.EnvClientID: c.ClientID, credentials.EnvSecret: string(c.Secret)})
	code := f.run("run", "--target", srv.URL, "--fixtures", fx, "--tags", "@TG-LINK-01", "--otp-wait", "5s", "--report-dir", t.TempDir())
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, f.out.String(), f.errOut.String())
	}
	if n := strings.Count(f.errOut.String(), "Enter the OTP bank OCB sent for account ******6789"); n != 4 {
		t.Fatalf("asked %d times, want 4 (two scenarios, create-va and delete-va):\n%s", n, f.errOut.String())
	}
}
