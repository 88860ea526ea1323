package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The console masks what the report masks: a target that answers create-va
// wrongly makes the steps print the request body they sent, which holds the
// fixture's account number, citizen id and mobile (the console showed them
// in full while the report masked them).
func TestConsoleMasksPersonalNumbers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"00","message":"ok","data":{"echo":"account 0123456789"}}`))
	}))
	defer srv.Close()
	f := newFakeCLI("", mockEnv)
	code := f.run("run", "--target", srv.URL, "--tags", "@TG-LINK-01", "--format", "pretty", "--report-dir", t.TempDir())
	console := f.out.String() + f.errOut.String()
	if code == exitOK || !strings.Contains(console, "create-va") {
		t.Fatalf("exit %d; want the create-va step to fail and say what it sent:\n%s", code, console)
	}
	// The embedded fixtures' first account (features/fixtures/mock.yaml).
	for _, full := range []string{"0123456789", "001090000001", "0912345678"} {
		if strings.Contains(console, full) {
			t.Errorf("the console shows %s:\n%s", full, console)
		}
	}
	if !strings.Contains(console, "******6789") {
		t.Errorf("no masked account number on the console:\n%s", console)
	}
}
