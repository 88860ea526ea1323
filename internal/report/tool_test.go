package report

import (
	"runtime"
	"testing"
)

// A test binary carries no VCS stamp: the report must say "unknown", not "".
func TestBuildToolUnderGoTest(t *testing.T) {
	tool := buildTool()
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
	listing := sha256Hex([]byte("accounts: {}\n")) + "  features/fixtures/m.yaml\n" +
		sha256Hex([]byte("Feature: Signing\n")) + "  features/signing.feature\n"
	if want := sha256Hex([]byte(listing)); got != want {
		t.Errorf("features hash %s, want %s", got, want)
	}
}
