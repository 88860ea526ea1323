package main

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profile"
)

// resolveTarget names the environment and base URL of --target t for profile
// p: mock (the embedded mock, no base URL yet), one of p's targets, or an
// http(s) base URL (runner.EnvURL).
func resolveTarget(p profile.Profile, t string) (env, base string, err error) {
	if t == runner.EnvMock {
		return runner.EnvMock, "", nil
	}
	if u, ok := p.Target(t); ok {
		return t, u, nil
	}
	u, err := url.Parse(t)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		names := []string{runner.EnvMock}
		for _, n := range p.Targets {
			names = append(names, n.Name)
		}
		return "", "", fmt.Errorf("--target %q: want %s or an http(s) base URL", client.ShownURL(t), strings.Join(names, ", "))
	}
	return runner.EnvURL, t, nil
}

// serveLoopback serves h, an embedded mock (named what in errors), on a free loopback port.
func serveLoopback(what string, h http.Handler) (stop func(), baseURL string, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", what, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return func() { srv.Close() }, "http://" + ln.Addr().String(), nil
}
