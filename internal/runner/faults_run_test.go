package runner

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/client"
)

// A whole run against a target whose answers never complete ends as an
// outage (exit 3, the rest not run) within the timeouts, whether the body
// stops half-way or never stops, and keeps no more than a prefix of each
// oversized answer as evidence.
func TestBrokenBodiesAreAnOutage(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"close mid-body": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(http.StatusOK)
			io.WriteString(w, `{"code":"00","da`)
			w.(http.Flusher).Flush()
			conn, _, _ := http.NewResponseController(w).Hijack()
			conn.Close()
		},
		"endless body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "2147483648")
			chunk := []byte(strings.Repeat(" ", 32<<10))
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			var out bytes.Buffer
			o := options(srv.URL, EnvURL, "", &out)
			o.Timeout = time.Second
			start := time.Now()
			run, code := Run(context.Background(), o)
			if took := time.Since(start); code != ExitUnreachable || took > 20*time.Second {
				t.Fatalf("exit %d after %v; want 3 within 20s\n%s", code, took, out.String())
			}
			if len(run.NotRun) == 0 {
				t.Fatal("the outage did not stop the run")
			}
			for _, s := range run.Scenarios {
				for _, st := range s.Steps {
					for _, x := range st.Exchanges {
						if len(x.ResponseBody) > client.KeptPrefix {
							t.Fatalf("%s kept %d bytes of an answer", s.Name, len(x.ResponseBody))
						}
					}
				}
			}
		})
	}
}
