package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestText(t *testing.T) {
	since := time.Date(2026, 1, 1, 10, 58, 2, 0, time.Local)
	got := Text("POST /v1/confirm-va", since, since.Add(time.Minute), since.Add(12*time.Second))
	if want := "  … waiting for POST /v1/confirm-va since 10:58:02 (12s), giving up at 10:59:02 (in 48s)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// On a terminal the line is redrawn in place and erased at the end; a wait
// shorter than Quiet shows nothing.
func TestLiveLine(t *testing.T) {
	var out syncBuf
	l := &Line{Out: &out, Live: true, Every: 10 * time.Millisecond, Quiet: 20 * time.Millisecond}
	l.Wait("GET /v1/x", time.Time{})()
	if out.String() != "" {
		t.Fatalf("a short wait drew %q", out.String())
	}
	done := l.Wait("POST /v1/confirm-va", time.Now().Add(time.Minute))
	time.Sleep(80 * time.Millisecond)
	done()
	s := out.String()
	if strings.Count(s, "\r\033[K  … waiting for POST /v1/confirm-va since ") < 2 || !strings.HasSuffix(s, "\r\033[K") || strings.Contains(s, "\n") {
		t.Errorf("live line: %q", s)
	}
}

// Off a terminal a long wait writes one line, never a carriage return.
func TestLogLine(t *testing.T) {
	var out syncBuf
	l := &Line{Out: &out, Every: 10 * time.Millisecond, Quiet: 20 * time.Millisecond}
	done := l.Wait("POST /v1/confirm-va", time.Now().Add(time.Minute))
	time.Sleep(80 * time.Millisecond)
	done()
	s := out.String()
	if strings.Count(s, "\n") != 1 || strings.Contains(s, "\r") || !strings.Contains(s, "giving up at") {
		t.Errorf("log line: %q", s)
	}
}
