package bundle

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Problem kinds verify reports.
const (
	Changed   = "changed"   // digest differs from the manifest
	Missing   = "missing"   // listed in the manifest, not in the directory
	Extra     = "extra"     // in the directory, not in the manifest
	BadSig    = "signature" // manifest.sig does not verify
	Malformed = "malformed" // manifest.json cannot be read or lists a bad name, or a file is not one a bundle holds
)

// Problem is one thing wrong with a bundle, naming the file.
type Problem struct {
	File   string `json:"file"`
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

func (p Problem) String() string { return p.File + ": " + p.Kind + ": " + p.Detail }

// Verification is what Verify found.
type Verification struct {
	Files    int       // files whose digest matched
	Signed   bool      // manifest.sig is present and verified
	KeyGiven bool      // the signature was checked against the caller's key
	Problems []Problem // empty when the bundle is intact
}

// Verify recomputes every digest in dir's manifest.json and checks
// manifest.sig. With pub, the bundle must be signed by pub; without it, a
// signature is checked against the key the manifest names (integrity only).
// When the signature shows manifest.json itself was changed, its digests are
// not trusted and not checked. The error is for a directory that cannot be read.
func Verify(dir string, pub ed25519.PublicKey) (Verification, error) {
	var v Verification
	if _, err := os.Stat(dir); err != nil {
		return v, err
	}
	raw, err := readSmall(filepath.Join(dir, FileManifest), maxManifest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		v.Problems = append(v.Problems, Problem{FileManifest, Missing, "no manifest.json in " + dir})
		return v, nil
	case err != nil:
		v.Problems = append(v.Problems, Problem{FileManifest, Malformed, err.Error()})
		return v, nil
	}
	sigProblems := checkSignature(dir, raw, pub, &v)
	v.Problems = append(v.Problems, sigProblems...)
	for _, p := range sigProblems {
		if p.File == FileManifest {
			return v, nil
		}
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Files == nil {
		v.Problems = append(v.Problems, Problem{FileManifest, Malformed, "not a manifest"})
		return v, nil
	}
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !plainName(name) {
			v.Problems = append(v.Problems, Problem{FileManifest, Malformed,
				fmt.Sprintf("lists %q, not a file name of the bundle (a plain name: not empty, no path separator, not . or ..)", name)})
			continue
		}
		sum, err := hashFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			v.Problems = append(v.Problems, Problem{name, Missing, "listed in manifest.json, not in the bundle"})
		case err != nil:
			v.Problems = append(v.Problems, Problem{name, Malformed, err.Error()})
		case sum != m.Files[name]:
			v.Problems = append(v.Problems, Problem{name, Changed, fmt.Sprintf("sha256 %s, manifest says %s", sum, m.Files[name])})
		default:
			v.Files++
		}
	}
	extra, err := extraFiles(dir, m)
	if err != nil {
		return v, err
	}
	v.Problems = append(v.Problems, extra...)
	return v, nil
}

// checkSignature checks manifest.sig and, when it fails, says which of
// manifest.json and manifest.sig was changed: a signature that still verifies
// over manifest.json clears it; one that does not, while manifest.json still
// has the digest manifest.sig recorded, means the signature itself changed.
func checkSignature(dir string, manifest []byte, pub ed25519.PublicKey, v *Verification) []Problem {
	data, err := readSmall(filepath.Join(dir, FileSig), maxManifest)
	if errors.Is(err, fs.ErrNotExist) {
		if pub != nil {
			return []Problem{{FileSig, Missing, "a key was given but the bundle is not signed"}}
		}
		return nil
	}
	if err != nil {
		return []Problem{{FileSig, Malformed, err.Error()}}
	}
	sig, err := parseSignature(data)
	if err != nil {
		return []Problem{{FileSig, Changed, err.Error()}}
	}
	key, named := pub, namedKey(manifest)
	if key == nil {
		key = named
	}
	if key == nil {
		return []Problem{{FileManifest, Changed, "manifest.sig is present but manifest.json names no valid publicKey"}}
	}
	switch {
	case ed25519.Verify(key, manifest, sig.Sig) && sig.ManifestSHA256 == SHA256(manifest):
		v.Signed, v.KeyGiven = true, pub != nil
		return nil
	case ed25519.Verify(key, manifest, sig.Sig):
		return []Problem{{FileSig, Changed, "its sha256 line does not match manifest.json, which the signature covers intact"}}
	case pub != nil && named != nil && !pub.Equal(named) && ed25519.Verify(named, manifest, sig.Sig):
		return []Problem{{FileSig, BadSig, "signed by another key than the one given with --pub"}}
	case sig.ManifestSHA256 == SHA256(manifest):
		return []Problem{{FileSig, BadSig, "the signature does not verify over manifest.json"}}
	}
	return []Problem{{FileManifest, Changed, "its sha256 is not the one manifest.sig signed; file digests not checked"}}
}

// namedKey is the public key manifest.json names, or nil.
func namedKey(manifest []byte) ed25519.PublicKey {
	var m Manifest
	if json.Unmarshal(manifest, &m) != nil {
		return nil
	}
	key, err := base64.StdEncoding.DecodeString(m.PublicKey)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil
	}
	return key
}

// extraFiles lists files in dir that the manifest does not cover.
func extraFiles(dir string, m Manifest) ([]Problem, error) {
	var out []Problem
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if _, listed := m.Files[name]; !listed && name != FileManifest && name != FileSig {
			out = append(out, Problem{name, Extra, "in the bundle, not in manifest.json"})
		}
		return nil
	})
	return out, err
}
