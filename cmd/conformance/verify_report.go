package main

import (
	"context"
	"crypto/ed25519"
	"fmt"

	"github.com/tingee-conformance/harness/internal/bundle"
)

func init() {
	commands["verify-report"] = command{summary: "check a report bundle's digests and signature, naming any file changed", run: runVerifyReport}
}

// runVerifyReport recomputes every digest of a bundle and its signature. It
// prints one line per problem, naming the file; exit 1 when there is any.
func runVerifyReport(_ context.Context, c *cli, args []string) int {
	fs := c.flags("verify-report", "DIR [--pub PATH]")
	pubPath := fs.String("pub", "", "the signer's public key (PEM, from conformance keygen); without it a signature proves integrity only")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return c.errorf(exitUsage, "verify-report: the report directory is required: conformance verify-report DIR [--pub PATH]")
	}
	dir := fs.Arg(0)
	if code, ok := c.parse(fs, fs.Args()[1:]); !ok { // flags may follow DIR
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "verify-report: unexpected argument %q", fs.Arg(0))
	}
	var pub ed25519.PublicKey
	if *pubPath != "" {
		var err error
		if pub, err = bundle.LoadPublicKey(*pubPath); err != nil {
			return c.errorf(exitUsage, "verify-report: --pub: %v", err)
		}
	}
	v, err := bundle.Verify(dir, pub)
	if err != nil {
		return c.errorf(exitUsage, "verify-report: %v", err)
	}
	for _, p := range v.Problems {
		fmt.Fprintf(c.stdout, "%s\n", p)
	}
	if len(v.Problems) > 0 {
		fmt.Fprintf(c.stdout, "FAILED: %d problem(s) in %s\n", len(v.Problems), dir)
		return exitFail
	}
	switch {
	case v.KeyGiven:
		fmt.Fprintf(c.stdout, "ok: %d files match manifest.json, signed by %s\n", v.Files, *pubPath)
	case v.Signed:
		fmt.Fprintf(c.stdout, "ok: %d files match manifest.json; the signature verifies with the key the manifest names (pass --pub to check who signed)\n", v.Files)
	default:
		fmt.Fprintf(c.stdout, "ok: %d files match manifest.json (unsigned bundle: integrity only against accidental change)\n", v.Files)
	}
	return exitOK
}
