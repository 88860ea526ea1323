package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tingee-conformance/harness/internal/capture"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// verifyInput is what sign --verify checks: a signature with --timestamp and
// --body-file, or a captured request holding all three.
type verifyInput struct {
	timestamp string
	body      []byte
	signature string
	from      string // where they came from, for the output
}

// isSignature tells a signature given on the command line (hex digits only)
// from the path of a captured request.
func isSignature(s string) bool {
	if len(s) < 16 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
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
// likeliest cause Diagnose could prove. The secret is never shown.
func printVerdict(w io.Writer, in verifyInput, d signing.Diagnosis) {
	verdict := "MISMATCH"
	if d.Match {
		verdict = "MATCH"
	}
	fmt.Fprintf(w, "x-request-timestamp  %s\n", in.timestamp)
	fmt.Fprintf(w, "body                 %d bytes (signed as %s)\n", len(in.body), visible("", signing.BodyToSign(in.body)))
	fmt.Fprintf(w, "x-signature          %s\n", in.signature)
	fmt.Fprintf(w, "signature            %s\n", verdict)
	if d.Cause != "" {
		label := "likeliest cause"
		if d.Match {
			label = "note"
		}
		fmt.Fprintf(w, "%-20s %s\n", label, d.Cause)
	}
}
