package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/bundle"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
)

// keygen runs conformance keygen into a temp dir and returns the prefix.
func keygen(t *testing.T) string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "partner")
	f := newFakeCLI("", nil)
	if code := f.run("keygen", "--out", prefix); code != exitOK {
		t.Fatalf("keygen exit %d: %s", code, f.errOut.String())
	}
	return prefix
}

// signedReport writes a small signed bundle with the key keygen made.
func signedReport(t *testing.T, prefix string) string {
	t.Helper()
	o, err := tingee.Profile().ReportOptions()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	run := evidence.Run{ID: "r1", Suite: "api", Start: start, End: start.Add(time.Second), Target: "http://127.0.0.1:1", Environment: "mock",
		Scenarios: []evidence.Scenario{{Feature: "F", Name: "s", URI: "features/f.feature:2", Status: evidence.Passed}}}
	key, err := bundle.LoadPrivateKey(prefix + ".key")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "bundle")
	o.SignKey = key
	if err := report.Write(dir, run, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestKeygenWritesAPrivateKeyOnlyTheOwnerReads(t *testing.T) {
	prefix := keygen(t)
	info, err := os.Stat(prefix + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s.key mode %v, want 0600", prefix, info.Mode().Perm())
	}
	key, _ := os.ReadFile(prefix + ".key")
	pub, _ := os.ReadFile(prefix + ".pub")
	if !strings.HasPrefix(string(key), "-----BEGIN PRIVATE KEY-----") || !strings.HasPrefix(string(pub), "-----BEGIN PUBLIC KEY-----") {
		t.Errorf("not PEM PKCS#8 / PKIX:\n%s\n%s", key, pub)
	}
	f := newFakeCLI("", nil)
	if code := f.run("keygen", "--out", prefix); code != exitUsage || !strings.Contains(f.errOut.String(), "exists") {
		t.Errorf("second keygen over the same prefix: exit %d, %q; want 2 and no overwrite", code, f.errOut.String())
	}
}

func TestVerifyReport(t *testing.T) {
	prefix := keygen(t)
	dir := signedReport(t, prefix)

	f := newFakeCLI("", nil)
	if code := f.run("verify-report", dir, "--pub", prefix+".pub"); code != exitOK || !strings.HasPrefix(f.out.String(), "ok: ") {
		t.Fatalf("intact bundle: exit %d, %q %q", code, f.out.String(), f.errOut.String())
	}

	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		orig, _ := os.ReadFile(path)
		changed := append([]byte{}, orig...)
		changed[len(changed)/2] ^= 0x20
		if err := os.WriteFile(path, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		f := newFakeCLI("", nil)
		code := f.run("verify-report", "--pub", prefix+".pub", dir)
		if code != exitFail || !strings.HasPrefix(f.out.String(), e.Name()+": ") {
			t.Errorf("%s changed: exit %d, output %q; want 1 and the file named first", e.Name(), code, f.out.String())
		}
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	other := keygen(t)
	f = newFakeCLI("", nil)
	if code := f.run("verify-report", dir, "--pub", other+".pub"); code != exitFail || !strings.Contains(f.out.String(), "manifest.sig: signature") {
		t.Errorf("another key: exit %d, %q", code, f.out.String())
	}
}

// An unsigned bundle whose manifest also lists a file outside it, with the
// right digest, fails and names that entry.
func TestVerifyReportRefusesNamesOutsideTheBundle(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "bundle")
	o, err := tingee.Profile().ReportOptions()
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Write(dir, evidence.Run{ID: "r1", Suite: "api"}, o); err != nil {
		t.Fatal(err)
	}
	outside := []byte("outside\n")
	if err := os.WriteFile(filepath.Join(root, "outside.txt"), outside, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, bundle.FileManifest)
	raw, err := os.ReadFile(path)
	var m bundle.Manifest
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	m.Files["../outside.txt"] = fmt.Sprintf("%x", sha256.Sum256(outside))
	if raw, err = json.Marshal(m); err != nil || os.WriteFile(path, raw, 0o644) != nil {
		t.Fatal("cannot rewrite manifest.json", err)
	}
	f := newFakeCLI("", nil)
	if code := f.run("verify-report", dir); code != exitFail ||
		!strings.Contains(f.out.String(), `manifest.json: malformed: lists "../outside.txt", not a file name of the bundle`) {
		t.Fatalf("exit %d, output %q; want 1 naming the entry", code, f.out.String())
	}
}

// The whole suite against the embedded mock, signed with its known secret:
// the bundle verifies, and no file holds the secret in any form.
func TestRunBundleVerifiesAndHoldsNoSecret(t *testing.T) {
	prefix := keygen(t)
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", nil)
	if code := f.run("run", "--report-dir", dir, "--sign-key", prefix+".key"); code != exitOK {
		t.Fatalf("run against the mock: exit %d\n%s", code, f.errOut.String())
	}
	f = newFakeCLI("", nil)
	if code := f.run("verify-report", dir, "--pub", prefix+".pub"); code != exitOK {
		t.Errorf("verify-report: exit %d, %s", code, f.out.String())
	}
	secret := []byte(auth.MockSecret)
	forms := []string{string(secret), hex.EncodeToString(secret), strings.ToUpper(hex.EncodeToString(secret)),
		base64.StdEncoding.EncodeToString(secret), base64.RawStdEncoding.EncodeToString(secret),
		base64.URLEncoding.EncodeToString(secret), base64.RawURLEncoding.EncodeToString(secret)}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 7 {
		t.Errorf("bundle has %d files, want 7", len(entries))
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		for _, form := range forms {
			if strings.Contains(string(data), form) {
				t.Errorf("%s holds the secret as %q", e.Name(), form)
			}
		}
	}
}

func TestVerifyReportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"verify-report"},
		{"verify-report", "a", "b"},
		{"verify-report", t.TempDir(), "--pub", filepath.Join(t.TempDir(), "none.pub")},
		{"verify-report", filepath.Join(t.TempDir(), "no-such-dir")},
		{"keygen"},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(args...); code != exitUsage || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, f.errOut.String())
		}
	}
}
