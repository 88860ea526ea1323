package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
)

// progress is the run's output without what changes from run to run: the
// first line (the target's URL), durations, and the report's directory.
func progress(out string) string {
	_, out, _ = strings.Cut(out, "\n")
	out = duration.ReplaceAllString(out, "")
	out = rehearsalLine.ReplaceAllString(out, "") // only the embedded mock is a rehearsal
	return reportLine.ReplaceAllString(out, "")
}

var (
	duration      = regexp.MustCompile(`(?m)( \([0-9.]+[µnm]?s\)$|, [0-9.]+[µnm]?s$)`)
	reportLine    = regexp.MustCompile(`(?m)^report: .*$`)
	rehearsalLine = regexp.MustCompile(`(?m)^A rehearsal against .*\n`)
)

// standaloneMock starts `conformance mock` (the command, with --self-check)
// on a free port and returns its URL; the mock stops with the test, and the
// test fails if its self-check found anything.
func standaloneMock(t *testing.T) string {
	t.Helper()
	var out, errOut syncBuffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- runMock(ctx, c, []string{"--addr", "127.0.0.1:0", "--self-check"}) }()
	t.Cleanup(func() {
		cancel()
		<-exit
		if errOut.String() != "" {
			t.Errorf("the standalone mock's self-check: %s", errOut.String())
		}
	})
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := servingLine.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("conformance mock did not start: %q %q", out.String(), errOut.String())
	return ""
}

// TestRunByURLMatchesTheEmbeddedMock runs the whole suite with one seed
// against the embedded mock, then twice by URL against one standalone
// `conformance mock`: every scenario line and the summary are the same each time.
func TestRunByURLMatchesTheEmbeddedMock(t *testing.T) {
	embedded := newFakeCLI("", nil)
	if code := embedded.run("run", "--seed", "7", "--report-dir", t.TempDir()); code != exitOK {
		t.Fatalf("embedded mock: exit %d\n%s%s", code, embedded.out.String(), embedded.errOut.String())
	}
	want := progress(embedded.out.String())
	base := standaloneMock(t)
	for i := range 2 {
		byURL := newFakeCLI("", mockEnv)
		dir := t.TempDir()
		if code := byURL.run("run", "--target", base, "--seed", "7", "--report-dir", dir); code != exitOK {
			t.Fatalf("standalone mock by URL, run %d: exit %d\n%s%s", i+1, code, byURL.out.String(), byURL.errOut.String())
		}
		if got := progress(byURL.out.String()); got != want {
			t.Fatalf("run %d by URL differs from the embedded run:\n--- embedded\n%s\n--- by URL\n%s", i+1, want, got)
		}
		if _, err := os.Stat(filepath.Join(dir, "report.json")); err != nil {
			t.Fatalf("no report written: %v", err)
		}
	}
	if !strings.Contains(want, " passed, 0 failed, 0 skipped, 0 not run") {
		t.Fatalf("the embedded run did not pass everything:\n%s", want)
	}
}

func TestRunRefusals(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--target", "uat"}, auth.EnvClientID + " and " + auth.EnvSecret},
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

// TestRunNamesWhichCredentialIsMissing: the error names the one credential
// that is wrong, not both.
func TestRunNamesWhichCredentialIsMissing(t *testing.T) {
	empty := writeFile(t, "secret", "\n")
	cases := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"run", "--target", "uat", "--secret-file", empty}, map[string]string{"TINGEE_CLIENT_ID": "partner-id"}, empty + " is empty"},
		{[]string{"run", "--target", "uat"}, map[string]string{"TINGEE_SECRET_TOKEN": "long-enough-secret"}, "set TINGEE_CLIENT_ID (or --client-id)"},
		{[]string{"run", "--target", "uat"}, map[string]string{"TINGEE_CLIENT_ID": "partner-id"}, "set TINGEE_SECRET_TOKEN (or --secret-file PATH)"},
	}
	for _, tc := range cases {
		f := newFakeCLI("", tc.env)
		if code := f.run(tc.args...); code != exitUsage || !strings.Contains(f.errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 naming %q", tc.args, code, f.errOut.String(), tc.want)
		}
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
	base := standaloneMock(t)
	fx := writeFile(t, "prompt.yaml", `accounts:
  - {bankName: OCB, bankBin: "970448", accountType: personal-account, accountNumber: "0123456789",
     accountName: NGUYEN VAN A, identity: "001090000001", mobile: "0912345678", otp: prompt}
`)
	f := newFakeCLI("123456\n123456\n123456\n123456\n", mockEnv)
	f.stdinTerminal = true // a person types the OTPs
	code := f.run("run", "--target", base, "--fixtures", fx, "--tags", "@TG-LINK-01", "--otp-wait", "5s", "--report-dir", t.TempDir())
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, f.out.String(), f.errOut.String())
	}
	if n := strings.Count(f.errOut.String(), "Enter the OTP bank OCB sent for account ******6789"); n != 4 {
		t.Fatalf("asked %d times, want 4 (two scenarios, create-va and delete-va):\n%s", n, f.errOut.String())
	}
}

// TestRunAgainstAHangingTarget: a target that accepts connections and never
// answers ends the run within the timeouts, exit 3, naming the timeout, with
// a bundle whose verdict is INCOMPLETE.
func TestRunAgainstAHangingTarget(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, conn) // read nothing, answer nothing
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range held {
			c.Close()
		}
	})
	f := newFakeCLI("", mockEnv)
	dir := t.TempDir()
	start := time.Now()
	code := f.run("run", "--target", "http://"+ln.Addr().String(), "--timeout", "200ms", "--report-dir", dir)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the run took %v with --timeout 200ms", took)
	}
	if code != exitUnreachable || !strings.Contains(f.out.String(), "within the 200ms timeout (--timeout)") {
		t.Fatalf("exit %d, want 3 naming the timeout:\n%s%s", code, lastLine(f.out.String()), f.errOut.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Verdict struct{ Result string } `json:"verdict"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Verdict.Result != "INCOMPLETE" {
		t.Fatalf("report verdict %q (%v), want INCOMPLETE", doc.Verdict.Result, err)
	}
}
