package mock

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/tingee-conformance/harness/spec"
)

// selfCheck validates every /v1 answer against openapi.yaml and logs each finding, one line each.
func selfCheck(next http.Handler, sp *spec.Spec, log io.Writer) http.Handler {
	var mu sync.Mutex // one finding per line, even under parallel requests
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		if isControl(r.URL.Path) {
			return
		}
		findings := validateAnswer(sp, r.Method, r.URL.RequestURI(), rec.status, rec.Header(), rec.body.Bytes())
		mu.Lock()
		defer mu.Unlock()
		for _, f := range findings {
			fmt.Fprintf(log, "self-check: %s %s → %d: %s %s: expected %s, got %s\n",
				r.Method, r.URL.Path, rec.status, f.Operation, f.Pointer, f.Expected, f.Got)
		}
	})
}

// validateAnswer validates one answer; an unrouted request can only get the documented 404 body.
func validateAnswer(sp *spec.Spec, method, uri string, status int, h http.Header, body []byte) []spec.Finding {
	if _, routed := sp.Find(method, uri); !routed && status == http.StatusNotFound {
		return sp.ValidateBody("HttpError404", body)
	}
	return sp.ValidateResponse(method, uri, status, h, body)
}

// recorder keeps a copy of the answer while passing it on.
type recorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}
