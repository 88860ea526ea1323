package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	wh "github.com/tingee-conformance/harness/profiles/tingee/webhook"
	"github.com/tingee-conformance/harness/steps"
)

// maxAnswer caps how much of the receiver's answer is kept.
const maxAnswer = 64 << 10

// world is one scenario's state, carried in its context.Context.
type world struct {
	cfg  *Config
	rec  *recorder
	name string // the scenario's
	rule string // the requirement tag, e.g. TG-WH-04

	notification wh.PaymentNotification
	body         []byte             // the notification as last sent
	last         *evidence.Exchange // the last exchange
	unreachable  bool               // the last exchange found nobody listening
}

type worldKey struct{}

func worldFrom(ctx context.Context) *world { return ctx.Value(worldKey{}).(*world) }

// signedAs says how a delivery is signed: with which secret, when (or with a
// literal, possibly malformed, timestamp), and over which bytes.
type signedAs struct {
	secret    []byte
	at        time.Time
	timestamp string // used instead of at when set
	over      []byte // the bytes signed, when they are not the bytes sent
	unsigned  bool   // no x-request-timestamp nor x-signature
}

// deliver POSTs body to the receiver, signed as s says, and records the exchange.
// drop, when set, names a header removed after signing.
func (w *world) deliver(ctx context.Context, body []byte, s signedAs, drop string) {
	header := http.Header{"Content-Type": {"application/json"}}
	header.Set(wh.HeaderRequestID, w.rec.nextID("REQ"))
	ex := evidence.Exchange{Method: http.MethodPost, URL: w.cfg.URL, RequestBody: body}
	if !s.unsigned {
		ts, signed := s.timestamp, s.over
		if ts == "" {
			ts = signing.Timestamp(s.at)
		}
		if signed == nil {
			signed = body
		}
		header.Set(signing.HeaderTimestamp, ts)
		header.Set(signing.HeaderSignature, signing.Sign(s.secret, ts, signed))
		ex.StringToSignSHA256 = signing.StringToSignSHA256(ts, signed)
	}
	if drop != "" {
		header.Del(drop)
	}
	ex.RequestHeader = header
	w.roundTrip(ctx, &ex)
	steps.Current(ctx).Exchanged(ex)
	w.last = &ex
}

// roundTrip sends ex, giving the receiver the ack deadline, and fills in the answer.
func (w *world) roundTrip(ctx context.Context, ex *evidence.Exchange) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.AckDeadline)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, ex.Method, ex.URL, bytes.NewReader(ex.RequestBody))
	if err != nil {
		ex.TransportError = err.Error()
		return
	}
	req.Header = ex.RequestHeader.Clone()
	start := time.Now()
	resp, err := w.cfg.Client.Do(req)
	if err == nil {
		ex.Status, ex.ResponseHeader = resp.StatusCode, resp.Header
		ex.ResponseBody, err = io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
		resp.Body.Close()
	}
	ex.Duration = time.Since(start)
	w.unreachable = err != nil && isUnreachable(err)
	if err != nil {
		ex.TransportError = err.Error()
	}
	w.rec.delivered(ex.Status != 0, w.unreachable)
}

// isUnreachable tells "nobody listens there" from "it answered too late".
func isUnreachable(err error) bool {
	var op *net.OpError
	var dns *net.DNSError
	return errors.As(err, &dns) || (errors.As(err, &op) && op.Op == "dial")
}

// broke is a step failure naming the rule: "TG-WH-04 (A notification …): detail".
func (w *world) broke(format string, args ...any) error {
	return fmt.Errorf("%s (%s): %s", w.rule, w.name, fmt.Sprintf(format, args...))
}

// answer describes the last exchange's outcome in one line.
func (w *world) answer() string {
	ex := w.last
	if ex.TransportError != "" {
		return fmt.Sprintf("no answer after %s: %s", ex.Duration.Round(time.Millisecond), ex.TransportError)
	}
	return fmt.Sprintf("HTTP %d %s after %s", ex.Status, shorten(ex.ResponseBody), ex.Duration.Round(time.Millisecond))
}

func shorten(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}
