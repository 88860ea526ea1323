package snapshot

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// Find lists the bundles under roots: a root holding report.json is one
// bundle; any other directory is searched for bundles at any depth (CI
// artifacts unpack as one directory per night). A root with none is an error.
func Find(roots []string) ([]string, error) {
	var out []string
	for _, root := range roots {
		n := len(out)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && d.Name() == ReportFile {
				out = append(out, filepath.Dir(p))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(out) == n {
			return nil, fmt.Errorf("%s: no %s in it or under it", root, ReportFile)
		}
	}
	return out, nil
}
