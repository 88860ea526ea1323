package report

import (
	"runtime"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/bundle"
)

// A test binary carries no VCS stamp: the report must say "unknown", not "".
func TestBuildToolUnderGoTest(t *testing.T) {
	tool := BuildTool()
	if tool.Revision != unknown {
		t.Errorf("revision %q under go test, want %q", tool.Revision, unknown)
	}
	if tool.Module == "" || tool.Version == "" || tool.GoVersion != runtime.Version() {
		t.Errorf("tool %+v: want every field named", tool)
	}
}

func TestFeaturesHashIsTheSha256sumListing(t *testing.T) {
	opts := testOptions(t)
	got, err := hashFeatures(opts.Features)
	if err != nil {
		t.Fatal(err)
	}
	listing := bundle.SHA256([]byte("accounts: {}\n")) + "  features/fixtures/m.yaml\n" +
		bundle.SHA256([]byte("Feature: Signing\n")) + "  features/signing.feature\n"
	if want := bundle.SHA256([]byte(listing)); got != want {
		t.Errorf("features hash %s, want %s", got, want)
	}
}

// An unstamped build says why its revision is unknown.
func TestHarnessFactExplainsAMissingRevision(t *testing.T) {
	for revision, want := range map[string]string{unknown: "revision unknown (not stamped: go run, go test, -buildvcs=false", "0123abc": "revision 0123abc, go1.26"} {
		doc := &Document{Tool: Tool{Module: "m", Version: "(devel)", Revision: revision, GoVersion: "go1.26"}}
		for _, f := range facts(doc) {
			if f[0] == "Harness" && !strings.Contains(f[1], want) {
				t.Errorf("Harness fact %q lacks %q", f[1], want)
			}
		}
	}
}
