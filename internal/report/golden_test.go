package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/bundle"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// writeBundle writes the synthetic run's bundle into a fresh directory.
func writeBundle(t *testing.T, opts Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := Write(dir, syntheticRun(), opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGoldenFiles(t *testing.T) {
	dir := writeBundle(t, testOptions(t))
	for _, name := range []string{FileJSON, FileHTML, FileJUnit, FileCucumber, FileSummary, bundle.FileManifest} {
		t.Run(name, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test ./internal/report -update and review the diff):\n%s", name, golden, got)
			}
		})
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	a, b := writeBundle(t, testOptions(t)), writeBundle(t, testOptions(t))
	for _, name := range []string{FileJSON, FileHTML, FileJUnit, FileCucumber, FileSummary, bundle.FileManifest} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s is empty or differs between two writes of the same run", name)
		}
	}
}

func TestSummaryCapsFailures(t *testing.T) {
	run := syntheticRun()
	failing := run.Scenarios[1]
	for range summaryFailures + 5 {
		run.Scenarios = append(run.Scenarios, failing)
	}
	doc, err := Build(run, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	md, _ := renderSummary(doc)
	if n := strings.Count(string(md), "\n### "); n != summaryFailures {
		t.Errorf("summary.md details %d failures, want %d", n, summaryFailures)
	}
	if !strings.Contains(string(md), "The first 25 of 31") {
		t.Error("summary.md does not say it shows only some failures")
	}
}
