package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

var certifyServing = regexp.MustCompile(`certify-client: serving (http://127\.0\.0\.1:[0-9]+) \(client id ([^;]+); secret in ([^)]+)\)`)

// startCertify runs certify-client in the background and waits for its serving line; it returns
// the base URL, the client id, the secret the partner's app reads, and the exit channel.
func startCertify(t *testing.T, ctx context.Context, out, errOut *syncBuffer, args ...string) (base, clientID string, secret []byte, exit chan int) {
	t.Helper()
	c := &cli{stdin: strings.NewReader(""), stdout: out, stderr: errOut, getenv: func(string) string { return "" }}
	exit = make(chan int, 1)
	go func() { exit <- dispatch(ctx, c, append([]string{"certify-client", "--addr", "127.0.0.1:0"}, args...)) }()
	var m []string
	for deadline := time.Now().Add(5 * time.Second); m == nil && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		m = certifyServing.FindStringSubmatch(out.String())
	}
	if m == nil {
		t.Fatalf("no serving line; stdout %q stderr %q", out.String(), errOut.String())
	}
	secret, err := os.ReadFile(m[3])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), string(secret)) || len(secret) < 32 {
		t.Fatalf("the secret (%d bytes) was printed, or is short", len(secret))
	}
	return m[1], m[2], secret, exit
}

// signedCall sends one signed request (GET for get-banks, else POST) as a partner's app would, timestamped at.
func signedCall(t *testing.T, url, clientID string, secret []byte, body string, at time.Time) []byte {
	t.Helper()
	method := http.MethodPost
	if strings.HasSuffix(url, "get-banks") {
		method = http.MethodGet
	}
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	signing.SetHeaders(req.Header, clientID, secret, []byte(body), at)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

// startReceiver serves the reference webhook receiver that the test stores in
// receiver once certify-client has written the secret; closed at the test's end.
func startReceiver(t *testing.T) (url string, receiver *atomic.Pointer[webhook.Receiver]) {
	receiver = &atomic.Pointer[webhook.Receiver]{}
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { receiver.Load().ServeHTTP(w, r) }))
	t.Cleanup(recv.Close)
	return recv.URL, receiver
}

