package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tingee-conformance/harness/internal/bundle"
)

func init() {
	commands["keygen"] = command{summary: "make an Ed25519 key pair for signing report bundles", run: runKeygen}
}

// runKeygen writes PREFIX.key (PEM PKCS#8, mode 0600) and PREFIX.pub (PEM
// PKIX). It never overwrites a key.
func runKeygen(_ context.Context, c *cli, args []string) int {
	fs := c.flags("keygen", "--out PREFIX")
	out := fs.String("out", "", "write `PREFIX`.key (private, 0600) and PREFIX.pub (public)")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "keygen: unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return c.errorf(exitUsage, "keygen: --out PREFIX is required")
	}
	priv, pub, err := bundle.GenerateKey(rand.Reader)
	if err != nil {
		return c.errorf(exitFail, "keygen: %v", err)
	}
	keyPath, pubPath := *out+".key", *out+".pub"
	for _, p := range []string{keyPath, pubPath} {
		if _, err := os.Stat(p); err == nil {
			return c.errorf(exitUsage, "keygen: %s exists; not overwriting a key", p)
		}
	}
	if err := writeNew(keyPath, priv, 0o600); err != nil {
		return c.errorf(exitUsage, "keygen: %v", err)
	}
	if err := writeNew(pubPath, pub, 0o644); err != nil {
		return c.errorf(exitUsage, "keygen: %v", err)
	}
	fmt.Fprintf(c.stdout, "private key: %s (keep it secret; pass it to run --sign-key)\npublic key:  %s (give it to whoever checks your reports)\n", keyPath, pubPath)
	return exitOK
}

// writeNew creates path with mode perm, failing if it exists.
func writeNew(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
