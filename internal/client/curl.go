package client

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// Curl returns a shell command that repeats a request exactly as sent, with a
// first comment line saying when its timestamp stops being accepted.
func Curl(method, url string, h http.Header, body []byte, timestamp string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# x-request-timestamp %s expires %s after it; re-sign with `conformance sign` to replay later\n",
		timestamp, signing.Tolerance)
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
