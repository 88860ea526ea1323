package suite_test

import (
	"bytes"
	"io/fs"
	"path"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	harness "github.com/tingee-conformance/harness"
)

// eachPickle calls fn with every scenario of features/ (each example row of
// an outline, as godog runs it) and the file it is in; it fails the test when
// a feature cannot be read or parsed.
func eachPickle(t *testing.T, fn func(file string, pk *messages.Pickle)) {
	t.Helper()
	err := fs.WalkDir(harness.Features, "features", func(p string, d fs.DirEntry, err error) error {
		if err != nil || path.Ext(p) != ".feature" {
			return err
		}
		data, err := fs.ReadFile(harness.Features, p)
		if err != nil {
			return err
		}
		newID := (&messages.Incrementing{}).NewId
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), newID)
		if err != nil {
			return err
		}
		for _, pk := range gherkin.Pickles(*doc, p, newID) {
			fn(p, pk)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
