package bundle

import (
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// entryBundle is an unsigned bundle in root/bundle whose manifest lists only
// name with digest; root/outside.txt sits next to it.
func entryBundle(t *testing.T, name, digest string) (root, dir string) {
	t.Helper()
	root = t.TempDir()
	dir = filepath.Join(root, "bundle")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "outside.txt"), []byte("outside\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := json.Marshal(Manifest{Format: ManifestFormat, Algorithm: "sha256", Files: map[string]string{name: digest}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileManifest), m, 0o644); err != nil {
		t.Fatal(err)
	}
	return root, dir
}

// verify is Verify, failing the test on an unreadable bundle.
func verify(t *testing.T, dir string, pub ed25519.PublicKey) Verification {
	t.Helper()
	v, err := Verify(dir, pub)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// onlyProblem verifies dir and returns its one problem; no file may count as intact.
func onlyProblem(t *testing.T, dir string) Problem {
	t.Helper()
	v := verify(t, dir, nil)
	if v.Files != 0 || len(v.Problems) != 1 {
		t.Fatalf("%d files intact, problems %v; want none intact and one problem", v.Files, v.Problems)
	}
	return v.Problems[0]
}

// A manifest naming anything but a plain file of the (flat) bundle is refused,
// even with the right digest, and the problem quotes the entry.
func TestManifestNamesOutsideTheBundleAreRefused(t *testing.T) {
	outside := SHA256([]byte("outside\n"))
	for _, name := range []string{"../outside.txt", "", "/etc/hostname", "sub/report.json", `..\outside.txt`, ".", "..",
		"../../../../../../../../../../../../dev/zero"} {
		_, dir := entryBundle(t, name, outside)
		p := onlyProblem(t, dir)
		if p.File != FileManifest || p.Kind != Malformed || !strings.Contains(p.Detail, strconv.Quote(name)) {
			t.Errorf("entry %q: problem %v; want manifest.json malformed, quoting the entry", name, p)
		}
	}
}

// A listed name that is not a regular file (a link, a device behind a link,
// a directory) is refused instead of read.
func TestListedFilesMustBeRegular(t *testing.T) {
	for name, create := range map[string]func(root, path string) error{
		"link.txt": func(root, path string) error { return os.Symlink(filepath.Join(root, "outside.txt"), path) },
		"null":     func(_, path string) error { return os.Symlink("/dev/null", path) },
		"dir":      func(_, path string) error { return os.Mkdir(path, 0o755) },
	} {
		digest := SHA256([]byte("outside\n"))
		if name == "null" {
			digest = SHA256(nil)
		}
		root, dir := entryBundle(t, name, digest)
		if err := create(root, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		v := verify(t, dir, nil)
		found := false
		for _, p := range v.Problems {
			found = found || (p.File == name && strings.Contains(p.Detail, "not a regular file"))
		}
		if v.Files != 0 || !found {
			t.Errorf("%s: %d files intact, problems %v; want it refused as not a regular file", name, v.Files, v.Problems)
		}
	}
}

// The digest of a listed file is streamed: a file larger than any read
// buffer still verifies, and a changed one is still named.
func TestLargeFilesAreHashedAsAStream(t *testing.T) {
	data := []byte(strings.Repeat("0123456789abcdef", 1<<16)) // 1 MiB
	_, dir := entryBundle(t, "report.json", SHA256(data))
	if err := os.WriteFile(filepath.Join(dir, "report.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if v := verify(t, dir, nil); v.Files != 1 || len(v.Problems) != 0 {
		t.Fatalf("intact large file: %+v", v)
	}
	data[len(data)-1] ^= 1
	if err := os.WriteFile(filepath.Join(dir, "report.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if p := onlyProblem(t, dir); p.File != "report.json" || p.Kind != Changed {
		t.Fatalf("changed large file: %v", p)
	}
}

// manifest.json itself is read only when it is a small regular file.
func TestManifestMustBeASmallRegularFile(t *testing.T) {
	_, dir := entryBundle(t, "report.json", SHA256(nil))
	path := filepath.Join(dir, FileManifest)
	if err := os.WriteFile(path, append([]byte(`{"files":{}}`), make([]byte, maxManifest)...), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := onlyProblem(t, dir); p.File != FileManifest || !strings.Contains(p.Detail, "larger than") {
		t.Fatalf("oversized manifest: %v", p)
	}
	os.Remove(path)
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
	if p := onlyProblem(t, dir); p.File != FileManifest || !strings.Contains(p.Detail, "not a regular file") {
		t.Fatalf("manifest linked to /dev/zero: %v", p)
	}
}
