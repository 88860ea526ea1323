package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

// TestAWrongSecretIsCredentialsRejected (done-when (d)): a wrong secret, or a
// client id the target does not know, stops the run after exactly one
// request with CREDENTIALS REJECTED and exit 2; one line names the variables
// to check and what the target answered; the bundle is still written.
func TestAWrongSecretIsCredentialsRejected(t *testing.T) {
	pair := auth.Mock()
	srv, requests := countingMock(t)
	for name, c := range map[string]struct {
		env    map[string]string
		answer string
	}{
		"wrong secret":      {map[string]string{auth.EnvClientID: pair.ClientID, auth.EnvSecret: "not-the-secret-token"}, "code 97"},
		"unknown client id": {map[string]string{auth.EnvClientID: "someone-else", auth.EnvSecret: auth.MockSecret}, "HTTP 401"},
	} {
		t.Run(name, func(t *testing.T) {
			requests.Store(0)
			dir := filepath.Join(t.TempDir(), "bundle")
			f := newFakeCLI("", c.env)
			if code := f.run("run", "--target", srv.URL, "--report-dir", dir); code != exitUsage {
				t.Fatalf("exit %d, want 2:\n%s%s", code, f.out.String(), f.errOut.String())
			}
			if n := requests.Load(); n != 1 {
				t.Errorf("%d requests, want exactly one", n)
			}
			stderr := f.errOut.String()
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, auth.EnvClientID) ||
				!strings.Contains(stderr, auth.EnvSecret) || !strings.Contains(stderr, c.answer) {
				t.Errorf("stderr %q: want one line naming %s, %s and %q", stderr, auth.EnvClientID, auth.EnvSecret, c.answer)
			}
			data, err := os.ReadFile(filepath.Join(dir, "report.json"))
			if err != nil {
				t.Fatalf("no bundle: %v", err)
			}
			var doc struct {
				Verdict struct {
					Result  string
					Reasons []string
				}
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Verdict.Result != "CREDENTIALS REJECTED" || !strings.Contains(strings.Join(doc.Verdict.Reasons, " "), auth.EnvSecret) {
				t.Errorf("verdict %+v", doc.Verdict)
			}
			if strings.Contains(string(data), auth.MockSecret) {
				t.Error("report.json holds the secret")
			}
		})
	}
}

// A wrong base path: the probe's get-banks answers 404 in both path families,
// so the run stops before the suite (exit 2, one line, no bundle) instead of
// passing TG-SIG-01 on routing 404s (review-13-14 S12).
func TestAWrongBasePathStopsBeforeTheSuite(t *testing.T) {
	srv, requests := countingMock(t)
	dir := filepath.Join(t.TempDir(), "bundle")
	f := newFakeCLI("", mockEnv)
	code := f.run("run", "--target", srv.URL+"/api", "--tags", "@TG-SIG-01", "--report-dir", dir)
	stderr := f.errOut.String()
	if code != exitUsage || requests.Load() != 2 || strings.Count(stderr, "\n") != 1 ||
		!strings.Contains(stderr, "/api/v1/get-banks answered 404") || !strings.Contains(stderr, "is the base URL right?") {
		t.Fatalf("exit %d, %d requests, stderr %q", code, requests.Load(), stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a bundle was written for a wrong base URL")
	}
}

// The probe reads the answers docs/levels-and-sources.md allows for an
// unknown client — HTTP 200, a code other than 00, data null — as CREDENTIALS
// REJECTED (review-10-15 S1), and a timestamp refusal (code 90 or 91 [?]) as
// the clock, never as the credentials.
func TestTheProbeTellsAnUnknownClientFromTheClock(t *testing.T) {
	for name, c := range map[string]struct {
		body, want string
		verdict    bool
	}{
		"unknown client, code 96": {`{"code":"96","message":"Client not found","data":null}`, `code 96 "Client not found"`, true},
		"clock, code 90":          {`{"code":"90","message":"Timestamp expired","data":null}`, "check this machine's clock, not the credentials", false},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(c.body))
			}))
			defer srv.Close()
			dir := filepath.Join(t.TempDir(), "bundle")
			f := newFakeCLI("", mockEnv)
			code := f.run("run", "--target", srv.URL, "--report-dir", dir)
			stderr := f.errOut.String()
			if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if c.verdict != strings.Contains(stderr, "credentials rejected") {
				t.Errorf("stderr %q: credentials rejected should be said: %v", stderr, c.verdict)
			}
		})
	}
}

// countingMock serves the mock with its test pair, counting the requests.
func countingMock(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret})
	if err != nil {
		t.Fatal(err)
	}
	requests := &atomic.Int64{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, requests
}
