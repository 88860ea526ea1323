package main

import (
	"crypto/sha512"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/tingee-conformance/harness/internal/capture"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/profiles/tingee/signing/diagnose"
)

// verifyInput is what sign --verify checks: a signature with --timestamp and
// --body-file, or a captured request holding all three.
type verifyInput struct {
	timestamp string
	body      []byte
	query     string // the captured URL's raw query, without "?"
	signature string
	from      string // where they came from, for the output
}

// verifyArgument tells what --verify names: a signature (true: 128 hex
// digits, HMAC-SHA512 in hex) or a captured request (false: "-" for stdin, or
// a file). Anything else — hex of another length, or neither a signature nor
// a file — is refused, naming which.
func verifyArgument(arg string) (bool, error) {
	if arg == "-" {
		return false, nil
	}
	if info, err := os.Stat(arg); err == nil && !info.IsDir() {
		return false, nil
	}
	hexDigits := strings.Trim(arg, "0123456789abcdefABCDEF") == ""
	switch {
	case hexDigits && len(arg) == 2*sha512.Size:
		return true, nil
	case hexDigits && len(arg) >= 16:
		return false, fmt.Errorf("%s…: %d hex digits, but an x-signature has 128 (HMAC-SHA512): copy it whole", arg[:8], len(arg))
	}
	return false, fmt.Errorf("%q is neither a signature (128 hex digits) nor a file holding a captured request", arg)
}

// capturedInput reads a captured request (a curl command line or a raw HTTP
// request) from path, or from stdin for "-".
func capturedInput(stdin io.Reader, path string) (verifyInput, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return verifyInput{}, err
	}
	req, err := capture.Parse(data)
	if err != nil {
		return verifyInput{}, fmt.Errorf("%s: %w", path, err)
	}
	in := verifyInput{timestamp: req.Header.Get(signing.HeaderTimestamp), signature: req.Header.Get(signing.HeaderSignature), body: req.Body, from: path}
	if u, err := url.Parse(req.URL); err == nil {
		in.query = u.RawQuery
	}
	for name, v := range map[string]string{signing.HeaderTimestamp: in.timestamp, signing.HeaderSignature: in.signature} {
		if v == "" {
			return verifyInput{}, fmt.Errorf("%s: the captured request has no %s header", path, name)
		}
	}
	if _, err := signing.ParseTimestamp(in.timestamp); err != nil {
		return verifyInput{}, fmt.Errorf("%s: %s: %v", path, signing.HeaderTimestamp, err)
	}
	return in, nil
}

// printVerdict writes whether the signature matches and, if it does not, the
// likeliest cause package diagnose could prove. The secret is never shown.
func printVerdict(w io.Writer, in verifyInput, d diagnose.Result) {
	verdict := "MISMATCH"
	if d.OK() {
		verdict = "MATCH"
	}
	fmt.Fprintf(w, "x-request-timestamp  %s\n", in.timestamp)
	fmt.Fprintf(w, "body                 %d bytes (signed as %s)\n", len(in.body), visible("", signing.BodyToSign(in.body)))
	fmt.Fprintf(w, "x-signature          %s\n", in.signature)
	fmt.Fprintf(w, "signature            %s\n", verdict)
	switch d.Cause {
	case diagnose.Match:
	case diagnose.UpperHex:
		fmt.Fprintf(w, "%-20s %s\n", "note", d.Detail)
	default:
		fmt.Fprintf(w, "%-20s %s: %s\n", "likeliest cause", d.Cause, d.Detail)
	}
}
