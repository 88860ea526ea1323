package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// maxAckBody caps how much of a partner's answer is read.
const maxAckBody = 64 << 10

// Attempt is one try at delivering one notification, as listed at GET /_mock/deliveries.
type Attempt struct {
	RequestID  string          `json:"requestId"` // x-request-id, the same on every attempt of a notification
	URL        string          `json:"url"`
	Attempt    int             `json:"attempt"` // 1 is the first delivery, 2 and on are retries
	Time       time.Time       `json:"time"`
	Status     int             `json:"status,omitempty"` // HTTP status; 0 when no answer came
	Code       string          `json:"code,omitempty"`   // the answer's JSON code
	Error      string          `json:"error,omitempty"`  // why it does not count as delivered
	DurationMS float64         `json:"durationMs"`       // from sending to the end of the answer
	Delivered  bool            `json:"delivered"`
	GaveUp     bool            `json:"gaveUp,omitempty"` // the last attempt failed too: no more retries
	Body       json.RawMessage `json:"body"`             // the bytes sent and signed
}

// post makes one signed POST of body to url and judges the answer.
func (d *Dispatcher) post(ctx context.Context, url, id string, n int, body []byte) Attempt {
	start := d.now()
	a := Attempt{RequestID: id, URL: url, Attempt: n, Time: start, Body: body}
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		a.Error = err.Error()
		return a
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderRequestID, id)
	SignHeaders(req.Header, d.secret, body, start)
	resp, err := d.client.Do(req)
	if err != nil {
		a.DurationMS = millis(d.now().Sub(start))
		a.Error = err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			a.Error = fmt.Sprintf("no answer within %s: %v", d.timeout, err)
		}
		return a
	}
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAckBody))
	resp.Body.Close()
	a.DurationMS = millis(d.now().Sub(start))
	a.Status = resp.StatusCode
	var ack Ack
	if json.Unmarshal(answer, &ack) == nil {
		a.Code = ack.Code
	}
	switch {
	case err != nil:
		a.Error = "reading the answer: " + err.Error()
	case !Acknowledged(resp.StatusCode, answer):
		a.Error = `not acknowledged: want HTTP 200 with code "00"`
	default:
		a.Delivered = true
	}
	return a
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
