package main

import (
	"fmt"
	"net"
	"net/url"
)

// checkLoopback accepts only an http URL whose host is localhost or a loopback IP:
// this tool floods its target and must never be pointed at UAT or live.
func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("--url %q: want http://127.0.0.1:PORT", base)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--url %q: only loopback targets (localhost, 127.0.0.0/8, ::1) may be loaded", base)
	}
	return nil
}
