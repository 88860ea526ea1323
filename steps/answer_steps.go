package steps

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/cucumber/godog"
)

func registerAnswerSteps(sc *godog.ScenarioContext) {
	sc.Step(`^the signature is accepted$`, signatureAccepted)
	sc.Step(`^the request is refused with code "(\d+)"$`, refusedWithCode)
	sc.Step(`^the target answers HTTP (\d+) with the documented body$`, answersHTTPDocumented)
	sc.Step(`^the target answers success$`, answersSuccess)
	sc.Step(`^the target answers success with (?:a|an) (\w+)$`, answersSuccessWith)
	sc.Step(`^the target answers a business error$`, answersBusinessError)
	sc.Step(`^every answer is JSON$`, everyAnswerIsJSON)
}

// signatureAccepted: the answer is not a refusal of the signature or the
// timestamp. A business error (e.g. an unknown confirmId) still accepts it.
func signatureAccepted(ctx context.Context) error {
	w := getWorld(ctx)
	for _, a := range w.answers {
		if refused, how := isRefusal(a.x); refused || a.x.Status != http.StatusOK {
			if !refused {
				how = describe(a.x)
			}
			return w.brokenf(a.x, "x-signature", "expected %s to be accepted (HTTP 200, no code 90/97), got %s", a.what, how)
		}
	}
	return nil
}

// refusedWithCode: HTTP 200, the given code and data null. For code 97 an
// HTTP 401 is also taken as a refusal (UAT has been seen answering so); it is noted.
func refusedWithCode(ctx context.Context, code string) error {
	w := getWorld(ctx)
	rule := map[string]string{codeBadSignature: "x-signature", codeBadTimestamp: "x-request-timestamp"}[code]
	for _, a := range w.answers {
		if code == codeBadSignature && a.x.Status == http.StatusUnauthorized {
			w.observe("%s: %s refused with HTTP 401 rather than code 97", w.op.ID, a.what)
			continue
		}
		e, ok := parseEnvelope(a.x.ResponseBody)
		if a.x.Status != http.StatusOK || !ok || e.Code != code || !e.dataIsNull() {
			return w.brokenf(a.x, rule, "expected code %s with data null for %s, got %s", code, a.what, describe(a.x))
		}
	}
	return nil
}

func answersHTTPDocumented(ctx context.Context, status int) error {
	w := getWorld(ctx)
	rule := "HTTP " + strconv.Itoa(status) + " body"
	if len(w.answers) == 0 {
		return fmt.Errorf("no answer to check")
	}
	for _, a := range w.answers {
		if a.x.Status != status {
			return w.brokenf(a.x, rule, "expected HTTP %d for %s, got %s", status, a.what, describe(a.x))
		}
	}
	return nil // the body's shape was checked against openapi.yaml when it arrived
}

func answersSuccess(ctx context.Context) error {
	w := getWorld(ctx)
	_, err := w.success()
	return err
}

// answersSuccessWith checks code "00" and a non-empty data.<field>, and saves it for later steps.
func answersSuccessWith(ctx context.Context, field string) error {
	w := getWorld(ctx)
	e, err := w.success()
	if err != nil {
		return err
	}
	v := e.dataString(field)
	if v == "" {
		return w.brokenf(w.last(), "data."+field, "expected data.%s in the success answer to %s", field, w.sent)
	}
	w.saved[field] = v
	return nil
}

// success checks that the last answer is HTTP 200 code "00" (or get-banks' bare array).
func (w *world) success() (envelope, error) {
	x := w.last()
	e, ok := parseEnvelope(x.ResponseBody)
	if x.Status != http.StatusOK || !ok || (!e.isArray && e.Code != codeSuccess) {
		return e, w.brokenf(x, "success envelope", "expected HTTP 200 code 00 for %s, got %s", w.sent, describe(x))
	}
	return e, nil
}

// answersBusinessError: HTTP 200, a code that is neither "00" nor a signing code, data null.
func answersBusinessError(ctx context.Context) error {
	w := getWorld(ctx)
	x := w.last()
	e, ok := parseEnvelope(x.ResponseBody)
	if x.Status != http.StatusOK || !ok || e.isArray || e.Code == codeSuccess || e.Code == codeBadSignature || e.Code == codeBadTimestamp || !e.dataIsNull() {
		return w.brokenf(x, "business error", "expected HTTP 200 with a business code (not 00/90/97) and data null for %s, got %s", w.sent, describe(x))
	}
	if codes := w.cfg.Fixtures.BusinessCodes; len(codes) > 0 {
		if _, known := codes[e.Code]; !known {
			w.observe("%s answered business code %s, which the fixtures do not list", w.op.ID, e.Code)
		}
	}
	return nil
}

func everyAnswerIsJSON(ctx context.Context) error {
	w := getWorld(ctx)
	for _, a := range w.answers {
		mt, _, err := mime.ParseMediaType(a.x.ResponseHeader.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			return w.brokenf(a.x, "Content-Type", "expected Content-Type application/json for %s, got %q", a.what, a.x.ResponseHeader.Get("Content-Type"))
		}
	}
	return nil
}
