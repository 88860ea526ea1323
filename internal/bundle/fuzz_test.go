package bundle

import (
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fuzzKey signs the seed bundles; its public half is what verify-report --pub would be given.
var fuzzKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// fuzzContent is report.json in every fuzzed bundle; fuzzOutside sits next to the bundle.
const (
	fuzzContent = `{"fuzz":true}` + "\n"
	fuzzOutside = "outside\n"
)

// FuzzVerify feeds any manifest.json and manifest.sig, with or without the
// signer's key, to the reader of verify-report. It never panics and never
// errs on a readable directory; every problem names a file and a known kind;
// a bundle only counts as signed when the signature really verifies; and
// only files inside the bundle whose digest matches count as intact.
func FuzzVerify(f *testing.F) {
	// Genuine bundles, sealed now; testdata/fuzz/FuzzVerify holds broken ones.
	signed, sig, err := Seal([]File{{"report.json", []byte(fuzzContent)}}, fuzzKey)
	if err != nil {
		f.Fatal(err)
	}
	unsigned, _, err := Seal([]File{{"report.json", []byte(fuzzContent)}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(signed, sig, true)
	f.Add(signed, sig, false)
	f.Add(unsigned, []byte{}, false)
	f.Add(unsigned, sig, true)
	f.Fuzz(func(t *testing.T, manifest, sig []byte, withKey bool) {
		dir := fuzzBundle(t, manifest, sig)
		var pub ed25519.PublicKey
		if withKey {
			pub = fuzzKey.Public().(ed25519.PublicKey)
		}
		v, err := Verify(dir, pub)
		if err != nil {
			t.Fatalf("Verify erred on a readable bundle: %v", err)
		}
		for _, p := range v.Problems {
			if p.File == "" || !slices.Contains([]string{Changed, Missing, Extra, BadSig, Malformed}, p.Kind) {
				t.Fatalf("problem without a file or of an unknown kind: %+v", p)
			}
		}
		if v.Signed && !reallySigned(manifest, sig, pub) {
			t.Fatalf("counted as signed, but the signature does not verify: %+v", v)
		}
		if v.KeyGiven != (v.Signed && withKey) {
			t.Fatalf("KeyGiven %v with key %v and signed %v", v.KeyGiven, withKey, v.Signed)
		}
		if intact := intactInside(dir, manifest); v.Files > intact {
			t.Fatalf("%d files counted intact, only %d listed files inside the bundle match", v.Files, intact)
		}
	})
}

// fuzzBundle writes a bundle holding report.json, the fuzzed manifest and
// (when not empty) manifest.sig, with a file outside it a manifest could name.
func fuzzBundle(t *testing.T, manifest, sig []byte) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "bundle")
	files := map[string][]byte{
		filepath.Join(root, "outside.txt"): []byte(fuzzOutside),
		filepath.Join(dir, "report.json"):  []byte(fuzzContent),
		filepath.Join(dir, FileManifest):   manifest,
	}
	if len(sig) > 0 {
		files[filepath.Join(dir, FileSig)] = sig
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// reallySigned: manifest.sig parses and verifies over manifest.json with pub, or else the key it names.
func reallySigned(manifest, sig []byte, pub ed25519.PublicKey) bool {
	s, err := parseSignature(sig)
	if err != nil {
		return false
	}
	key := pub
	if key == nil {
		key = namedKey(manifest)
	}
	return key != nil && ed25519.Verify(key, manifest, s.Sig) && s.ManifestSHA256 == SHA256(manifest)
}

// intactInside counts the manifest's names that are local to the bundle and match their digest.
func intactInside(dir string, manifest []byte) int {
	var m Manifest
	if json.Unmarshal(manifest, &m) != nil {
		return 0
	}
	n := 0
	for name, digest := range m.Files {
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			continue // never read: the name may reach /dev/zero
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err == nil && SHA256(data) == digest {
			n++
		}
	}
	return n
}