// A partner's app signing correctly, with the reference webhook receiver, ends CONFORMANT (exit
// 0): its requests graded, the payment webhook delivered and acknowledged, and webhook-check's
// scenarios in the same bundle. Stopped as a signal stops it.
func TestCertifyClientConformantWithWebhooks(t *testing.T) {
	recvURL, receiver := startReceiver(t)
	dir := filepath.Join(t.TempDir(), "bundle")
	var out, errOut syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, id, secret, exit := startCertify(t, ctx, &out, &errOut, "--secret-file", filepath.Join(t.TempDir(), "secret"),
		"--report-dir", dir, "--webhook-url", recvURL, "--partner", "Example Shop")
	receiver.Store(&webhook.Receiver{Secret: secret, OnPayment: func(webhook.PaymentNotification) error { return nil }})

	signedCall(t, base+"/v1/bank/get-banks", id, secret, "", time.Now())
	created := signedCall(t, base+"/v1/bank/create-va", id, secret, `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789","accountName":"NGUYEN VAN A","identity":"001090000001","mobile":"0912345678","isNotifyAccountNumber":true}`, time.Now())
	confirmID := regexp.MustCompile(`"confirmId":"([^"]+)"`).FindSubmatch(created)
	if confirmID == nil {
		t.Fatalf("create-va: %s", created)
	}
	linked := signedCall(t, base+"/v1/bank/confirm-va", id, secret, `{"bankBin":"970448","confirmId":"`+string(confirmID[1])+`","otpNumber":"123456"}`, time.Now())
	va := regexp.MustCompile(`"vaAccountNumber":"([^"]+)"`).FindSubmatch(linked)
	if va == nil {
		t.Fatalf("confirm-va: %s", linked)
	}
	resp, err := http.Post(base+"/_mock/transfers", "application/json", bytes.NewReader([]byte(`{"vaAccountNumber":"`+string(va[1])+`","amount":10000,"content":"order 1"}`)))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("transfer: %v %v", resp, err)
	}
	resp.Body.Close()
	time.Sleep(300 * time.Millisecond) // the webhook goes out in the background
	cancel()
	if code := <-exit; code != exitOK {
		t.Fatalf("exit %d, want 0; stderr %q\n%s", code, errOut.String(), out.String())
	}
	report, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"result": "CONFORMANT"`, "webhook 1 delivered to the partner's receiver", "features/webhook-receiver.feature", "Example Shop", "/v1/bank/create-va"} {
		if !strings.Contains(string(report), want) {
			t.Errorf("report.json lacks %q", want)
		}
	}
	if strings.Contains(string(report), string(secret)) || strings.Contains(out.String(), string(secret)) {
		t.Error("the secret leaked into the report or stdout")
	}
	if !strings.Contains(out.String(), "verdict: CONFORMANT") {
		t.Errorf("no verdict line:\n%s", out.String())
	}
}

// A client that sent nothing is not certified by the webhook scenarios: with --webhook-url and
// --pay-every the receiver's scenarios pass, yet the run is INCOMPLETE, exit 1 (README "Certify your
// integration": exit 1 for "no request at all"; review-final finding 1, where it was CONFORMANT).
func TestCertifyClientWithoutARequestIsIncomplete(t *testing.T) {
	recvURL, receiver := startReceiver(t)
	dir := filepath.Join(t.TempDir(), "bundle")
	var out, errOut syncBuffer
	_, _, secret, exit := startCertify(t, context.Background(), &out, &errOut, "--secret-file", filepath.Join(t.TempDir(), "secret"),
		"--report-dir", dir, "--webhook-url", recvURL, "--pay-every", "100ms", "--duration", "1s")
	receiver.Store(&webhook.Receiver{Secret: secret, OnPayment: func(webhook.PaymentNotification) error { return nil }})
	if code := <-exit; code != exitFail {
		t.Fatalf("exit %d, want 1; stderr %q\n%s", code, errOut.String(), out.String())
	}
	for _, want := range []string{"verdict: INCOMPLETE", "NOT RUN the partner client's requests: the client sent no request"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out.String())
		}
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if !strings.Contains(string(report), `"result": "INCOMPLETE"`) {
		t.Errorf("report.json's verdict is not INCOMPLETE")
	}
}

// UTC timestamps end NOT CONFORMANT (exit 1) after --duration; the fault plan is printed replayable.
func TestCertifyClientNotConformant(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	var out, errOut syncBuffer
	base, id, secret, exit := startCertify(t, context.Background(), &out, &errOut, "--secret-file", filepath.Join(t.TempDir(), "secret"),
		"--report-dir", dir, "--duration", "1s", "--faults", "seed:7")
	utcWall := time.Now().UTC()
	utcAsVietnam := time.Date(utcWall.Year(), utcWall.Month(), utcWall.Day(), utcWall.Hour(), utcWall.Minute(), utcWall.Second(), 0, signing.Vietnam)
	signedCall(t, base+"/v1/get-banks", id, secret, "", utcAsVietnam)
	// A mobile in the 84… form breaks the contract's pattern: the finding quotes it, stdout must not.
	signedCall(t, base+"/v1/create-va", id, secret, `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789","mobile":"84912345678"}`, time.Now())
	if code := <-exit; code != exitFail {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut.String())
	}
	for _, want := range []string{"FAILED certify-client:request/1", "CC-TS-02: ", "FAILED certify-client:request/2", "CC-BODY-01: ", "verdict: NOT CONFORMANT"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "84912345678") || strings.Contains(out.String(), "0123456789") {
		t.Errorf("stdout holds an unmasked number:\n%s", out.String())
	}
	if !regexp.MustCompile(`fault drills from seed 7: \S+ \(replay: --faults '\S+'\)`).MatchString(out.String()) {
		t.Errorf("no replayable plan:\n%s", out.String())
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if !strings.Contains(string(report), "it looks like the time in UTC, not UTC+7") {
		t.Errorf("report.json does not name the UTC timestamp")
	}
}

// Bad flags are one line and exit 2, before anything is served or written.
func TestCertifyClientUsage(t *testing.T) {
	for _, tc := range []struct{ args, stderr string }{
		{"extra", `unexpected argument "extra"`},
		{"--faults createVa#0=slow", "is not OP#N=KIND"},
		{"--faults nosuchOp#1=slow", `unknown operation "nosuchOp"`},
		{"--faults createVa#1=teapot", `unknown fault "teapot"`},
		{"--faults seed:x", "the seed must be a non-zero integer"},
		{"--webhook-url localhost:9", "is not an http(s) URL"},
		{"--duration -1s", "--duration must not be negative"},
		{"--slow 0s", "--slow must be positive"},
		// The client talked to the mock: no environment to attest (review 10-15, B2; issue 10 §7).
		{"--environment prod", "not against an environment"},
		{"--environment uat", "not against an environment"},
		{"--environment production", "not against an environment"},
	} {
		f := newFakeCLI("", nil)
		secretFile := filepath.Join(t.TempDir(), "secret")
		// --duration bounds a run a regression would let start; a case's own flags come after and win.
		args := []string{"certify-client", "--addr", "127.0.0.1:0", "--secret-file", secretFile, "--duration", "1s"}
		if code := f.run(append(args, strings.Fields(tc.args)...)...); code != exitUsage {
			t.Errorf("%s: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(f.errOut.String(), tc.stderr) || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%s: stderr %q, want one line with %q", tc.args, f.errOut.String(), tc.stderr)
		}
		if _, err := os.Stat(secretFile); err == nil {
			t.Errorf("%s: the secret file was written before the flags were checked", tc.args)
		}
	}
}

