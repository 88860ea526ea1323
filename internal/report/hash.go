package report

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/tingee-conformance/harness/internal/bundle"
)

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
		fmt.Fprintf(&listing, "%s  %s\n", bundle.SHA256(b), p)
	}
	return bundle.SHA256([]byte(listing.String())), nil
}
