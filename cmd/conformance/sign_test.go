package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// The vectors of docs/tingee-api-notes.md (secret test-secret, timestamp 20250101120000000).
const (
	vectorTimestamp   = "20250101120000000"
	emptyObjectVector = "eda8e99c03a13c2d4aea69e7193a291e969144b46895ea9b8c7efa8d9035091d77aa48b4f16a23b347b165bfefcde8692d27be203866dc34777411fb3e28207d"
	confirmVaBody     = `{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`
	confirmVaVector   = "70e5339ed553b64c33d7e70e24ec3af496d8a2620b20b763ec293b78d82cbf2d53bc11245216af6a9ec9839d8ff7b71e9725f608372a5c09862992c0795e3920"
)

// fakeCLI is a cli over buffers with a fixed environment.
type fakeCLI struct {
	cli
	out, errOut bytes.Buffer
}

func newFakeCLI(stdin string, env map[string]string) *fakeCLI {
	f := &fakeCLI{}
	f.cli = cli{
		stdin:  strings.NewReader(stdin),
		stdout: &f.out,
		stderr: &f.errOut,
		getenv: func(k string) string { return env[k] },
	}
	return f
}

func (f *fakeCLI) run(args ...string) int {
	return dispatch(context.Background(), &f.cli, args)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var testEnv = map[string]string{"TINGEE_SECRET_TOKEN": "test-secret"}

func TestSignPrintsNotesVectorLast(t *testing.T) {
	f := newFakeCLI("{}", testEnv)
	if code := f.run("sign", "--timestamp", vectorTimestamp, "--body-file", "-"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
	}
	if got := lastLine(f.out.String()); got != emptyObjectVector {
		t.Errorf("last line %q, want %s", got, emptyObjectVector)
	}
	sum := sha256.Sum256([]byte(vectorTimestamp + ":{}"))
	for _, want := range []string{"string-to-sign       " + vectorTimestamp + ":{}\n", hex.EncodeToString(sum[:])} {
		if !strings.Contains(f.out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, f.out.String())
		}
	}
	if f.errOut.Len() != 0 {
		t.Errorf("minified {} drew warnings: %q", f.errOut.String())
	}
}

func TestSignBodySources(t *testing.T) {
	confirmFile := writeFile(t, "confirm.json", confirmVaBody)
	emptyFile := writeFile(t, "empty.json", "")
	secretFile := writeFile(t, "secret", "test-secret\n")
	tests := []struct {
		name  string
		env   map[string]string
		stdin string
		args  []string
		want  string
	}{
		{"no --body-file signs {}", testEnv, "", nil, emptyObjectVector},
		{"empty file signs {}", testEnv, "", []string{"--body-file", emptyFile}, emptyObjectVector},
		{"empty stdin signs {}", testEnv, "", []string{"--body-file", "-"}, emptyObjectVector},
		{"body from a file", testEnv, "", []string{"--body-file", confirmFile}, confirmVaVector},
		{"body from stdin", testEnv, confirmVaBody, []string{"--body-file", "-"}, confirmVaVector},
		{"secret from --secret-file, trailing newline trimmed", nil, "", []string{"--secret-file", secretFile}, emptyObjectVector},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeCLI(tt.stdin, tt.env)
			args := append([]string{"sign", "--timestamp", vectorTimestamp}, tt.args...)
			if code := f.run(args...); code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
			}
			if got := lastLine(f.out.String()); got != tt.want {
				t.Errorf("last line %q, want %s", got, tt.want)
			}
		})
	}
}

func TestSignDefaultsToNow(t *testing.T) {
	f := newFakeCLI("", testEnv)
	if code := f.run("sign"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
	}
	var ts string
	for _, line := range strings.Split(f.out.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "x-request-timestamp"); ok {
			ts = strings.TrimSpace(rest)
		}
	}
	if _, err := signing.CheckTimestamp(ts, time.Now()); err != nil {
		t.Fatalf("default timestamp %q: %v", ts, err)
	}
	if got, want := lastLine(f.out.String()), signing.Sign([]byte("test-secret"), ts, []byte("{}")); got != want {
		t.Errorf("last line %q, want %s", got, want)
	}
}

func TestSignShortensLongBody(t *testing.T) {
	body := `{"content":"` + strings.Repeat("đ", 150) + `"}` // 2-byte runes: the cut must not split one
	f := newFakeCLI(body, testEnv)
	if code := f.run("sign", "--timestamp", vectorTimestamp, "--body-file", "-"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
	}
	shown := `{"content":"` + strings.Repeat("đ", 94) // 12 + 188 = 200 bytes
	wantLine := "string-to-sign       " + vectorTimestamp + ":" + shown + " …[" + strconv.Itoa(len(body)-200) + " more bytes cut]\n"
	if !strings.Contains(f.out.String(), wantLine) {
		t.Errorf("stdout lacks %q:\n%s", wantLine, f.out.String())
	}
	if got, want := lastLine(f.out.String()), signing.Sign([]byte("test-secret"), vectorTimestamp, []byte(body)); got != want {
		t.Errorf("the whole body must be signed: last line %q, want %s", got, want)
	}
}

