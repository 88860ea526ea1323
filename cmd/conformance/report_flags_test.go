package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/bundle"
	"github.com/tingee-conformance/harness/internal/redact"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/ocb"
	ocbclient "github.com/tingee-conformance/harness/profiles/ocb/client"
	ocbmock "github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
)

// Bad report flags, and a secret no report can be scrubbed of, are refused
// with exit 2 before anything runs, the same way by every command that writes a bundle.
func TestReportFlagsAreCheckedBeforeTheRun(t *testing.T) {
	notAKey := writeFile(t, "k.pem", "not a key")
	shortSecret := map[string]string{auth.EnvClientID: "partner-client", auth.EnvSecret: "short"}
	commands := map[string][]string{
		"run":           {"run", "--target", "http://127.0.0.1:1"},
		"webhook-check": {"webhook-check", "--url", "http://127.0.0.1:1"},
	}
	for name, base := range commands {
		for _, c := range []struct {
			why  string
			env  map[string]string
			args []string
			want string
		}{
			{"sign key not PEM", mockEnv, []string{"--sign-key", notAKey}, `--sign-key: ` + notAKey + `: no PEM "PRIVATE KEY" block`},
			{"sign key missing", mockEnv, []string{"--sign-key", "/nonexistent/k.key"}, "--sign-key: open /nonexistent/k.key: no such file or directory"},
			{"environment", mockEnv, []string{"--environment", "prod"}, `--environment must be uat or production, got "prod"`},
			{"secret too short", shortSecret, nil, "the secret token: secret too short to keep out of a report: it is 5 bytes, want at least 8"},
		} {
			t.Run(name+"/"+c.why, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "bundle")
				f := newFakeCLI("", c.env)
				code := f.run(append(append(append([]string{}, base...), "--report-dir", dir), c.args...)...)
				if code != exitUsage || lastLine(f.errOut.String()) != "conformance: "+name+": "+c.want {
					t.Errorf("exit %d, stderr %q; want 2 and %q", code, f.errOut.String(), c.want)
				}
				if f.out.String() != "" {
					t.Errorf("something ran before the refusal: %q", f.out.String())
				}
				if _, err := os.Stat(dir); !os.IsNotExist(err) {
					t.Errorf("a report was written: %v", err)
				}
			})
		}
	}
}

// No certification of a mock: --environment against the embedded mock, or
// against a URL that is not that environment's base URL, is refused (exit 2)
// before anything runs.
func TestEnvironmentMustBeTheTarget(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--environment", "uat"}, "--environment uat: a run of the harness's mock is a rehearsal and certifies nothing"},
		{[]string{"--environment", "production", "--target", "http://127.0.0.1:1"}, "--environment production: --target http://127.0.0.1:1 is not production's base URL https://open-api.tingee.vn"},
		{[]string{"--environment", "uat", "--target", "live", "--allow-live"}, "is not uat's base URL https://uat-open-api.tingee.vn"},
	} {
		dir := filepath.Join(t.TempDir(), "bundle")
		f := newFakeCLI("", mockEnv)
		code := f.run(append([]string{"run", "--report-dir", dir}, c.args...)...)
		if code != exitUsage || !strings.Contains(f.errOut.String(), c.want) || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, f.errOut.String(), c.want)
		}
		if f.out.String() != "" {
			t.Errorf("%v: something ran before the refusal: %q", c.args, f.out.String())
		}
	}
}

// A run narrowed by --tags says so next to its verdict; the attestation and a
// signature loaded up front reach the bundle.
func TestReportFlagsReachTheBundle(t *testing.T) {
	priv, pub, err := bundle.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keyPath, pubPath := writeFile(t, "k.key", string(priv)), writeFile(t, "k.pub", string(pub))
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	code := f.run("run", "--tags", "@TG-SIG-01", "--report-dir", dir, "--sign-key", keyPath,
		"--partner", "ACME", "--attested-by", "Nguyen Van A, CTO")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, report.FileJSON))
	if err != nil {
		t.Fatal(err)
	}
	var doc report.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Verdict.Headline() != "CONFORMANT (subset: @TG-SIG-01)" {
		t.Errorf("verdict reads %q, want it to name the subset", doc.Verdict.Headline())
	}
	if a := doc.Attestation; a.Partner != "ACME" || a.AttestedBy != "Nguyen Van A, CTO" || a.Environment != "" {
		t.Errorf("attestation %+v", a)
	}
	if doc.Verdict.Rehearsal == "" || !strings.Contains(doc.Verdict.Rehearsal, "not a certification") {
		t.Errorf("a bundle of the mock does not say it is a rehearsal: %q", doc.Verdict.Rehearsal)
	}
	v := newFakeCLI("", nil)
	if code := v.run("verify-report", dir, "--pub", pubPath); code != exitOK || !strings.Contains(v.out.String(), "signed by") {
		t.Errorf("verify-report exit %d: %s", code, v.out.String())
	}
}

