package suite

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/steps"
)

func registerSigningSteps(sc *godog.ScenarioContext) {
	sc.Step(`^it is sent with one body byte changed after signing$`, bodyChangedAfterSigning)
	sc.Step(`^its signature is sent with its last hex digit changed$`, sentWithLastHexChanged)
	sc.Step(`^it is signed with another secret$`, signedWithAnotherSecret)
	sc.Step(`^it is sent with an unknown client id$`, sentWithUnknownClient)
	sc.Step(`^it is sent without each signing header in turn$`, sentWithoutEachHeader)
	sc.Step(`^it is signed with a timestamp (\d+) minutes (old|ahead)$`, signedWithOffset)
	sc.Step(`^it is signed with the timestamp "([^"]*)"$`, signedWithRawTimestamp)
	sc.Step(`^it is signed over the empty string instead of "\{\}"$`, signedOverEmptyString)
	sc.Step(`^it is sent with its query parameters outside the signature$`, queryOutsideSignature)
	sc.Step(`^its signature is sent in upper-case hex$`, upperCaseHex)
	sc.Step(`^the target's answer to upper-case hex is recorded as an observation$`, recordUpperHex)
}

func bodyChangedAfterSigning(ctx context.Context) error {
	w := getWorld(ctx)
	signed := signing.BodyToSign(w.req.Body)
	changed := changeOneByte(signed)
	w.req.Body = changed
	return w.sendPrepared(ctx, "a body changed after signing", hmacsign.Tamper{SignBody: signed})
}

func signedWithAnotherSecret(ctx context.Context) error {
	return getWorld(ctx).sendPrepared(ctx, "a request signed with another secret", hmacsign.Tamper{Secret: []byte("conformance-another-secret-" + randomHex())})
}

func sentWithUnknownClient(ctx context.Context) error {
	return getWorld(ctx).sendPrepared(ctx, "an unknown client id", hmacsign.Tamper{ClientID: "conformance-unknown-" + randomHex()})
}

func sentWithoutEachHeader(ctx context.Context) error {
	w := getWorld(ctx)
	w.prepare("a request missing a signing header")
	for _, h := range signing.RequestHeaders {
		r := w.req
		r.Tamper = hmacsign.Tamper{Omit: h}
		if _, err := w.send(ctx, "a request without "+h, r); err != nil {
			return err
		}
	}
	return nil
}

func signedWithOffset(ctx context.Context, minutes int, direction string) error {
	offset := time.Duration(minutes) * time.Minute
	if direction == "old" {
		offset = -offset
	}
	what := fmt.Sprintf("a timestamp %d minutes %s", minutes, direction)
	return getWorld(ctx).sendPrepared(ctx, what, hmacsign.Tamper{TimestampOffset: offset})
}

func signedWithRawTimestamp(ctx context.Context, ts string) error {
	return getWorld(ctx).sendPrepared(ctx, "the malformed timestamp "+ts, hmacsign.Tamper{RawTimestamp: ts})
}

func signedOverEmptyString(ctx context.Context) error {
	w := getWorld(ctx)
	if len(w.req.Body) > 0 && string(w.req.Body) != signing.EmptyBody {
		return w.brokenf(w.last(), "feature", "%s has a body; the empty-string case is for bodyless calls", w.op.ID)
	}
	return w.sendPrepared(ctx, `the empty string signed instead of "{}"`, hmacsign.Tamper{SignEmpty: true})
}

func queryOutsideSignature(ctx context.Context) error {
	w := getWorld(ctx)
	if len(w.req.Query) == 0 {
		return steps.Skip("%s takes no query parameters in openapi.yaml", w.op.ID)
	}
	return w.sendPrepared(ctx, "query parameters outside the signature", hmacsign.Tamper{})
}

func upperCaseHex(ctx context.Context) error {
	return getWorld(ctx).sendPrepared(ctx, "the signature in upper-case hex", hmacsign.Tamper{UpperHex: true})
}

// recordUpperHex notes how the target treats upper-case hex. The docs say
// lowercase; refusing or accepting upper case is an observation, never a failure.
func recordUpperHex(ctx context.Context) error {
	w := getWorld(ctx)
	x := w.last()
	verdict := "accepted"
	if refused, how := isRefusal(x); refused {
		verdict = "refused (" + how + ")"
	}
	w.observe("%s: upper-case hex x-signature %s; the docs specify lowercase", w.op.ID, verdict)
	return nil
}

// changeOneByte changes the last letter or digit inside a JSON string of b,
// or adds a space inside "{}", so the body stays JSON but no longer matches its signature.
func changeOneByte(b []byte) []byte {
	out := append([]byte(nil), b...)
	inString, escaped, last := false, false, -1
	for i, c := range out {
		switch {
		case escaped:
			escaped = false
		case c == '\\' && inString:
			escaped = true
		case c == '"':
			inString = !inString
		case inString && isAlnum(c):
			last = i
		}
	}
	if last < 0 {
		s := string(out)
		if i := strings.IndexByte(s, '{'); i >= 0 {
			return []byte(s[:i+1] + " " + s[i+1:])
		}
		return append(out, ' ')
	}
	switch c := out[last]; {
	case c == '9':
		out[last] = '0'
	case c == 'z' || c == 'Z':
		out[last] = c - 1
	default:
		out[last] = c + 1
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// sentWithLastHexChanged: the whole 128-digit signature counts, not a prefix
// of it (doc 6.2.2: the HMAC-SHA512 hex); a verifier comparing only part of it
// accepts this request.
func sentWithLastHexChanged(ctx context.Context) error {
	return getWorld(ctx).sendPrepared(ctx, "a signature with its last hex digit changed", hmacsign.Tamper{FlipLastHex: true})
}
