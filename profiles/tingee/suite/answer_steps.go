package suite

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/steps"
)

func registerAnswerSteps(sc *godog.ScenarioContext) {
	sc.Step(`^the signature is accepted$`, signatureAccepted)
	sc.Step(`^the request is refused as a bad signature: code 97, or HTTP 401$`, refusedAsBadSignature)
	sc.Step(`^the request is refused as a bad timestamp: code 90 or 91, or HTTP 401$`, refusedAsBadTimestamp)
	sc.Step(`^the target answers HTTP (\d+) with the documented body$`, answersHTTPDocumented)
	sc.Step(`^the target answers HTTP (401) with the documented body, or HTTP 200 with a code other than "00" and data null$`, answersHTTPOrAlternative)
	sc.Step(`^the target answers HTTP (404) with the documented body, or a gateway's HTTP 405$`, answersHTTPOrAlternative)
	sc.Step(`^the target answers success$`, answersSuccess)
	sc.Step(`^the target answers success with (?:a|an) (\w+)$`, answersSuccessWith)
	sc.Step(`^the target answers a business error$`, answersBusinessError)
	sc.Step(`^every answer is JSON$`, everyAnswerIsJSON)
}

// signatureAccepted: the answer is not a refusal of the signature or the
// timestamp (HTTP 401, code 90, 91 or 97), whatever its status: a business
// error or a 400 still shows the signature was accepted (notes, "Levels and sources").
func signatureAccepted(ctx context.Context) error {
	w := getWorld(ctx)
	for _, a := range w.answers {
		if refused, how := isRefusal(a.x); refused {
			return w.brokenf(a.x, "x-signature", "%s", expectedGot(a.what+" accepted (no HTTP 401, no code 90, 91 or 97)", how))
		}
	}
	return nil
}

// refusedAsBadSignature: code 97 [live], or an HTTP 401 (noted).
func refusedAsBadSignature(ctx context.Context) error {
	return getWorld(ctx).refusedWithCode(codeBadSignature)
}

// refusedAsBadTimestamp: code 90 or 91 (the sources disagree), or an HTTP 401 (noted).
func refusedAsBadTimestamp(ctx context.Context) error {
	return getWorld(ctx).refusedWithCode(codeBadTimestamp)
}

// refusedWithCode: HTTP 200, the given code and data null or absent. For a
// timestamp refusal code 91 is taken as well as 90 (the sources disagree). An
// HTTP 401 is also taken as a refusal (UAT has been seen answering so); it is noted.
func (w *world) refusedWithCode(code string) error {
	rule := map[string]string{codeBadSignature: "x-signature", codeBadTimestamp: "x-request-timestamp"}[code]
	want := code
	if code == codeBadTimestamp {
		want = code + " or " + codeTimeout
	}
	for _, a := range w.answers {
		if a.x.Status == http.StatusUnauthorized {
			w.observe("%s: %s refused with HTTP 401 rather than code %s", w.op.ID, a.what, want)
			continue
		}
		e, ok := parseEnvelope(a.x.ResponseBody)
		matches := e.Code == code || (code == codeBadTimestamp && e.Code == codeTimeout)
		if a.x.Status != http.StatusOK || !ok || !matches || !e.dataIsNull() {
			return w.brokenf(a.x, rule, "%s", expectedGot("code "+want+" with data null, or HTTP 401, for "+a.what, describe(a.x)))
		}
	}
	return nil
}

// answersHTTPDocumented: every answer is the status given, its body the documented one.
func answersHTTPDocumented(ctx context.Context, status int) error {
	return getWorld(ctx).answersHTTP(status, false)
}

// answersHTTPOrAlternative: the status given, or the answer the sources allow
// in its place (alternativeTo), which is noted.
func answersHTTPOrAlternative(ctx context.Context, status int) error {
	return getWorld(ctx).answersHTTP(status, true)
}

// answersHTTP checks every answer of the last action against status (the
// body's shape was checked against openapi.yaml when it arrived).
func (w *world) answersHTTP(status int, alternatives bool) error {
	rule := "HTTP " + strconv.Itoa(status) + " body"
	if len(w.answers) == 0 {
		return steps.Harnessf("no answer to check: the scenario sends nothing before this step")
	}
	for _, a := range w.answers {
		if a.x.Status == status {
			continue // the body's shape was checked against openapi.yaml when it arrived
		}
		if alt := w.alternativeTo(status, a.x); alternatives && alt != "" {
			w.observe("%s: %s answered %s instead of HTTP %d, which the sources allow", operationOf(a.x), a.what, alt, status)
			continue
		}
		return w.brokenf(a.x, rule, "%s", expectedGot(fmt.Sprintf("HTTP %d for %s", status, a.what), describe(a.x)))
	}
	return nil
}

// alternativeTo names the answer the sources allow in place of the
// documented status, "" when x is none (notes, "Levels and sources"): for a
// 401 (unknown client, a signing header missing), HTTP 200 with a code that
// is not "00" and data null or absent — the page documents the 401 body, not
// its trigger; for the 404 of a wrong method, a gateway's 405.
func (w *world) alternativeTo(status int, x evidence.Exchange) string {
	switch {
	case status == http.StatusUnauthorized && x.Status == http.StatusOK:
		if e, ok := parseEnvelope(x.ResponseBody); ok && !e.isArray && e.Code != codeSuccess && e.dataIsNull() {
			return describe(x)
		}
	case status == http.StatusNotFound && x.Status == http.StatusMethodNotAllowed && w.wrongMethod:
		return "HTTP 405"
	}
	return ""
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
		return w.brokenf(w.last(), "data."+field, "%s", expectedGot("data."+field+" in the success answer to "+w.sent, "none"))
	}
	w.saved[field] = v
	return nil
}

// success checks that the last answer is HTTP 200 code "00" (or get-banks' bare array).
func (w *world) success() (envelope, error) {
	x := w.last()
	e, ok := parseEnvelope(x.ResponseBody)
	if x.Status != http.StatusOK || !ok || (!e.isArray && e.Code != codeSuccess) {
		return e, w.brokenf(x, "success envelope", "%s", expectedGot("HTTP 200 code 00 for "+w.sent, describe(x)))
	}
	return e, nil
}

// answersBusinessError: HTTP 200, a code that is neither "00" nor a signing code, data null or absent.
func answersBusinessError(ctx context.Context) error {
	w := getWorld(ctx)
	x := w.last()
	e, ok := parseEnvelope(x.ResponseBody)
	if x.Status != http.StatusOK || !ok || e.isArray || e.Code == codeSuccess || e.Code == codeBadSignature || e.Code == codeBadTimestamp || e.Code == codeTimeout || !e.dataIsNull() {
		return w.brokenf(x, "business error", "%s", expectedGot("HTTP 200 with a business code (not 00, 90, 91 or 97) and data null for "+w.sent, describe(x)))
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
			return w.brokenf(a.x, "Content-Type", "%s", expectedGot("Content-Type application/json for "+a.what, fmt.Sprintf("%q", a.x.ResponseHeader.Get("Content-Type"))))
		}
	}
	return nil
}
