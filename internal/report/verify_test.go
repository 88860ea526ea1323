package report

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/bundle"
)

func signedBundle(t *testing.T) (dir string, pub ed25519.PublicKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	opts.SignKey = priv
	return writeBundle(t, opts), pub
}

func verify(t *testing.T, dir string, pub ed25519.PublicKey) bundle.Verification {
	t.Helper()
	v, err := bundle.Verify(dir, pub)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestIntactSignedBundleVerifies(t *testing.T) {
	dir, pub := signedBundle(t)
	for _, key := range []ed25519.PublicKey{pub, nil} {
		v := verify(t, dir, key)
		if len(v.Problems) > 0 || !v.Signed || v.KeyGiven != (key != nil) || v.Files != 5 {
			t.Errorf("key given %v: %+v", key != nil, v)
		}
	}
}

// Changing one byte anywhere in any file makes Verify name that file, and only it.
func TestOneChangedByteIsNamed(t *testing.T) {
	dir, pub := signedBundle(t)
	names := []string{FileJSON, FileHTML, FileJUnit, FileCucumber, FileSummary, bundle.FileManifest, bundle.FileSig}
	for _, name := range names {
		path := filepath.Join(dir, name)
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []int{0, len(orig) / 3, len(orig) / 2, len(orig) - 2, len(orig) - 1} {
			changed := append([]byte{}, orig...)
			changed[at] ^= 0x01
			if err := os.WriteFile(path, changed, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, key := range []ed25519.PublicKey{pub, nil} {
				v := verify(t, dir, key)
				if len(v.Problems) == 0 {
					t.Errorf("%s byte %d changed: no problem found", name, at)
				}
				for _, p := range v.Problems {
					if p.File != name {
						t.Errorf("%s byte %d changed (key given %v): blamed %s", name, at, key != nil, p)
					}
				}
			}
		}
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if v := verify(t, dir, pub); len(v.Problems) > 0 {
		t.Fatalf("restored bundle: %v", v.Problems)
	}
}

func TestMissingAndExtraFilesAreNamed(t *testing.T) {
	dir, pub := signedBundle(t)
	if err := os.Remove(filepath.Join(dir, FileJUnit)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := problems(verify(t, dir, pub))
	want := "junit.xml: missing | notes.txt: extra"
	if got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestBadSignatureIsReported(t *testing.T) {
	dir, _ := signedBundle(t)
	otherPub, otherPriv, _ := ed25519.GenerateKey(rand.Reader)
	if got := problems(verify(t, dir, otherPub)); got != "manifest.sig: signature" {
		t.Errorf("verified against another key: %q", got)
	}
	// A well-formed signature by another key over the same manifest.
	manifest, _ := os.ReadFile(filepath.Join(dir, bundle.FileManifest))
	forged := bundle.SignManifest(manifest, otherPriv)
	if err := os.WriteFile(filepath.Join(dir, bundle.FileSig), forged, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := problems(verify(t, dir, nil)); got != "manifest.sig: signature" {
		t.Errorf("forged signature: %q", got)
	}
}

func TestUnsignedBundle(t *testing.T) {
	dir := writeBundle(t, testOptions(t))
	if _, err := os.Stat(filepath.Join(dir, bundle.FileSig)); err == nil {
		t.Fatal("unsigned bundle has manifest.sig")
	}
	if v := verify(t, dir, nil); len(v.Problems) > 0 || v.Signed {
		t.Errorf("unsigned, no key: %+v", v)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	if got := problems(verify(t, dir, pub)); got != "manifest.sig: missing" {
		t.Errorf("unsigned, key given: %q", got)
	}
}

func TestKeyFilesRoundTrip(t *testing.T) {
	privPEM, pubPEM, err := bundle.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyPath, pubPath := filepath.Join(dir, "k.key"), filepath.Join(dir, "k.pub")
	if os.WriteFile(keyPath, privPEM, 0o600) != nil || os.WriteFile(pubPath, pubPEM, 0o644) != nil {
		t.Fatal("cannot write the key files")
	}
	priv, err := bundle.LoadPrivateKey(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := bundle.LoadPublicKey(pubPath)
	if err != nil {
		t.Fatal(err)
	}
	if !pub.Equal(priv.Public()) {
		t.Error("public key does not match the private key")
	}
	if _, err := bundle.LoadPrivateKey(pubPath); err == nil {
		t.Error("a public key loaded as a private key")
	}
	opts := testOptions(t)
	opts.SignKey = priv
	bundle := writeBundle(t, opts)
	if v := verify(t, bundle, pub); !v.Signed || len(v.Problems) > 0 {
		t.Errorf("bundle signed with the key loaded from its file: %+v", v)
	}
}

// problems is "file: kind" for each problem, joined by " | ".
func problems(v bundle.Verification) string {
	var out []string
	for _, p := range v.Problems {
		out = append(out, p.File+": "+p.Kind)
	}
	return strings.Join(out, " | ")
}

func TestUnsignedRewriteRemovesAStaleSignature(t *testing.T) {
	dir, _ := signedBundle(t)
	if err := Write(dir, syntheticRun(), testOptions(t)); err != nil {
		t.Fatal(err)
	}
	if v := verify(t, dir, nil); len(v.Problems) > 0 || v.Signed {
		t.Errorf("unsigned rewrite of a signed bundle: %+v", v)
	}
}
