package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/cucumber/godog"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	wh "github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// registerSteps binds the feature's sentences to their steps.
func registerSteps(sc *godog.ScenarioContext) {
	sc.Step(`^a payment notification for a new transactionCode$`, aNotification)
	sc.Step(`^a payment notification for a new transactionCode with content "([^"]*)"$`, aNotificationWithContent)
	sc.Step(`^it is delivered signed over its raw bytes$`, deliveredSigned)
	sc.Step(`^the same notification is delivered again, freshly signed$`, deliveredSigned)
	sc.Step(`^it is delivered pretty-printed, signed over those bytes$`, deliveredPrettyPrinted)
	sc.Step(`^it is delivered signed with another secret$`, deliveredWithAnotherSecret)
	sc.Step(`^it is delivered with its amount changed after signing$`, deliveredChangedAfterSigning)
	sc.Step(`^it is delivered without the x-request-timestamp header$`, deliveredWithoutTimestamp)
	sc.Step(`^it is delivered signed with the timestamp "([^"]*)"$`, deliveredWithTimestamp)
	sc.Step(`^it is delivered signed (\d+) minutes ago$`, deliveredMinutesAgo)
	sc.Step(`^a signed body that is not JSON is delivered$`, notJSONDelivered)
	sc.Step(`^the dashboard's unsigned ping is delivered$`, pingDelivered)
	sc.Step(`^the receiver acknowledges it within the deadline$`, acknowledged)
	sc.Step(`^the receiver acknowledges it as already done within the deadline$`, acknowledgedRepeat)
	sc.Step(`^the receiver does not acknowledge it as success$`, notAcknowledged)
	sc.Step(`^the receiver answers HTTP 200$`, answers200)
	sc.Step(`^the receiver answers$`, answers)
}

// Amount of every test notification, in VND; the tampering step changes its first digit.
const testAmount = 150000

func aNotification(ctx context.Context) error {
	return aNotificationWithContent(ctx, "")
}

func aNotificationWithContent(ctx context.Context, content string) error {
	w := worldFrom(ctx)
	code := w.rec.nextID("CONF")
	if content == "" {
		content = "Conformance test " + code
	}
	now := w.cfg.Now().In(signing.Vietnam)
	w.notification = wh.PaymentNotification{
		ClientID: w.cfg.ClientID, TransactionCode: code, Amount: testAmount, Content: content,
		Bank: "OCB", BankBin: "970448", AccountNumber: "0123456789", VaAccountNumber: "TNGCONFORMANCE",
		TransactionDate: now.Format("20060102150405"), AdditionalData: []any{},
	}
	body, err := wh.Marshal(w.notification)
	w.body = body
	return err
}

func (w *world) signedNow() signedAs {
	return signedAs{secret: w.cfg.Secret, at: w.cfg.Now()}
}

func deliveredSigned(ctx context.Context) {
	w := worldFrom(ctx)
	w.deliver(ctx, w.body, w.signedNow(), "")
}

func deliveredPrettyPrinted(ctx context.Context) error {
	w := worldFrom(ctx)
	pretty, err := json.MarshalIndent(w.notification, "", "  ")
	if err != nil {
		return err
	}
	w.deliver(ctx, pretty, w.signedNow(), "")
	return nil
}

func deliveredWithAnotherSecret(ctx context.Context) {
	w := worldFrom(ctx)
	s := w.signedNow()
	s.secret = []byte("not-the-partner-secret")
	w.deliver(ctx, w.body, s, "")
}

func deliveredChangedAfterSigning(ctx context.Context) error {
	w := worldFrom(ctx)
	s := w.signedNow()
	s.over = w.body
	from, to := fmt.Appendf(nil, `"amount":%d`, testAmount), fmt.Appendf(nil, `"amount":9%d`, testAmount/10)
	changed := bytes.Replace(w.body, from, to, 1) // one byte: 150000 becomes 950000
	if bytes.Equal(changed, w.body) {
		return fmt.Errorf("the notification has no %s to change", from)
	}
	w.deliver(ctx, changed, s, "")
	return nil
}

func deliveredWithoutTimestamp(ctx context.Context) {
	w := worldFrom(ctx)
	w.deliver(ctx, w.body, w.signedNow(), signing.HeaderTimestamp)
}

func deliveredWithTimestamp(ctx context.Context, timestamp string) {
	w := worldFrom(ctx)
	s := w.signedNow()
	s.timestamp = timestamp
	w.deliver(ctx, w.body, s, "")
}

func deliveredMinutesAgo(ctx context.Context, minutes int) {
	w := worldFrom(ctx)
	s := w.signedNow()
	s.at = s.at.Add(-time.Duration(minutes) * time.Minute)
	w.deliver(ctx, w.body, s, "")
}

func notJSONDelivered(ctx context.Context) {
	w := worldFrom(ctx)
	truncated := w.body[:len(w.body)/2]
	w.deliver(ctx, truncated, w.signedNow(), "")
}

func pingDelivered(ctx context.Context) {
	w := worldFrom(ctx)
	ping, _ := wh.Marshal(wh.Ping{Event: wh.PingEvent, Message: "Tingee webhook connection test", Timestamp: w.cfg.Now().UnixMilli()})
	w.deliver(ctx, ping, signedAs{unsigned: true}, "")
}

func acknowledged(ctx context.Context) error {
	w := worldFrom(ctx)
	if w.last.TransportError == "" && wh.Acknowledged(w.last.Status, w.last.ResponseBody) {
		return nil
	}
	return w.broke(`want HTTP 200 with {"code":"00"} within %s; got %s`, w.cfg.AckDeadline, w.answer())
}

// repeatAckCode is "already processed": one third party reports it as the
// answer to a repeated transactionCode [?]; it is accepted beside "00".
const repeatAckCode = "02"

// acknowledgedRepeat: a repeat is acknowledged with HTTP 200 and code "00" or
// "02", not processed again or refused (notes, Webhooks and "Levels and sources").
func acknowledgedRepeat(ctx context.Context) error {
	w := worldFrom(ctx)
	if w.last.TransportError == "" && w.last.Status == http.StatusOK {
		var a wh.Ack
		if json.Unmarshal(w.last.ResponseBody, &a) == nil && (a.Code == wh.AckCode || a.Code == repeatAckCode) {
			return nil
		}
	}
	return w.broke(`want HTTP 200 with {"code":"00"} or {"code":"02"} within %s; got %s`, w.cfg.AckDeadline, w.answer())
}

func notAcknowledged(ctx context.Context) error {
	w := worldFrom(ctx)
	switch {
	case w.unreachable:
		return w.broke("the receiver could not be reached: %s", w.last.TransportError)
	case w.last.TransportError == "" && wh.Acknowledged(w.last.Status, w.last.ResponseBody):
		return w.broke(`it must not be acknowledged as success (HTTP 200 with code "00"); got %s`, w.answer())
	}
	return nil
}

func answers200(ctx context.Context) error {
	w := worldFrom(ctx)
	if w.last.TransportError == "" && w.last.Status == 200 {
		return nil
	}
	return w.broke("want HTTP 200 within %s; got %s", w.cfg.AckDeadline, w.answer())
}

func answers(ctx context.Context) error {
	w := worldFrom(ctx)
	if w.last.TransportError == "" {
		return nil
	}
	return w.broke("want an answer (any HTTP status) within %s; got %s", w.cfg.AckDeadline, w.answer())
}
