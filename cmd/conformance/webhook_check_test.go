package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

var mockEnv = map[string]string{auth.EnvClientID: auth.MockClientID, auth.EnvSecret: auth.MockSecret}

func TestWebhookCheckExitCodes(t *testing.T) {
	good := httptest.NewServer(&webhook.Receiver{Secret: []byte(auth.MockSecret)})
	defer good.Close()
	acksAll := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `{"code":"00","message":"Success"}`)
	}))
	defer acksAll.Close()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	nobody := "http://" + l.Addr().String()
	l.Close()

	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr string
	}{
		{"reference receiver", mockEnv, []string{"--url", good.URL}, exitOK, ""},
		{"accepts anything", mockEnv, []string{"--url", acksAll.URL}, exitFail, ""},
		{"nobody listening", mockEnv, []string{"--url", nobody, "--timeout", "1s"}, exitUnreachable, ""},
		{"no url", mockEnv, nil, exitUsage, "--url is required"},
		{"not a url", mockEnv, []string{"--url", "localhost:8090"}, exitUsage, `--url "localhost:8090" is not an http(s) URL`},
		{"bad timeout", mockEnv, []string{"--url", good.URL, "--timeout", "0s"}, exitUsage, "--timeout must be positive"},
		{"bad environment", mockEnv, []string{"--url", good.URL, "--environment", "prod"}, exitUsage, "--environment must be uat or production"},
		{"no secret", map[string]string{auth.EnvClientID: "c"}, []string{"--url", good.URL}, exitUsage, auth.EnvSecret},
		{"no scenario", mockEnv, []string{"--url", good.URL, "--tags", "@nothing"}, exitUsage, "matched no scenario"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "bundle")
			f := newFakeCLI("", tt.env)
			if code := f.run(append([]string{"webhook-check", "--report-dir", dir}, tt.args...)...); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, f.errOut.String())
			}
			if !strings.Contains(f.errOut.String(), tt.stderr) || strings.Count(f.errOut.String(), "\n") > 1 {
				t.Errorf("stderr %q: want one line with %q", f.errOut.String(), tt.stderr)
			}
			if tt.code == exitOK || tt.code == exitFail {
				assertBundleWithoutSecret(t, dir)
			}
			if tt.code != exitUsage {
				assertEndsLikeRun(t, f.out.String(), tt.code, dir)
			}
		})
	}
}

var progressLine = regexp.MustCompile(`(?m)^ +\d+ [a-z]+ +features/webhook-receiver\.feature:\d+  `)

// assertEndsLikeRun: the output ends as run's does, with the summary's
// "exit N: why" and "report: DIR" lines, and holds no godog summary.
func assertEndsLikeRun(t *testing.T, out string, code int, dir string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if n := len(lines); n < 3 || !strings.HasPrefix(lines[n-2], fmt.Sprintf("exit %d: ", code)) || lines[n-1] != "report: "+dir {
		t.Errorf("want the last lines \"exit %d: …\" and \"report: %s\":\n%s", code, dir, out)
	}
	if n := len(progressLine.FindAllString(out, -1)); n != 11 {
		t.Errorf("want a progress line for each of the 11 scenarios, got %d:\n%s", n, out)
	}
	if !strings.Contains(out, " scenarios: ") || strings.Contains(out, " steps (") {
		t.Errorf("want run's summary, not godog's:\n%s", out)
	}
}

func assertBundleWithoutSecret(t *testing.T, dir string) {
	t.Helper()
	for _, name := range []string{"report.json", "report.html", "junit.xml", "cucumber.json", "summary.md", "manifest.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("bundle: %v", err)
			continue
		}
		if strings.Contains(string(data), auth.MockSecret) {
			t.Errorf("%s holds the secret", name)
		}
	}
}

func TestExampleReceiverServesUntilInterrupted(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	ctx, stop := context.WithCancel(context.Background())
	f := newFakeCLI("", mockEnv)
	done := make(chan int, 1)
	go func() { done <- dispatch(ctx, &f.cli, []string{"example-receiver", "--addr", addr}) }()

	var resp *http.Response
	var err error
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if resp, err = http.Post("http://"+addr, "application/json", strings.NewReader(`{"event":"ping","message":"t","timestamp":1}`)); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("the example receiver did not listen on %s: %v", addr, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("ping answered %d, want 200", resp.StatusCode)
	}
	payment := `{"clientId":"c","transactionCode":"FT1","amount":150000,"content":"Thanh toán 12/2025","bank":"OCB",` +
		`"accountNumber":"0123","vaAccountNumber":"TNG1","transactionDate":"20251201093000","additionalData":[]}`
	link := `{"requestId":"","status":"confirm-va-success","vaAccountNumber":"TNG2","accountNumber":"0456","accountName":"A"}`
	for _, body := range []string{payment, payment, link} {
		if status := postSigned(t, "http://"+addr, body); status != http.StatusOK {
			t.Errorf("%s answered %d, want 200", body, status)
		}
	}
	stop()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d, want 0; stderr %q", code, f.errOut.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the example receiver did not stop on interrupt")
	}
	out := f.out.String()
	if strings.Count(out, "payment FT1:") != 1 || !strings.Contains(out, `"Thanh toán 12/2025"`) {
		t.Errorf("want the payment printed once, Vietnamese intact; stdout %q", out)
	}
	if !strings.Contains(out, `link result confirm-va-success: VA "TNG2"`) {
		t.Errorf("want the link result printed; stdout %q", out)
	}
}

// postSigned POSTs body signed with the test pair's secret, as Tingee sends a webhook.
func postSigned(t *testing.T, url, body string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	webhook.SignHeaders(req.Header, []byte(auth.MockSecret), []byte(body), time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestExampleReceiverUsage(t *testing.T) {
	for _, tt := range []struct {
		env    map[string]string
		args   []string
		stderr string
	}{
		{nil, nil, auth.EnvSecret},
		{mockEnv, []string{"--addr", "256.0.0.1:80"}, "--addr"},
		{mockEnv, []string{"extra"}, `unexpected argument "extra"`},
	} {
		f := newFakeCLI("", tt.env)
		if code := f.run(append([]string{"example-receiver"}, tt.args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		if !strings.Contains(f.errOut.String(), tt.stderr) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, f.errOut.String(), tt.stderr)
		}
	}
}