// An existing --secret-file certify-client did not write is refused (exit 2, one line) and left as
// it was: elsewhere --secret-file names the partner's real secret (review 10-15, S2).
func TestCertifyClientKeepsAForeignSecretFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tingee.secret")
	if err := os.WriteFile(path, []byte("my-real-production-secret-123"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFakeCLI("", nil)
	if code := f.run("certify-client", "--addr", "127.0.0.1:0", "--secret-file", path, "--duration", "1ms"); code != exitUsage {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(f.errOut.String(), "exists and certify-client did not write it") || strings.Count(f.errOut.String(), "\n") != 1 {
		t.Errorf("stderr %q, want one line naming the file", f.errOut.String())
	}
	if b, _ := os.ReadFile(path); string(b) != "my-real-production-secret-123" {
		t.Fatalf("the file was changed: %q", b)
	}
}

// A secret file certify-client wrote before is replaced by a fresh secret, mode 0600 even if its
// mode was changed since; once its content is changed, it is no longer taken as certify-client's.
func TestCertifyClientRewritesItsOwnSecretFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "certify.secret")
	runOnce := func() int {
		f := newFakeCLI("", nil)
		return f.run("certify-client", "--addr", "127.0.0.1:0", "--secret-file", path, "--duration", "1ms", "--report-dir", t.TempDir())
	}
	if code := runOnce(); code == exitUsage {
		t.Fatalf("first run: exit %d", code)
	}
	first, _ := os.ReadFile(path)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := runOnce(); code == exitUsage {
		t.Fatalf("second run, own file: exit %d", code)
	}
	second, _ := os.ReadFile(path)
	info, err := os.Stat(path)
	if err != nil || bytes.Equal(first, second) || len(second) != 64 || info.Mode().Perm() != 0o600 {
		t.Fatalf("second secret %d bytes, same as the first %v, mode %v (%v); want a fresh one, 0600", len(second), bytes.Equal(first, second), info.Mode().Perm(), err)
	}
	if err := os.WriteFile(path, []byte("edited-by-hand-secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := runOnce(); code != exitUsage {
		t.Fatalf("third run, file edited since: exit %d, want 2", code)
	}
}

// One correct create-va signed in upper-case hex (CC-SIG-02, SHOULD): the console and every file
// of the bundle say CONFORMANT WITH WARNINGS (exit 0); the bundle's banner says what it certifies
// (the partner's client), not the mock rehearsal's "says nothing of any partner's implementation";
// its coverage is the client's, not the target's error catalogue and drift (review 10-15, B1, B2, S5).
func TestCertifyClientWarningsAndScopeReachTheBundle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	var out, errOut syncBuffer
	base, id, secret, exit := startCertify(t, context.Background(), &out, &errOut, "--secret-file", filepath.Join(t.TempDir(), "secret"),
		"--report-dir", dir, "--duration", "1s")
	body := `{"accountType":"personal-account","bankBin":"970448","accountNumber":"0123456789"}`
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/create-va", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	signing.SetHeaders(req.Header, id, secret, []byte(body), time.Now())
	req.Header.Set(signing.HeaderSignature, strings.ToUpper(req.Header.Get(signing.HeaderSignature)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code := <-exit; code != exitOK {
		t.Fatalf("exit %d, want 0; stderr %q\n%s", code, errOut.String(), out.String())
	}
	if !strings.Contains(out.String(), "verdict: CONFORMANT WITH WARNINGS\n") || !strings.Contains(out.String(), "WARNING CC-SIG-02 (unconfirmed)") {
		t.Errorf("console:\n%s", out.String())
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for name, wants := range map[string][]string{
		"report.json": {`"result": "CONFORMANT WITH WARNINGS"`, `"warnings": 1`, `"requirement": "CC-SIG-02"`, `"scope": "A certification of the partner's own client`, `"clientCoverage"`},
		"summary.md":  {"# ✅ CONFORMANT WITH WARNINGS", "## Warnings", "**What this certifies.**", "## Client coverage", "| createVa | 1 | 1 | exercised |"},
		"junit.xml":   {"WARNING (should-level, not a failure)"},
		"report.html": {`<section id="warnings">`, "What this certifies.", "<h2>Client coverage</h2>"},
	} {
		text := read(name)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		for _, unwanted := range []string{"says nothing of any bank's or partner's implementation", "Error-catalogue coverage", "Drift (sent by the target"} {
			if strings.Contains(text, unwanted) {
				t.Errorf("%s holds %q", name, unwanted)
			}
		}
	}
}
