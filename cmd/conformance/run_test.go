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
