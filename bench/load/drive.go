package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

// maxAnswer caps what is read of one answer; the mock's are a few KiB.
const maxAnswer = 1 << 20

// refusedTimestamp and refusedSignature are how an answer refusing the timestamp or the
// signature shows in its envelope (minified JSON, as the mock and Tingee send it).
var (
	refusedTimestamp = []byte(`"code":"` + contract.CodeBadTimestamp + `"`)
	refusedSignature = []byte(`"code":"` + contract.CodeBadSignature + `"`)
)

type config struct {
	base     string
	n        int
	conns    int
	duration time.Duration
	timeout  time.Duration
	pair     credentials.Credentials
	spec     *spec.Spec // nil: answers are counted, not validated
}

// result is what a run measured.
type result struct {
	elapsed         time.Duration
	latencies       []time.Duration // of every answered request
	transportErrors int
	firstError      string
	outsideSpec     int // answers with at least one non-drift finding
	refused         int // answers refusing the timestamp or the signature (code 90 or 97)
	firstFinding    string
	statuses        map[int]int
}

// resignAfter is how long a worker reuses the signatures of the mix. A timestamp stays valid for
// signing.Tolerance either side, so signing each request afresh would only spend the CPU the
// target is measured with; re-signing every second keeps any run, however long, valid.
const resignAfter = time.Second

// worker is one connection's loop and what it saw.
type worker struct {
	cfg      config
	client   *http.Client
	signed   []http.Header // the signing headers of each call of the mix
	signedAt time.Time
	answer   bytes.Buffer // the answer being read, reused
	result
}

// drive runs cfg.conns workers that share a request budget of cfg.n (none when 0) until ctx ends.
func drive(ctx context.Context, cfg config) result {
	transport := &http.Transport{
		MaxIdleConnsPerHost: cfg.conns, MaxConnsPerHost: cfg.conns, DisableCompression: true,
		IdleConnTimeout: time.Minute,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: cfg.timeout}
	var budget atomic.Int64
	budget.Store(int64(cfg.n))
	workers := make([]*worker, cfg.conns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		w := &worker{cfg: cfg, client: client, result: result{statuses: map[int]int{}}}
		workers[i] = w
		wg.Go(func() { w.loop(ctx, i, &budget) })
	}
	wg.Wait()
	total := result{elapsed: time.Since(start), statuses: map[int]int{}}
	for _, w := range workers {
		total.merge(w.result)
	}
	return total
}

func (w *worker) loop(ctx context.Context, offset int, budget *atomic.Int64) {
	for i := offset; ctx.Err() == nil; i++ {
		if w.cfg.n > 0 && budget.Add(-1) < 0 {
			return
		}
		w.do(ctx, i%len(mix))
	}
}

// do sends the i-th call of the mix, signed within the last second, and records the answer.
func (w *worker) do(ctx context.Context, i int) {
	c := mix[i]
	req, err := http.NewRequestWithContext(ctx, c.method, c.url(w.cfg.base), bodyReader(c.body))
	if err != nil {
		w.fail(err)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	for name, v := range w.signature(i) {
		req.Header[name] = v
	}
	start := time.Now()
	resp, err := w.client.Do(req)
	if err != nil {
		if ctx.Err() == nil { // the duration cap cuts requests in flight: not a failure
			w.fail(err)
		}
		return
	}
	w.answer.Reset()
	_, err = w.answer.ReadFrom(io.LimitReader(resp.Body, maxAnswer))
	body := w.answer.Bytes()
	resp.Body.Close()
	if err != nil {
		if ctx.Err() == nil {
			w.fail(err)
		}
		return
	}
	w.latencies = append(w.latencies, time.Since(start))
	w.statuses[resp.StatusCode]++
	if bytes.Contains(body, refusedTimestamp) || bytes.Contains(body, refusedSignature) {
		w.refused++
	}
	if w.cfg.spec != nil {
		w.check(c, resp, body)
	}
}

// signature returns the signing headers of the i-th call of the mix, signed again once they are resignAfter old.
func (w *worker) signature(i int) http.Header {
	now := time.Now()
	if w.signed == nil || now.Sub(w.signedAt) >= resignAfter {
		w.signed, w.signedAt = make([]http.Header, len(mix)), now
		for j, c := range mix {
			w.signed[j] = http.Header{}
			signing.SetHeaders(w.signed[j], w.cfg.pair.ClientID, w.cfg.pair.Secret, c.body, now)
		}
	}
	return w.signed[i]
}

func (w *worker) check(c call, resp *http.Response, body []byte) {
	for _, f := range w.cfg.spec.ValidateResponse(c.method, c.path, resp.StatusCode, resp.Header, body) {
		if !f.Drift {
			w.outsideSpec++
			if w.firstFinding == "" {
				w.firstFinding = c.path + " " + f.Pointer + ": expected " + f.Expected + ", got " + f.Got
			}
			return
		}
	}
}

func (w *worker) fail(err error) {
	w.transportErrors++
	if w.firstError == "" {
		w.firstError = err.Error()
	}
}

func (r *result) merge(o result) {
	r.latencies = append(r.latencies, o.latencies...)
	r.transportErrors += o.transportErrors
	r.outsideSpec += o.outsideSpec
	r.refused += o.refused
	if r.firstError == "" {
		r.firstError = o.firstError
	}
	if r.firstFinding == "" {
		r.firstFinding = o.firstFinding
	}
	for s, k := range o.statuses {
		r.statuses[s] += k
	}
}

func bodyReader(b []byte) io.Reader {
	if b == nil {
		return http.NoBody
	}
	return bytes.NewReader(b)
}
