package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hashFeatures is the SHA-256 of a sha256sum-style listing ("<hex>  <path>\n")
// of every file in fsys, sorted by path as bytes. From a checkout it is
//
//	find features -type f | LC_ALL=C sort | xargs sha256sum | sha256sum
func hashFeatures(fsys fs.FS) (string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(paths)
	var listing strings.Builder
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&listing, "%s  %s\n", sha256Hex(b), p)
	}
	return sha256Hex([]byte(listing.String())), nil
}
