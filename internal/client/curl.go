package client

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// Curl returns a shell command that repeats a request exactly as sent, after
// a first comment line holding note (the signer's, e.g. when its signature
// stops being accepted) unless note is empty.
func Curl(method, url string, h http.Header, body []byte, note string) string {
	var b strings.Builder
	if note != "" {
		fmt.Fprintf(&b, "# %s\n", note)
	}
	fmt.Fprintf(&b, "curl -sS -X %s %s", method, quote(url))
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, v := range h[k] {
			fmt.Fprintf(&b, " \\\n  -H %s", quote(strings.ToLower(k)+": "+v))
		}
	}
	if body != nil {
		fmt.Fprintf(&b, " \\\n  --data-binary %s", quote(string(body)))
	}
	return b.String()
}

// quote single-quotes s for a POSIX shell.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