// The whole suite, run with a known secret, leaves it in no file of the bundle
// in any form, and the scrubber never had to step in: the evidence itself is clean.
func TestRunBundleNeverHoldsTheSecret(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	if code := f.run("run", "--report-dir", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	secret := []byte(auth.MockSecret) // the embedded mock's pair signs every request
	h := hex.EncodeToString(secret)
	forms := []string{string(secret), h, strings.ToUpper(h), redact.Redacted,
		base64.StdEncoding.EncodeToString(secret), base64.RawStdEncoding.EncodeToString(secret),
		base64.URLEncoding.EncodeToString(secret), base64.RawURLEncoding.EncodeToString(secret)}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 6 {
		t.Fatalf("bundle: %d files, %v; want 6", len(entries), err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range forms {
			if strings.Contains(string(data), form) {
				t.Errorf("%s holds %q", e.Name(), form)
			}
		}
	}
}

// One rule for both profiles (review-last finding 2): OCB's --environment is
// attested only against its own target, uat by sandbox and production by
// live; the embedded mock, a --mock-app URL (a rehearsal) and any other URL
// are refused with exit 2 before anything runs, in run and in preflight.
func TestOCBEnvironmentMustBeTheTarget(t *testing.T) {
	srv := httptest.NewServer(ocbmock.New(ocbmock.Config{}))
	defer srv.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--environment", "uat"}, "a run of the harness's mock is a rehearsal"},
		{[]string{"--environment", "uat", "--target", srv.URL, "--mock-app"}, "a run of the harness's mock is a rehearsal"},
		{[]string{"--environment", "uat", "--target", srv.URL}, "is not uat's base URL " + ocbclient.Sandbox},
		{[]string{"--environment", "production", "--target", "sandbox"}, "is not production's base URL " + ocbclient.Live},
	} {
		for _, cmd := range []string{"run", "preflight"} {
			f := newFakeCLI("", nil)
			code := f.run(append([]string{cmd, "--profile", "ocb", "--report-dir", filepath.Join(t.TempDir(), "b")}, c.args...)...)
			if code != exitUsage || !strings.Contains(f.errOut.String(), c.want) {
				t.Errorf("%s %v: exit %d, stderr %q; want 2 and %q", cmd, c.args, code, f.errOut.String(), c.want)
			}
		}
	}
	for attested, target := range map[string]string{"uat": "sandbox", "production": "live"} {
		base, _ := ocb.Profile().Target(target)
		if err := attestable(ocb.Profile(), attested, target, base); err != nil {
			t.Errorf("--environment %s --target %s: %v", attested, target, err)
		}
	}
}

// A run or preflight of a standalone mock marked --mock-app is a rehearsal:
// its bundle carries the banner, as the embedded mock's does (review-last finding 2).
func TestOCBMockAppIsARehearsal(t *testing.T) {
	srv := httptest.NewServer(ocbmock.New(ocbmock.Config{}))
	defer srv.Close()
	for _, args := range [][]string{{"run", "--tags", "@OCB-TOK-01"}, {"preflight"}} {
		dir := filepath.Join(t.TempDir(), "bundle")
		f := newFakeCLI("", nil)
		if code := f.run(append([]string{args[0], "--profile", "ocb", "--report-dir", dir, "--target", srv.URL, "--mock-app"}, args[1:]...)...); code != exitOK {
			t.Fatalf("%v: exit %d: %s %s", args, code, f.out.String(), f.errOut.String())
		}
		summary, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
		if !strings.Contains(string(summary), "**Rehearsal.**") {
			t.Errorf("%v: no rehearsal banner in summary.md", args)
		}
	}
}
