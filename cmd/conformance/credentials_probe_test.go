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
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret})
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
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
