// Package bundle seals a folder of report files and checks it: manifest.json
// lists the SHA-256 of every file, manifest.sig (optional) signs it with
// Ed25519; Verify names every file changed, missing or added, and a bad
// signature. It knows nothing of what the files say (internal/report renders
// them).
package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// The files a bundle adds to the ones it seals.
const (
	FileManifest = "manifest.json"
	FileSig      = "manifest.sig"
)

// File is one file to seal: its name in the (flat) bundle and its bytes.
type File struct {
	Name string
	Data []byte
}

// SHA256 is the hex SHA-256 of b, the digest manifest.json lists.
func SHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Write puts files into dir (created when missing), then manifest.json over
// them and, with key, manifest.sig; without key a manifest.sig left by an
// earlier bundle in dir is removed, as it would no longer match.
func Write(dir string, files []File, key ed25519.PrivateKey) error {
	manifest, sig, err := Seal(files, key)
	if err != nil {
		return err
	}
	files = append(files, File{FileManifest, manifest})
	if sig != nil {
		files = append(files, File{FileSig, sig})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	if sig == nil {
		if err := os.Remove(filepath.Join(dir, FileSig)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
