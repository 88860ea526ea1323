// Package client sends requests to a target with the exact bytes given,
// authenticated by the profile's Signer (which may tamper with them for a
// signing matrix), caps and retries them, and returns each call as an
// evidence.Exchange whose answer has been validated against the contract.
package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// DefaultMaxResponse caps a response body when Client.MaxResponse is zero.
const DefaultMaxResponse = 8 << 20

// KeptPrefix is how much of an answer over the size cap is kept as evidence.
const KeptPrefix = 64 << 10

// UserAgent names the harness in every request.
const UserAgent = "tingee-conformance-harness"

// ErrResponseTooLarge is recorded when an answer exceeds the size cap; the
// call then counts as a transport failure, with the answer's first KeptPrefix bytes as evidence.
var ErrResponseTooLarge = errors.New("response body exceeds the size cap")

// Validator checks an answer against the contract and says which operations
// the contract marks idempotent (x-idempotent: true); *spec.Spec is one.
type Validator interface {
	ValidateResponse(method, path string, status int, h http.Header, body []byte) []evidence.Finding
	ValidateBody(component string, body []byte) []evidence.Finding
	Idempotent(operationID string) bool
}

// Client signs and sends requests to one target.
type Client struct {
	BaseURL     string           // the target's base URL, no trailing slash needed
	Signer      Signer           // authenticates every request; nil sends them unsigned
	HTTP        *http.Client     // http.DefaultClient when nil
	Now         func() time.Time // time.Now when nil
	Timeout     time.Duration    // per request; 0 leaves only the context's deadline
	MaxResponse int64            // bytes; DefaultMaxResponse when 0
	Spec        Validator        // validates every answer; nil validates nothing
	// Retries is how many times a call to an operation the contract marks
	// idempotent (Validator.Idempotent) is sent again
	// after a transport failure or a gateway's 502/503/504, waiting Backoff
	// (DefaultBackoff when 0) before the first retry and twice as long before
	// each next one. Other calls are sent once. 0 never retries.
	Retries int
	Backoff time.Duration
	// Observe, when set, sees the outcome of every Send once, after its
	// retries, with the context it was sent under (the runner's outage probe).
	Observe func(ctx context.Context, x evidence.Exchange)
	// Waiting, when set, is told of each attempt as it is sent: what ("POST
	// /v1/confirm-va") and when it gives up (zero: no deadline); the done it
	// returns is called once the answer is in or the attempt failed (the
	// runner's progress line).
	Waiting func(what string, until time.Time) (done func())
}

// Send signs r over the exact bytes it sends and returns the exchange. A
// transport failure is recorded in Exchange.TransportError, never returned
// as a panic; the exchange is always usable as evidence. An idempotent read
// may be retried (see Client.Retries): the exchange is then the last
// attempt, re-signed with a fresh timestamp, and Exchange.Retries counts the
// attempts before it.
func (c *Client) Send(ctx context.Context, r Request) evidence.Exchange {
	x := c.sendRetrying(ctx, r)
	if c.Observe != nil {
		c.Observe(ctx, x)
	}
	return x
}

// sendRetrying sends r, and sends an idempotent read again while it is worth it.
func (c *Client) sendRetrying(ctx context.Context, r Request) evidence.Exchange {
	x, err := c.attempt(ctx, r)
	if r.Control || c.Spec == nil || !c.Spec.Idempotent(r.Operation) {
		return x
	}
	backoff := c.backoff()
	for retries := 1; retries <= c.Retries && retryable(ctx, x, err) && wait(ctx, backoff); retries++ {
		x, err = c.attempt(ctx, r)
		x.Retries = retries
		backoff *= 2
	}
	return x
}

