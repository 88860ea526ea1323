package client

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// Waiting is told what each attempt waits for and until when, and its done
// is called once the answer is in (the runner's progress line).
func TestWaitingHook(t *testing.T) {
	answered := make(chan struct{})
	srv, _ := server(t, func(w http.ResponseWriter) { <-answered; ok(w) })
	c := newClient(srv.URL)
	c.Timeout = time.Minute
	var what string
	var until time.Time
	ended := false
	c.Waiting = func(w string, u time.Time) func() {
		what, until = w, u
		close(answered) // the hook runs before the answer can come
		return func() { ended = true }
	}
	start := time.Now()
	x := c.Send(context.Background(), Request{Operation: "getBanks", Method: "GET", Path: "/v1/get-banks"})
	if x.TransportError != "" || what != "GET /v1/get-banks" || until.Sub(start) < 59*time.Second || until.Sub(start) > 61*time.Second || !ended {
		t.Errorf("what %q, until %v after the start, ended %v, error %q", what, until.Sub(start), ended, x.TransportError)
	}
}
