package mock

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/tingee-conformance/harness/spec"
)

// selfCheck validates every answer but the /_mock/ endpoints' against openapi.yaml (off the routes: the
// documented 404 body) and logs each finding, one line each.
// The verdict depends only on the request's method and URI and the answer's status, headers and body;
// the mock's only other headers, Date and Content-Length, are transport headers the spec never reports
// (spec/headers.go), so keying on status, Content-Type and body is enough. An answer found clean once
// (get-banks, the documented errors, a business failure, an unchanged page) is not validated again:
// it could only be found clean again.
func selfCheck(next http.Handler, sp *spec.Spec, log io.Writer) http.Handler {
	var mu sync.Mutex // one finding per line, even under parallel requests
	clean := &cleanAnswers{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := recorders.Get().(*recorder)
		rec.reset(w)
		defer func() { rec.reset(nil); recorders.Put(rec) }()
		next.ServeHTTP(rec, r)
		if isControl(r.URL.Path) {
			return
		}
		uri := r.URL.RequestURI()
		key := answerKey{r.Method, uri, rec.status, rec.Header().Get("Content-Type")}
		body := rec.body.Bytes()
		if clean.has(key, body) {
			return
		}
		findings := validateAnswer(sp, r.Method, uri, rec.status, rec.Header(), body)
		if len(findings) == 0 {
			clean.add(key, body)
			return
		}
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

// answerKey is everything but the body that a self-check verdict depends on.
type answerKey struct {
	method, uri string
	status      int
	contentType string
}

// maxCleanBytes bounds the bodies cleanAnswers keeps; past it, it starts afresh.
const maxCleanBytes = 4 << 20

// cleanAnswers remembers the answers the self-check found clean, by key and exact body.
type cleanAnswers struct {
	mu    sync.RWMutex
	seen  map[answerKey]map[string]bool
	bytes int
}

func (c *cleanAnswers) has(k answerKey, body []byte) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.seen[k][string(body)]
}

func (c *cleanAnswers) add(k answerKey, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil || c.bytes+len(body) > maxCleanBytes {
		c.seen, c.bytes = map[answerKey]map[string]bool{}, 0
	}
	if c.seen[k] == nil {
		c.seen[k] = map[string]bool{}
	}
	c.seen[k][string(body)] = true
	c.bytes += len(body) + len(k.uri)
}

// recorders are reused between requests: each answer's copy is only needed until it is checked.
var recorders = sync.Pool{New: func() any { return &recorder{} }}

// recorder keeps a copy of the answer while passing it on.
type recorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *recorder) reset(w http.ResponseWriter) {
	r.ResponseWriter, r.status = w, http.StatusOK
	r.body.Reset()
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}
