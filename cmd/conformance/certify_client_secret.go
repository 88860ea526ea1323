package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// secretMarkerSuffix names the file beside a certify-client secret file that marks it as one
// certify-client wrote: it holds the SHA-256 of the secret, so a file changed since (say, the
// partner's real secret copied over it) is no longer taken as certify-client's.
const secretMarkerSuffix = ".certify-client"

// secretMarkerPrefix starts the marker's content.
const secretMarkerPrefix = "written by conformance certify-client; sha256 "

// checkSecretFile refuses an existing --secret-file that certify-client did not write: in every
// other command --secret-file names the partner's real secret, which must never be overwritten.
func checkSecretFile(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("--secret-file %s: %w", path, cause(err))
	}
	if !wroteSecret(path) {
		return fmt.Errorf("--secret-file %s exists and certify-client did not write it: name a new file (certify-client writes a fresh test secret there)", path)
	}
	return nil
}

// wroteSecret reports whether path holds the secret certify-client last wrote there, as its marker says.
func wroteSecret(path string) bool {
	marker, err := os.ReadFile(path + secretMarkerSuffix)
	if err != nil {
		return false
	}
	content, err := os.ReadFile(path)
	return err == nil && bytes.Equal(marker, secretMarker(content))
}

func secretMarker(secret []byte) []byte {
	sum := sha256.Sum256(secret)
	return []byte(secretMarkerPrefix + hex.EncodeToString(sum[:]) + "\n")
}

// writeSecretFile writes the fresh secret to path, mode 0600 whatever an earlier file's mode was,
// and its marker; checkSecretFile has allowed path. A file that appeared since is not overwritten.
func writeSecretFile(path string, secret credentials.Secret) error {
	if wroteSecret(path) {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("--secret-file %s: %w", path, cause(err))
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("--secret-file %s: %w", path, cause(err))
	}
	_, werr := f.Write(secret)
	if err := errors.Join(werr, f.Chmod(0o600), f.Close()); err != nil {
		return fmt.Errorf("--secret-file %s: %w", path, err)
	}
	if err := os.WriteFile(path+secretMarkerSuffix, secretMarker(secret), 0o600); err != nil {
		return fmt.Errorf("--secret-file %s: the marker: %w", path, cause(err))
	}
	return nil
}
