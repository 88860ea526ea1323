package client_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// Fault injection: targets that hang, reset, dribble, answer garbage, close
// mid-body or stream an endless body. Each Send must end within the client's
// timeout (plus slack for a shared machine) with a transport error that says
// what happened, and never read more than the size cap.
const (
	faultTimeout = 300 * time.Millisecond
	faultSlack   = 3 * time.Second
)

var pagingRequest = client.Request{Operation: "getVaPaging", Method: http.MethodPost, Path: "/v1/get-va-paging",
	Body: []byte(`{"skipCount":0,"maxResultCount":10}`)}

func faultClient(base string) *client.Client {
	return &client.Client{BaseURL: base, Spec: pagingIsIdempotent{}, Timeout: faultTimeout, HTTP: &http.Client{}}
}

// pagingIsIdempotent is a contract that finds nothing and marks getVaPaging idempotent.
type pagingIsIdempotent struct{}

func (pagingIsIdempotent) ValidateResponse(string, string, int, http.Header, []byte) []evidence.Finding {
	return nil
}
func (pagingIsIdempotent) ValidateBody(string, []byte) []evidence.Finding { return nil }
func (pagingIsIdempotent) Idempotent(operationID string) bool             { return operationID == "getVaPaging" }

// sendTimed sends pagingRequest and fails the test when it outlives the timeout.
func sendTimed(t *testing.T, c *client.Client) evidence.Exchange {
	t.Helper()
	start := time.Now()
	x := c.Send(context.Background(), pagingRequest)
	if took := time.Since(start); took > c.Timeout+faultSlack {
		t.Fatalf("Send took %v with a %v timeout", took, c.Timeout)
	}
	return x
}

func wantTransportError(t *testing.T, x evidence.Exchange, oneOf ...string) {
	t.Helper()
	for _, s := range oneOf {
		if strings.Contains(x.TransportError, s) {
			return
		}
	}
	t.Fatalf("transport error %q, want one mentioning %q (status %d, %d body bytes)", x.TransportError, oneOf, x.Status, len(x.ResponseBody))
}

// rawTarget serves each connection with serve, below HTTP; it reads the request first.
func rawTarget(t *testing.T, serve func(c net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer conn.Close()
				if _, err := http.ReadRequest(bufio.NewReader(conn)); err == nil {
					serve(conn)
				}
			})
		}
	})
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return "http://" + ln.Addr().String()
}

func TestHangingTargetTimesOut(t *testing.T) {
	release := make(chan struct{})
	base := rawTarget(t, func(net.Conn) { <-release })
	t.Cleanup(func() { close(release) }) // runs before the listener's cleanup
	x := sendTimed(t, faultClient(base))
	wantTransportError(t, x, "deadline exceeded", "Timeout")
}

func TestResetConnectionIsATransportError(t *testing.T) {
	base := rawTarget(t, func(c net.Conn) { c.(*net.TCPConn).SetLinger(0) }) // close sends RST
	x := sendTimed(t, faultClient(base))
	wantTransportError(t, x, "connection reset", "EOF")
}

func TestGarbageInsteadOfHTTPIsATransportError(t *testing.T) {
	base := rawTarget(t, func(c net.Conn) { io.WriteString(c, "SSH-2.0-OpenSSH_9.6\r\n\r\n") })
	x := sendTimed(t, faultClient(base))
	wantTransportError(t, x, "malformed HTTP")
}

func TestCloseMidBodyIsATransportError(t *testing.T) {
	base := rawTarget(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"code\":\"00\",\"da")
	})
	x := sendTimed(t, faultClient(base))
	wantTransportError(t, x, "unexpected EOF")
	if x.Status != http.StatusOK || string(x.ResponseBody) != `{"code":"00","da` {
		t.Errorf("the partial answer is not kept as evidence: %d %q", x.Status, x.ResponseBody)
	}
}

// A garbage body over valid HTTP is not a transport failure but a contract break: findings, not an error.
func TestGarbageBodyIsAFinding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "\x00\xff<html>not json")
	}))
	t.Cleanup(srv.Close)
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := faultClient(srv.URL)
	c.Spec = sp
	x := sendTimed(t, c)
	if x.TransportError != "" || len(x.Findings) == 0 {
		t.Fatalf("transport error %q, findings %v: want no transport error and a finding", x.TransportError, x.Findings)
	}
}