func TestSignShowsControlCharacters(t *testing.T) {
	f := newFakeCLI("{\r\n\t\"a\": 1\r\n}\n", testEnv)
	if code := f.run("sign", "--timestamp", vectorTimestamp, "--body-file", "-"); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	want := vectorTimestamp + `:{<CR><LF><TAB>"a": 1<CR><LF>}<LF>` + "\n"
	if !strings.Contains(f.out.String(), want) {
		t.Errorf("stdout lacks %q:\n%s", want, f.out.String())
	}
}

func TestSignWarnings(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // substrings of stderr, one per warning line
	}{
		{"minified", `{"a":"https://x.vn/á"}`, nil},
		{"pretty-printed", "{\n  \"a\": 1\n}", []string{"not minified"}},
		{"trailing newline", "{\"a\":1}\n", []string{"including a trailing newline"}},
		{"escaped non-ASCII", `{"a":"to\u00e1n"}`, []string{`\u-escaped non-ASCII`}},
		{"escaped ASCII control character is fine", `{"a":"\u001f"}`, nil},
		{"escaped backslash before u is not an escape", `{"a":"\\u00e1"}`, nil},
		{"escaped slash", `{"a":"https:\/\/x.vn"}`, []string{`escapes / as \/`}},
		{"all three", "{\"a\": \"\\u1ec5\\/\"}\n", []string{"not minified", `\u-escaped`, `\/`}},
		{"not JSON", `bankBin=970448`, []string{"not valid JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeCLI(tt.body, testEnv)
			if code := f.run("sign", "--timestamp", vectorTimestamp, "--body-file", "-"); code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
			}
			lines := strings.Split(strings.TrimSpace(f.errOut.String()), "\n")
			if len(tt.want) == 0 {
				if f.errOut.Len() != 0 {
					t.Errorf("unexpected warnings: %q", f.errOut.String())
				}
				return
			}
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d warning lines, want %d: %q", len(lines), len(tt.want), f.errOut.String())
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(lines[i], "warning: ") || !strings.Contains(lines[i], want) {
					t.Errorf("warning %d = %q, want one containing %q", i, lines[i], want)
				}
			}
		})
	}
}

func TestSignCurl(t *testing.T) {
	bodyFile := writeFile(t, "confirm.json", confirmVaBody)
	tests := []struct {
		name     string
		env      map[string]string
		stdin    string
		args     []string
		wantData string
		wantID   string
	}{
		{"body from a file, no client id", testEnv, "", []string{"--body-file", bodyFile},
			"--data-binary '" + confirmVaBody + "'", clientIDPlaceholder},
		{"stdin body with a quote, client id from the environment", map[string]string{"TINGEE_SECRET_TOKEN": "test-secret", "TINGEE_CLIENT_ID": "env-client"},
			`{"a":"it's"}`, []string{"--body-file", "-"}, `--data-binary '{"a":"it'\''s"}'`, "env-client"},
		{"no body sends {}, client id from the flag", testEnv, "", []string{"--client-id", "flag-client"}, `--data-binary '{}'`, "flag-client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeCLI(tt.stdin, tt.env)
			args := append([]string{"sign", "--curl", "https://uat-open-api.tingee.vn/v1/confirm-va"}, tt.args...)
			if code := f.run(args...); code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
			}
			out := f.out.String()
			for _, want := range []string{
				"curl -sS -X POST 'https://uat-open-api.tingee.vn/v1/confirm-va'",
				"-H 'content-type: application/json'",
				"-H 'x-client-id: " + tt.wantID + "'",
				"-H 'x-request-timestamp: ",
				"-H 'x-signature: ",
				tt.wantData + "\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("curl command lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// The curl command must carry the signature of the bytes it sends.
func TestSignCurlSignatureMatchesSentBody(t *testing.T) {
	f := newFakeCLI(confirmVaBody, testEnv)
	if code := f.run("sign", "--curl", "http://127.0.0.1:8080/v1/confirm-va", "--timestamp", vectorTimestamp, "--body-file", "-"); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(f.out.String(), "x-signature: "+confirmVaVector+"'") {
		t.Errorf("curl command lacks the confirm-va vector:\n%s", f.out.String())
	}
	if !strings.Contains(f.errOut.String(), "code 90") {
		t.Errorf("a 2025 timestamp in a curl command should draw a stale-timestamp warning, stderr %q", f.errOut.String())
	}
}

func TestSignNeverPrintsTheSecret(t *testing.T) {
	const secret = "s3cr3t-Never-Print-Me"
	secretFile := writeFile(t, "secret", secret)
	env := map[string]string{"TINGEE_SECRET_TOKEN": secret, "TINGEE_CLIENT_ID": "client-1"}
	for _, args := range [][]string{
		{"sign"},
		{"sign", "--timestamp", vectorTimestamp, "--body-file", "-"},
		{"sign", "--curl", "http://localhost/v1/get-banks"},
		{"sign", "--secret-file", secretFile, "--curl", "http://localhost/v1/get-banks"},
		{"sign", "--timestamp", "bad"},
		{"sign", "--body-file", "/does/not/exist"},
		{"sign", "-h"},
	} {
		f := newFakeCLI(`{"a":"b"}`, env)
		f.run(args...)
		if strings.Contains(f.out.String()+f.errOut.String(), secret) {
			t.Errorf("%v printed the secret", args)
		}
	}
}

func TestSignErrorsExitUsageWithOneLine(t *testing.T) {
	emptySecret := writeFile(t, "empty-secret", "\n")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no secret", nil, nil, "TINGEE_SECRET_TOKEN"},
		{"unreadable secret file", nil, []string{"--secret-file", "/does/not/exist"}, "--secret-file"},
		{"empty secret file", nil, []string{"--secret-file", emptySecret}, "empty"},
		{"unreadable body file", testEnv, []string{"--body-file", "/does/not/exist"}, "--body-file"},
		{"body file is a directory", testEnv, []string{"--body-file", os.TempDir()}, "--body-file"},
		{"16-digit timestamp", testEnv, []string{"--timestamp", "2025010112000000"}, "--timestamp"},
		{"month 13", testEnv, []string{"--timestamp", "20251301120000000"}, "--timestamp"},
		{"unknown flag", testEnv, []string{"--bogus"}, "-bogus"},
		{"stray argument", testEnv, []string{"body.json"}, `"body.json"`},
		{"NUL byte in a --curl body", testEnv, []string{"--body-file", "-", "--curl", "http://x"}, "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeCLI("{\"a\":\"\x00\"}", tt.env)
			code := f.run(append([]string{"sign"}, tt.args...)...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			stderr := f.errOut.String()
			if n := strings.Count(stderr, "\n"); n != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q: want one line naming %q", stderr, tt.want)
			}
			if f.out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", f.out.String())
			}
		})
	}
}

