package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long in-flight requests get once a signal arrives.
const shutdownGrace = 5 * time.Second

// serve answers on ln until ctx is done, then shuts down gracefully; name
// (the command) prefixes its messages.
func serve(ctx context.Context, c *cli, name string, ln net.Listener, h http.Handler) int {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second, // a slow body cannot hold a connection forever
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return c.errorf(exitFail, "%s: %v", name, err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return c.errorf(exitFail, "%s: shutdown: %v", name, err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return c.errorf(exitFail, "%s: %v", name, err)
	}
	fmt.Fprintf(c.stdout, "%s: stopped\n", name)
	return exitOK
}
