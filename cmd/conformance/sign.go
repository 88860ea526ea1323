package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/signing/diagnose"
)

// shownBodyBytes is how much of the body the string-to-sign line shows.
const shownBodyBytes = 200

// clientIDPlaceholder stands in the curl command when no client id is known.
const clientIDPlaceholder = "YOUR_CLIENT_ID"

func init() {
	commands["sign"] = command{summary: "sign a body exactly as given and show what Tingee checks, or --verify a captured signature", run: runSign}
}

// runSign signs the body bytes exactly as given, for a partner told "invalid
// signature": it prints the string-to-sign, its SHA-256 and, as the last line,
// the x-signature value; or, with --curl, a curl command (internal/client.Curl)
// sending those bytes (a GET, without them, for get-banks).
// An absent or empty body is signed as {}, as Tingee expects for calls without one.
func runSign(_ context.Context, c *cli, args []string) int {
	fs := c.flags("sign", "[--timestamp T] [--body-file PATH|-] [--secret-file PATH] [--client-id ID] [--curl URL | --verify SIG|CAPTURE|-]")
	timestamp := fs.String("timestamp", "", "x-request-timestamp: 17 digits yyyyMMddHHmmssSSS, Vietnam time (default: now)")
	bodyFile := fs.String("body-file", "", "file with the exact body bytes, - for stdin (default: the body {})")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+auth.EnvSecret+")")
	clientID := fs.String("client-id", "", "x-client-id for --curl (default: $"+auth.EnvClientID+")")
	curlURL := fs.String("curl", "", "print a curl command that sends the signed body to `URL` instead")
	verify := fs.String("verify", "", "check a signature instead: the hex x-signature (with --timestamp and --body-file), "+
		"or a captured request (a curl command line or a raw HTTP request) in a file, - for stdin; exit 0 match, 1 mismatch")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return c.errorf(exitUsage, "sign: unexpected argument %q (the body goes in --body-file)", fs.Arg(0))
	case *verify != "" && *curlURL != "":
		return c.errorf(exitUsage, "sign: --verify and --curl exclude each other")
	}
	isSig := false
	if *verify != "" {
		var err error
		if isSig, err = verifyArgument(*verify); err != nil {
			return c.errorf(exitUsage, "sign: --verify %v", err)
		}
	}
	switch {
	case *verify != "" && !isSig && (*timestamp != "" || *bodyFile != ""):
		return c.errorf(exitUsage, "sign: --verify %s reads the timestamp and body from the captured request: drop --timestamp and --body-file", *verify)
	case isSig && *timestamp == "":
		return c.errorf(exitUsage, "sign: --verify SIG needs the --timestamp it was sent with (and --body-file, unless the call had no body)")
	}
	secret, err := auth.LoadSecret(*secretFile, c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "sign: %v", err)
	}
	for _, w := range secretWarnings(secret) {
		fmt.Fprintln(c.stderr, "warning: "+w)
	}
	if *bodyFile == "" && *verify != "-" {
		if w := stdinWarning(c.stdin); w != "" {
			fmt.Fprintln(c.stderr, "warning: "+w)
		}
	}
	if *verify != "" && !isSig {
		in, err := capturedInput(c.stdin, *verify)
		if err != nil {
			return c.errorf(exitUsage, "sign: --verify: %v", err)
		}
		return verifySignature(c, secret, in)
	}
	if *timestamp == "" {
		*timestamp = signing.Timestamp(time.Now())
	} else if _, err := signing.ParseTimestamp(*timestamp); err != nil {
		return c.errorf(exitUsage, "sign: --timestamp: %v", err)
	}
	raw, err := readBody(c.stdin, *bodyFile)
	if err != nil {
		return c.errorf(exitUsage, "sign: --body-file: %v", err)
	}
	if w := utcWarning(*timestamp, time.Now()); w != "" {
		fmt.Fprintln(c.stderr, "warning: "+w)
	}
	if *verify != "" {
		return verifySignature(c, secret, verifyInput{timestamp: *timestamp, body: raw, signature: *verify, from: *bodyFile})
	}
	body := signing.BodyToSign(raw)
	if *curlURL != "" && bytes.IndexByte(body, 0) >= 0 {
		return c.errorf(exitUsage, "sign: --curl: the body holds a NUL byte, which a shell argument cannot carry")
	}
	if *bodyFile != "" && len(raw) == 0 {
		fmt.Fprintf(c.stderr, "note: the body is empty; signing %s, as Tingee expects for a call without a body\n", signing.EmptyBody)
	}
	for _, w := range bodyWarnings(body) {
		fmt.Fprintln(c.stderr, "warning: "+w)
	}
	signature := signing.Sign(secret, *timestamp, body)
	if *curlURL == "" {
		printSigned(c.stdout, *timestamp, body, signature)
		return exitOK
	}
	if _, err := signing.CheckTimestamp(*timestamp, time.Now()); err != nil {
		fmt.Fprintf(c.stderr, "warning: %v; Tingee answers code 90 outside ±%s\n", err, signing.Tolerance)
	}
	method, sent := curlMethod(*curlURL), body
	if method == http.MethodGet {
		sent = nil // a GET sends no body and signs {}
		if !bytes.Equal(body, []byte(signing.EmptyBody)) {
			fmt.Fprintf(c.stderr, "warning: %s is a GET, which sends no body, so Tingee verifies the signature of %s, not of this body\n", *curlURL, signing.EmptyBody)
		}
	}
	h := http.Header{"Content-Type": {"application/json"}}
	h.Set(signing.HeaderClientID, curlClientID(c, *clientID))
	h.Set(signing.HeaderTimestamp, *timestamp)
	h.Set(signing.HeaderSignature, signature)
	fmt.Fprintln(c.stdout, client.Curl(method, *curlURL, h, sent, hmacsign.CurlNote(*timestamp)))
	return exitOK
}

