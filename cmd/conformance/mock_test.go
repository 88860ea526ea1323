package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingLine = regexp.MustCompile(`mock: serving (http://127\.0\.0\.1:[0-9]+) \(client id ([^)]+)\)`)

// TestMockServesAndStopsOnCancel starts the mock on a free port, calls it signed, then stops it
// as a signal would (main cancels ctx on SIGINT/SIGTERM).
func TestMockServesAndStopsOnCancel(t *testing.T) {
	var out, errOut syncBuffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- runMock(ctx, c, []string{"--addr", "127.0.0.1:0", "--self-check"}) }()

	var m []string
	for deadline := time.Now().Add(5 * time.Second); m == nil && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		m = servingLine.FindStringSubmatch(out.String())
	}
	if m == nil {
		cancel()
		t.Fatalf("no serving line; stdout %q stderr %q", out.String(), errOut.String())
	}
	if m[2] != auth.MockClientID {
		t.Errorf("client id %q, want the test pair's", m[2])
	}
	if strings.Contains(out.String(), auth.MockSecret) {
		t.Error("the secret was printed")
	}

	req, _ := http.NewRequest(http.MethodGet, m[1]+"/v1/get-banks", nil)
	pair := auth.Mock()
	signing.SetHeaders(req.Header, pair.ClientID, pair.Secret, nil, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(string(body), `[{"code":"OCB"`) {
		t.Errorf("get-banks: %d %s", resp.StatusCode, body)
	}

	cancel()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit %d, want 0; stderr %q", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the mock did not stop after its context was cancelled")
	}
	if !strings.HasSuffix(out.String(), "mock: stopped\n") {
		t.Errorf("stdout %q", out.String())
	}
	if errOut.String() != "" {
		t.Errorf("stderr %q: the self-check found something", errOut.String())
	}
}

func TestMockBadInputIsOneLineExit2(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for name, tc := range map[string]struct {
		args []string
		env  map[string]string
		want string
	}{
		"unknown flag":         {[]string{"--port", "1"}, nil, "flag provided but not defined: -port"},
		"stray argument":       {[]string{"now"}, nil, `unexpected argument "now"`},
		"port in use":          {[]string{"--addr", busy.Addr().String()}, nil, "--addr " + busy.Addr().String()},
		"client id, no secret": {[]string{"--client-id", "abc", "--addr", "127.0.0.1:0"}, nil, auth.EnvSecret},
		"missing fixtures":     {[]string{"--fixtures", "/nonexistent/mock.yaml"}, nil, "mock: fixtures: open /nonexistent/mock.yaml"}, // worded as run words it
		"secret, no client id": {[]string{"--addr", "127.0.0.1:0"}, map[string]string{auth.EnvSecret: "s"}, auth.EnvClientID},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFakeCLI("", tc.env)
			if code := f.run(append([]string{"mock"}, tc.args...)...); code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stderr := f.errOut.String(); strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q: want one line containing %q", stderr, tc.want)
			}
		})
	}
}
