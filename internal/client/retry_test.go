package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// flaky answers ok after failing the first n requests with fail.
func flaky(t *testing.T, n int32, fail func(w http.ResponseWriter)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var seen atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if seen.Add(1) <= n {
			fail(w)
			return
		}
		ok(w)
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

// drop closes the connection without an answer.
func drop(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

func unavailable(w http.ResponseWriter) { w.WriteHeader(http.StatusServiceUnavailable) }

func retryingClient(base string) *Client {
	c := newClient(base)
	c.Retries, c.Backoff = 3, 20*time.Millisecond
	return c
}

var (
	paging   = Request{Operation: "getVaPaging", Method: "POST", Path: "/v1/get-va-paging", Body: []byte(`{"skipCount":0,"maxResultCount":10}`)}
	createVa = Request{Operation: "createVa", Method: "POST", Path: "/v1/create-va", Body: []byte(`{"accountType":"personal-account"}`)}
)

func TestReadsAreRetriedWithBackoff(t *testing.T) {
	for name, fail := range map[string]func(http.ResponseWriter){"dropped connection": drop, "503": unavailable} {
		t.Run(name, func(t *testing.T) {
			srv, seen := flaky(t, 2, fail)
			c := retryingClient(srv.URL)
			start := time.Now()
			x := c.Send(context.Background(), paging)
			if x.TransportError != "" || x.Status != http.StatusOK || x.Retries != 2 || seen.Load() != 3 {
				t.Fatalf("status %d, error %q, retries %d, target saw %d requests; want 200 after 2 retries (3 requests)",
					x.Status, x.TransportError, x.Retries, seen.Load())
			}
			if took := time.Since(start); took < 3*c.Backoff { // 1× then 2× the backoff
				t.Fatalf("two retries took %v: no backoff (want ≥ %v)", took, 3*c.Backoff)
			}
		})
	}
}

func TestRetriesStopAtTheLimit(t *testing.T) {
	srv, seen := flaky(t, 100, drop)
	c := retryingClient(srv.URL)
	x := c.Send(context.Background(), paging)
	if x.TransportError == "" || x.Retries != c.Retries || seen.Load() != int32(c.Retries)+1 {
		t.Fatalf("error %q, retries %d, target saw %d requests; want a transport error after %d retries", x.TransportError, x.Retries, seen.Load(), c.Retries)
	}
}

// Writes, control calls, calls to no operation and timeouts are sent once.
func TestOnlyFailedReadsAreRetried(t *testing.T) {
	control := Request{Method: "POST", Path: "/_mock/transfers", Body: []byte(`{}`), Control: true}
	unknown := Request{Method: "POST", Path: "/v1/nothing", Body: []byte(`{}`), Component: "HttpError404"}
	for name, r := range map[string]Request{"createVa": createVa, "control": control, "no operation": unknown} {
		t.Run(name, func(t *testing.T) {
			srv, seen := flaky(t, 1, drop)
			x := retryingClient(srv.URL).Send(context.Background(), r)
			if x.TransportError == "" || x.Retries != 0 || seen.Load() != 1 {
				t.Fatalf("error %q, retries %d, target saw %d requests; want one request and its transport error", x.TransportError, x.Retries, seen.Load())
			}
		})
	}
	t.Run("timeout", func(t *testing.T) {
		block := make(chan struct{})
		srv, seen := flaky(t, 1, func(http.ResponseWriter) { <-block })
		t.Cleanup(func() { close(block) })
		c := retryingClient(srv.URL)
		c.Timeout = 50 * time.Millisecond
		if x := c.Send(context.Background(), paging); x.TransportError == "" || x.Retries != 0 || seen.Load() != 1 {
			t.Fatalf("error %q, retries %d, target saw %d requests; a timeout is not retried", x.TransportError, x.Retries, seen.Load())
		}
	})
	t.Run("answered", func(t *testing.T) {
		srv, seen := flaky(t, 1, func(w http.ResponseWriter) { w.WriteHeader(http.StatusInternalServerError) })
		if x := retryingClient(srv.URL).Send(context.Background(), paging); x.Status != http.StatusInternalServerError || x.Retries != 0 || seen.Load() != 1 {
			t.Fatalf("status %d, retries %d, target saw %d requests; an answer other than 502/503/504 is not retried", x.Status, x.Retries, seen.Load())
		}
	})
}