// Runs the printed curl command against a server that verifies the signature
// over the raw bytes it receives.
func TestSignCurlCommandSendsTheSignedBytes(t *testing.T) {
	bash, errBash := exec.LookPath("bash")
	_, errCurl := exec.LookPath("curl")
	if errBash != nil || errCurl != nil {
		t.Skip("needs bash and curl; TestSignCurl checks the command's text")
	}
	body := "{\r\n  \"content\": \"Thanh toán it's \\/ #1\"\r\n}\n"
	received := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, err := io.ReadAll(r.Body)
		if err == nil && string(got) != body {
			err = fmt.Errorf("received body %q, want %q", got, body)
		}
		if err == nil {
			err = signing.Verify(r.Header, got, []byte("test-secret"), time.Now())
		}
		received <- err
	}))
	defer srv.Close()
	f := newFakeCLI(body, map[string]string{"TINGEE_SECRET_TOKEN": "test-secret", "TINGEE_CLIENT_ID": "client-1"})
	if code := f.run("sign", "--body-file", "-", "--curl", srv.URL+"/v1/confirm-va"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
	}
	if out, err := exec.Command(bash, "-c", f.out.String()).CombinedOutput(); err != nil {
		t.Fatalf("curl command failed: %v\n%s", err, out)
	}
	if err := <-received; err != nil {
		t.Error(err)
	}
}

// get-banks is a GET: the curl command sends no body, and the server verifies {}.
func TestSignCurlGetBanksIsAGetWithoutABody(t *testing.T) {
	bash, errBash := exec.LookPath("bash")
	_, errCurl := exec.LookPath("curl")
	if errBash != nil || errCurl != nil {
		t.Skip("needs bash and curl")
	}
	received := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, err := io.ReadAll(r.Body)
		switch {
		case err != nil:
		case r.Method != http.MethodGet || len(got) != 0:
			err = fmt.Errorf("received %s with body %q, want GET without a body", r.Method, got)
		default:
			err = signing.Verify(r.Header, got, []byte("test-secret"), time.Now())
		}
		received <- err
	}))
	defer srv.Close()
	f := newFakeCLI("", map[string]string{"TINGEE_SECRET_TOKEN": "test-secret", "TINGEE_CLIENT_ID": "client-1"})
	if code := f.run("sign", "--curl", srv.URL+"/v1/get-banks"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "-X GET ") || strings.Contains(f.out.String(), "--data-binary") {
		t.Errorf("want a GET without --data-binary:\n%s", f.out.String())
	}
	if out, err := exec.Command(bash, "-c", f.out.String()).CombinedOutput(); err != nil {
		t.Fatalf("curl command failed: %v\n%s", err, out)
	}
	if err := <-received; err != nil {
		t.Error(err)
	}

	f = newFakeCLI(`{"a":1}`, testEnv)
	if code := f.run("sign", "--body-file", "-", "--curl", srv.URL+"/v1/get-banks"); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(f.errOut.String(), "sends no body") {
		t.Errorf("a body for a GET should draw a warning, stderr %q", f.errOut.String())
	}
}
