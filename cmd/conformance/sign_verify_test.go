package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// sign --verify SIG: the notes' vector matches (exit 0); a signature over the
// minified body checked against the pretty body sent is a mismatch naming
// the re-formatting (exit 1). Source: docs/tingee-api-notes.md, "Signing".
func TestSignVerifySignature(t *testing.T) {
	body := writeFile(t, "body.json", confirmVaBody)
	f := newFakeCLI("", testEnv)
	if code := f.run("sign", "--verify", confirmVaVector, "--timestamp", vectorTimestamp, "--body-file", body); code != exitOK ||
		!strings.Contains(f.out.String(), "signature            MATCH") {
		t.Fatalf("exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}
	pretty := writeFile(t, "pretty.json", strings.ReplaceAll(confirmVaBody, ",", ",\n  "))
	f = newFakeCLI("", testEnv)
	code := f.run("sign", "--verify", confirmVaVector, "--timestamp", vectorTimestamp, "--body-file", pretty)
	if code != exitFail || !strings.Contains(f.out.String(), "MISMATCH") || !strings.Contains(f.out.String(), "likeliest cause      re-formatted: signed the body minified") {
		t.Fatalf("exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}
	if strings.Contains(f.out.String()+f.errOut.String(), "test-secret") {
		t.Error("the secret was printed")
	}
}

// A captured request: the curl line sign --curl prints verifies as a match;
// a raw HTTP request whose timestamp header was written in another zone than
// the one signed is a mismatch naming the zone.
func TestSignVerifyCapture(t *testing.T) {
	now := time.Now()
	ts := signing.Timestamp(now)
	f := newFakeCLI("", testEnv)
	body := writeFile(t, "body.json", confirmVaBody)
	if code := f.run("sign", "--timestamp", ts, "--body-file", body, "--curl", "https://uat-open-api.tingee.vn/v1/confirm-va"); code != exitOK {
		t.Fatalf("sign --curl: exit %d: %s", code, f.errOut.String())
	}
	curl := writeFile(t, "capture.sh", f.out.String())
	f = newFakeCLI("", testEnv)
	if code := f.run("sign", "--verify", curl); code != exitOK || !strings.Contains(f.out.String(), "MATCH") {
		t.Fatalf("curl capture: exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}

	utc := signing.Timestamp(now.Add(-7 * time.Hour)) // the UTC wall clock, written as if it were Vietnam's
	sig := signing.Sign([]byte("test-secret"), utc, []byte(confirmVaBody))
	raw := "POST /v1/confirm-va HTTP/1.1\r\nHost: uat-open-api.tingee.vn\r\nx-request-timestamp: " + ts + "\r\nx-signature: " + sig + "\r\n\r\n" + confirmVaBody
	f = newFakeCLI(raw, testEnv)
	if code := f.run("sign", "--verify", "-"); code != exitFail || !strings.Contains(f.out.String(), "likeliest cause      timestamp zone") || !strings.Contains(f.out.String(), utc+" (UTC)") {
		t.Fatalf("raw capture: exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}

	for _, args := range [][]string{
		{"sign", "--verify", writeFile(t, "x.txt", "hello\n")},
		{"sign", "--verify", curl, "--timestamp", ts},
		{"sign", "--verify", confirmVaVector},
		{"sign", "--verify", confirmVaVector, "--timestamp", ts, "--curl", "https://x/v1/confirm-va"},
	} {
		f = newFakeCLI("", testEnv)
		if code := f.run(args...); code != exitUsage || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args[1:], code, f.errOut.String())
		}
	}
}

// Warnings: a secret with trailing whitespace, a timestamp that is UTC now, a
// body on stdin without --body-file - (it was silently ignored and {} signed).
func TestSignNewWarnings(t *testing.T) {
	f := newFakeCLI("", map[string]string{"TINGEE_SECRET_TOKEN": "test-secret "})
	f.run("sign", "--timestamp", vectorTimestamp)
	if !strings.Contains(f.errOut.String(), "warning: the secret token has whitespace") {
		t.Errorf("trailing blank: %q", f.errOut.String())
	}
	f = newFakeCLI("", testEnv)
	f.run("sign", "--timestamp", signing.Timestamp(time.Now().Add(-7*time.Hour)))
	if !strings.Contains(f.errOut.String(), "is the time now in UTC, not Vietnam time") {
		t.Errorf("UTC timestamp: %q", f.errOut.String())
	}
	f = newFakeCLI("", testEnv)
	f.run("sign", "--timestamp", signing.Timestamp(time.Now()))
	if f.errOut.String() != "" {
		t.Errorf("a Vietnam-time timestamp drew %q", f.errOut.String())
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w.WriteString(confirmVaBody)
	w.Close()
	f = newFakeCLI("", testEnv)
	f.stdin = r
	f.run("sign", "--timestamp", vectorTimestamp)
	if !strings.Contains(f.errOut.String(), "add --body-file - to sign what is piped in") || lastLine(f.out.String()) != emptyObjectVector {
		t.Errorf("piped body: stderr %q, signature %q", f.errOut.String(), lastLine(f.out.String()))
	}
}

// A body a browser's "Copy as cURL" wrote in $'…' quoting reads as sent: a
// pretty body signed minified names the re-formatting, not "a different
// secret" (review-13-14 S1).
func TestSignVerifyBrowserANSICCapture(t *testing.T) {
	ts := signing.Timestamp(time.Now())
	pretty := strings.ReplaceAll(confirmVaBody, ",", ",\n  ")
	sig := signing.Sign([]byte("test-secret"), ts, []byte(confirmVaBody))
	curl := "curl 'https://uat-open-api.tingee.vn/v1/confirm-va' -H 'x-request-timestamp: " + ts + "' -H 'x-signature: " + sig +
		"' --data-raw $'" + strings.ReplaceAll(pretty, "\n", `\n`) + "'"
	f := newFakeCLI("", testEnv)
	code := f.run("sign", "--verify", writeFile(t, "chrome.sh", curl))
	if code != exitFail || !strings.Contains(f.out.String(), "likeliest cause      re-formatted") {
		t.Fatalf("exit %d\n%s%s", code, f.out.String(), f.errOut.String())
	}
}

// A curl line copied from a report carries masked values: sign --verify says
// so plainly (exit 2, one line) instead of blaming another secret
// (review-13-14 S2); a mistyped signature is named as one (N9).
func TestSignVerifyRefusesMaskedAndMistyped(t *testing.T) {
	ts := signing.Timestamp(time.Now())
	body := `{"accountType":"personal-account","bankBin":"970448","accountNumber":"******6789"}`
	curl := "curl https://uat-open-api.tingee.vn/v1/create-va -H 'x-request-timestamp: " + ts + "' -H 'x-signature: " + confirmVaVector + "' --data-binary '" + body + "'"
	f := newFakeCLI("", testEnv)
	code := f.run("sign", "--verify", writeFile(t, "rep-curl.txt", curl))
	if msg := f.errOut.String(); code != exitUsage || strings.Count(msg, "\n") != 1 ||
		!strings.Contains(msg, "this capture comes from a report: its body is masked (accountNumber), so it cannot be verified; use the request as your code sent it") {
		t.Errorf("masked: exit %d, stderr %q", code, msg)
	}
	bodyFile := writeFile(t, "body.json", confirmVaBody)
	for arg, want := range map[string]string{
		"zzz":                 `"zzz" is neither a signature (128 hex digits) nor a file`,
		confirmVaVector[:127]: "127 hex digits, but an x-signature has 128",
	} {
		f = newFakeCLI("", testEnv)
		code := f.run("sign", "--verify", arg, "--timestamp", vectorTimestamp, "--body-file", bodyFile)
		if msg := f.errOut.String(); code != exitUsage || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, want) {
			t.Errorf("--verify %s: exit %d, stderr %q", arg, code, msg)
		}
	}
}
