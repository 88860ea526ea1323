package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

func init() {
	ocbCommands["sign"] = command{summary: "sign a body as OCB expects (detached JWS, RS256)", run: runOCBSign}
}

// runOCBSign signs the exact body bytes with the partner's RSA key and prints
// the signing input, the header values, and X-Signature as the last line.
// The private key is read from the named file only and is never printed.
func runOCBSign(_ context.Context, c *cli, args []string) int {
	fs := c.flags("sign --profile ocb", "--key FILE [--cert FILE] --body-file PATH|-")
	keyFile := fs.String("key", "", "RSA private key, PEM (PKCS#8 or PKCS#1) (default: $"+creds.EnvPrivateKeyFile+")")
	certFile := fs.String("cert", "", "the partner's certificate, PEM, for X-Client-Certificate (default: $"+creds.EnvCertFile+")")
	bodyFile := fs.String("body-file", "", "file with the exact body bytes, - for stdin")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "sign: unexpected argument %q (the body goes in --body-file)", fs.Arg(0))
	}
	if *keyFile == "" {
		*keyFile = c.getenv(creds.EnvPrivateKeyFile)
	}
	if *certFile == "" {
		*certFile = c.getenv(creds.EnvCertFile)
	}
	switch {
	case *keyFile == "":
		return c.errorf(exitUsage, "sign: --key FILE (or $%s) is required", creds.EnvPrivateKeyFile)
	case *bodyFile == "":
		return c.errorf(exitUsage, "sign: --body-file PATH|- is required (OCB signs the exact body bytes)")
	}
	key, err := creds.LoadKey(*keyFile)
	if err != nil {
		return c.errorf(exitUsage, "sign: --key: %v", err)
	}
	body, err := readBody(c.stdin, *bodyFile)
	if err != nil {
		return c.errorf(exitUsage, "sign: --body-file: %v", err)
	}
	certHeader := ""
	if *certFile != "" {
		cert, err := creds.LoadCert(*certFile)
		if err != nil {
			return c.errorf(exitUsage, "sign: --cert: %v", err)
		}
		if err := jws.CheckPair(key, cert); err != nil {
			return c.errorf(exitUsage, "sign: --cert %s: %v", *certFile, err)
		}
		if err := jws.CheckValidity(cert, time.Now()); err != nil {
			fmt.Fprintf(c.stderr, "warning: --cert: %v\n", err)
		}
		certHeader = jws.CertificateHeader(cert)
	}
	sig, err := jws.Sign(key, body)
	if err != nil {
		return c.errorf(exitFail, "sign: %v", err)
	}
	fmt.Fprintf(c.stdout, "protected header      %s\n", jws.ProtectedHeader)
	fmt.Fprintf(c.stdout, "body                  %d bytes\n", len(body))
	fmt.Fprintf(c.stdout, "signing input         %s\n", jws.SigningInput(jws.ProtectedHeader, body))
	if certHeader != "" {
		fmt.Fprintf(c.stdout, "X-Client-Certificate  %s\n", certHeader)
	}
	fmt.Fprintln(c.stdout, "X-Signature           RS256, base64url without padding, signature segment only, on the last line:")
	fmt.Fprintln(c.stdout, sig)
	return exitOK
}
