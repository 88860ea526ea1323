// Command genschemas writes each schema component of Tingee's
// openapi.yaml as a standalone JSON Schema (draft 2020-12) into a directory,
// one NAME.json per component, removing files of components that are gone.
// It is run by `go generate ./profiles/tingee/contract`.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

func main() {
	out := flag.String("out", "schemas", "directory to write NAME.json files to")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genschemas:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	s, err := contract.Load()
	if err != nil {
		return err
	}
	files, err := s.SchemaFiles(contract.SchemaIDBase)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	for _, path := range old {
		if _, keep := files[filepath.Base(path)]; !keep {
			if err := os.Remove(path); err != nil {
				return err
			}
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
