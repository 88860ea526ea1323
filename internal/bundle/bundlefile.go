package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// maxManifest caps how much of manifest.json or manifest.sig verify-report
// reads: a genuine one is a few hundred bytes.
const maxManifest = 1 << 20

var errNotRegular = errors.New("not a regular file (a link, device or directory is never part of a bundle)")

// plainName tells whether a manifest entry names a file of the bundle: the
// bundle is flat, so a name holds no path separator and is neither "", "."
// nor "..".
func plainName(name string) bool {
	return filepath.IsLocal(name) && !strings.ContainsAny(name, `/\`) && name != "."
}

// openRegular opens path, refusing anything but a regular file (a symbolic
// link included, even to a regular file).
func openRegular(path string) (*os.File, error) {
	before, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !before.Mode().IsRegular() {
		return nil, errNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	after, err := f.Stat()
	if err == nil && !os.SameFile(before, after) {
		err = errNotRegular // replaced between the two looks
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// hashFile is the hex SHA-256 of the regular file at path, read as a stream
// so that its size does not matter.
func hashFile(path string) (string, error) {
	f, err := openRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readSmall reads the regular file at path, refusing one over limit bytes.
func readSmall(path string, limit int64) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("larger than %d bytes, far more than a bundle's", limit)
	}
	return data, err
}