func TestSlowBodyPastTheTimeoutIsCut(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		for _, b := range []byte(`{"code":"00","message":"Success","data":{}}`) {
			if _, err := w.Write([]byte{b}); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}))
	t.Cleanup(srv.Close)
	x := sendTimed(t, faultClient(srv.URL))
	wantTransportError(t, x, "deadline exceeded", "Timeout")
}

func TestSlowAnswerWithinTheTimeoutIsKept(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(faultTimeout / 3)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"code":"00","message":"Success","data":{"totalCount":0,"items":[]}}`)
	}))
	t.Cleanup(srv.Close)
	x := sendTimed(t, faultClient(srv.URL))
	if x.TransportError != "" || x.Status != http.StatusOK {
		t.Fatalf("a slow but timely answer was lost: %d %q", x.Status, x.TransportError)
	}
}

// A target announcing and streaming 2 GB is cut at the size cap: nothing near 2 GB is read, and only a
// short prefix of what was read is held as evidence.
func TestEndlessBodyIsCutAtTheSizeCap(t *testing.T) {
	var sent atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "2147483648")
		chunk := []byte(strings.Repeat(" ", 32<<10))
		for r.Context().Err() == nil {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	c := faultClient(srv.URL)
	c.Timeout = 10 * time.Second // the cap, not the clock, must end this one
	x := sendTimed(t, c)
	wantTransportError(t, x, client.ErrResponseTooLarge.Error())
	wantTransportError(t, x, "answer exceeded 8 MiB, first 64 KiB kept")
	if len(x.ResponseBody) != client.KeptPrefix || cap(x.ResponseBody) > 2*client.KeptPrefix {
		t.Errorf("kept %d bytes (capacity %d) as evidence, want the first %d", len(x.ResponseBody), cap(x.ResponseBody), client.KeptPrefix)
	}
	srv.CloseClientConnections()
	if s := sent.Load(); s > 16*client.DefaultMaxResponse {
		t.Errorf("the target got to send %d bytes: the reader did not stop at the cap", s)
	}
}

// With retries on, a read against a target that keeps resetting is tried
// 1+Retries times with growing waits, then ends with the transport error;
// a hang is not retried (it already had its timeout), so it still ends in time.
func TestRetriedReadsStillEndInTime(t *testing.T) {
	var attempts atomic.Int32
	reset := rawTarget(t, func(c net.Conn) { attempts.Add(1); c.(*net.TCPConn).SetLinger(0) })
	c := faultClient(reset)
	c.Retries, c.Backoff = 2, 20*time.Millisecond
	x := sendTimed(t, c)
	wantTransportError(t, x, "connection reset", "EOF")
	if x.Retries != 2 || attempts.Load() != 3 {
		t.Errorf("exchange says %d retries, target saw %d attempts; want 2 and 3", x.Retries, attempts.Load())
	}

	release := make(chan struct{})
	hang := rawTarget(t, func(net.Conn) { attempts.Add(1); <-release })
	t.Cleanup(func() { close(release) })
	attempts.Store(0)
	c = faultClient(hang)
	c.Retries, c.Backoff = 2, 20*time.Millisecond
	x = sendTimed(t, c)
	wantTransportError(t, x, "deadline exceeded", "Timeout")
	if x.Retries != 0 || attempts.Load() != 1 {
		t.Errorf("a timed-out read was retried: %d retries, %d attempts", x.Retries, attempts.Load())
	}
}

// A read whose answer stops half-way is sent again at most Retries times,
// and the caller's Observe hook sees the call once, with its last failure.
func TestCloseMidBodyOnAReadIsRetriedThenObservedOnce(t *testing.T) {
	var attempts atomic.Int32
	base := rawTarget(t, func(c net.Conn) {
		attempts.Add(1)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"code\":\"00\",\"da")
	})
	c := faultClient(base)
	c.Retries, c.Backoff = 2, 20*time.Millisecond
	var observed []evidence.Exchange
	c.Observe = func(_ context.Context, x evidence.Exchange) { observed = append(observed, x) }
	x := sendTimed(t, c)
	wantTransportError(t, x, "unexpected EOF")
	if x.Retries != 2 || attempts.Load() != 3 {
		t.Errorf("exchange says %d retries, target saw %d attempts; want 2 and 3", x.Retries, attempts.Load())
	}
	if len(observed) != 1 || observed[0].TransportError != x.TransportError {
		t.Fatalf("Observe saw %d calls, want the one call with its transport error", len(observed))
	}
}