// verifySignature prints the verdict on in: exit 0 for a match, 1 for a
// mismatch, 2 for a capture whose body a report masked (it cannot match).
func verifySignature(c *cli, secret credentials.Secret, in verifyInput) int {
	if masked, field := mask.Masked(string(in.body) + "?" + in.query); masked {
		return c.errorf(exitUsage, "sign: --verify %s: this capture comes from a report: its body is masked (%s), so it cannot be verified; use the request as your code sent it", in.from, field)
	}
	d := diagnose.Diagnose(diagnose.Input{Secret: secret, Timestamp: in.timestamp, Body: in.body, Query: in.query, Signature: in.signature})
	printVerdict(c.stdout, in, d)
	if !d.OK() {
		return exitFail
	}
	return exitOK
}

// curlMethod is GET when openapi.yaml has the URL's path as a GET only
// (get-banks), else POST, the method of every other operation.
func curlMethod(url string) string {
	s, err := contract.Load()
	if err != nil {
		return http.MethodPost
	}
	if _, post := s.Find(http.MethodPost, url); !post {
		if _, get := s.Find(http.MethodGet, url); get {
			return http.MethodGet
		}
	}
	return http.MethodPost
}

// curlClientID is --client-id, else $TINGEE_CLIENT_ID, else a placeholder to edit.
func curlClientID(c *cli, flagValue string) string {
	for _, id := range []string{flagValue, c.getenv(auth.EnvClientID)} {
		if id != "" {
			return id
		}
	}
	return clientIDPlaceholder
}

// readBody returns the bytes of path, of stdin for "-", or nothing without a path.
func readBody(stdin io.Reader, path string) ([]byte, error) {
	switch path {
	case "":
		return nil, nil
	case "-":
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}

// printSigned writes the string-to-sign, its SHA-256, and the signature as the last line.
func printSigned(w io.Writer, timestamp string, body []byte, signature string) {
	fmt.Fprintf(w, "x-request-timestamp  %s\n", timestamp)
	fmt.Fprintf(w, "body                 %d bytes\n", len(body))
	fmt.Fprintf(w, "string-to-sign       %s\n", visible(timestamp+":", body))
	fmt.Fprintf(w, "sha256               %s  (of the whole string-to-sign)\n", signing.StringToSignSHA256(timestamp, body))
	fmt.Fprintln(w, "x-signature          HMAC-SHA512, hex, on the last line:")
	fmt.Fprintln(w, signature)
}

// visible shows prefix and the first shownBodyBytes of body on one line:
// control characters as <CR>, <LF>, <TAB> or <0xNN>, the rest marked as cut.
func visible(prefix string, body []byte) string {
	shown := body
	if len(shown) > shownBodyBytes {
		end := shownBodyBytes
		for end > 0 && !utf8.RuneStart(body[end]) {
			end--
		}
		shown = body[:end]
	}
	var b strings.Builder
	b.WriteString(prefix)
	for _, ch := range shown {
		switch {
		case ch == '\r':
			b.WriteString("<CR>")
		case ch == '\n':
			b.WriteString("<LF>")
		case ch == '\t':
			b.WriteString("<TAB>")
		case ch < 0x20 || ch == 0x7f:
			fmt.Fprintf(&b, "<0x%02X>", ch)
		default:
			b.WriteByte(ch)
		}
	}
	if cut := len(body) - len(shown); cut > 0 {
		fmt.Fprintf(&b, " …[%d more bytes cut]", cut)
	}
	return b.String()
}