// attempt sends r once; err is the transport failure, also in Exchange.TransportError.
func (c *Client) attempt(ctx context.Context, r Request) (evidence.Exchange, error) {
	header, sig := c.sign(r)
	u := c.url(r)
	x := evidence.Exchange{
		Operation:          r.Operation,
		Method:             r.Method,
		URL:                ShownURL(u),
		RequestHeader:      header,
		RequestBody:        r.Body,
		StringToSignSHA256: sig.DigestSHA256,
	}
	x.Curl = Curl(r.Method, ShownURL(u), header, r.Body, sig.Note)

	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u, bodyReader(r.Body))
	if err != nil {
		x.TransportError = err.Error()
		return x, err
	}
	req.Header = header.Clone()
	if c.Waiting != nil {
		until, _ := ctx.Deadline()
		defer c.Waiting(r.Method+" "+r.Path, until)()
	}
	start := time.Now()
	resp, err := c.httpClient().Do(req)
	if err != nil {
		x.Duration = time.Since(start)
		x.TransportError = c.describe(ctx, err)
		return x, err
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, c.maxResponse())
	x.Duration = time.Since(start)
	x.Status = resp.StatusCode
	x.ResponseHeader = resp.Header
	x.ResponseBody = body
	if err != nil {
		x.TransportError = c.describe(ctx, err)
		return x, err
	}
	switch {
	case c.Spec == nil || r.Control:
	case r.Component != "":
		x.Findings = c.Spec.ValidateBody(r.Component, body)
	default:
		x.Findings = c.Spec.ValidateResponse(r.Method, r.Path, resp.StatusCode, resp.Header, body)
	}
	return x, nil
}

// describe is the TransportError of err; it says so when the answer did not
// come within Client.Timeout (ctx is the attempt's, which carries that deadline).
func (c *Client) describe(ctx context.Context, err error) string {
	if c.Timeout > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("no complete answer within the %s timeout (--timeout): %v", c.Timeout, err)
	}
	return err.Error()
}

// sign builds the request headers as they will be sent: the client's own,
// then the signer's over them.
func (c *Client) sign(r Request) (http.Header, Signature) {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Accept", "application/json")
	h.Set("User-Agent", UserAgent)
	if c.Signer == nil {
		return h, Signature{}
	}
	signed, sig := c.Signer.Sign(r, c.now())
	for k, v := range signed {
		h[k] = v
	}
	for _, k := range sig.Deleted {
		h.Del(k)
	}
	return h, sig
}

// ShownURL is u as it may be printed or recorded: a password in it
// (http://user:pw@host) is replaced by "xxxxx".
func ShownURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	return p.Redacted()
}

func (c *Client) url(r Request) string {
	u := strings.TrimRight(c.BaseURL, "/") + r.Path
	if len(r.Query) > 0 {
		u += "?" + r.Query.Encode()
	}
	return u
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

func (c *Client) backoff() time.Duration {
	if c.Backoff > 0 {
		return c.Backoff
	}
	return DefaultBackoff
}

func (c *Client) maxResponse() int64 {
	if c.MaxResponse > 0 {
		return c.MaxResponse
	}
	return DefaultMaxResponse
}

func bodyReader(b []byte) io.Reader {
	if b == nil {
		return nil
	}
	return bytes.NewReader(b)
}

// readCapped reads at most limit bytes. A longer body, or one that breaks
// off, is an error, and only its first KeptPrefix bytes are returned, copied
// so that the rest is freed.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	switch {
	case err != nil:
		return prefix(body, KeptPrefix), err
	case int64(len(body)) > limit:
		kept := prefix(body, min(limit, KeptPrefix))
		return kept, fmt.Errorf("%w: answer exceeded %s, first %s kept", ErrResponseTooLarge, size(limit), size(int64(len(kept))))
	}
	return body, nil
}

// prefix is a copy of the first n bytes of b, or b itself when it is no longer.
func prefix(b []byte, n int64) []byte {
	if int64(len(b)) <= n {
		return b
	}
	return bytes.Clone(b[:n])
}

// size says n bytes the way a person reads it: 8 MiB, 64 KiB or 1000 bytes.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
