package bundle

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ManifestFormat names the shape of manifest.json.
const ManifestFormat = "tingee-conformance-manifest/1"

// Manifest is manifest.json: the SHA-256 of every other file of the bundle.
type Manifest struct {
	Format    string            `json:"format"`
	Algorithm string            `json:"algorithm"` // sha256
	Files     map[string]string `json:"files"`     // name → hex digest
	// PublicKey (base64) is the key that made manifest.sig. It proves integrity
	// alone; authenticity needs the signer's key given to verify-report --pub.
	PublicKey string `json:"publicKey,omitempty"`
}

// sigFile is manifest.sig, two text lines:
//
//	ed25519 <base64 Ed25519 signature over the manifest.json bytes>
//	sha256 <hex SHA-256 of the manifest.json bytes>
//
// The digest lets verify-report tell a changed manifest.json from a changed
// manifest.sig. openssl checks the signature too:
//
//	awk '$1=="ed25519"{print $2}' manifest.sig | base64 -d > sig.bin
//	openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in manifest.json -sigfile sig.bin
type sigFile struct {
	Sig            []byte
	ManifestSHA256 string
}

func (s sigFile) encode() []byte {
	return []byte(fmt.Sprintf("ed25519 %s\nsha256 %s\n", base64.StdEncoding.EncodeToString(s.Sig), s.ManifestSHA256))
}

var errSigFormat = errors.New("not two lines \"ed25519 <base64>\" and \"sha256 <hex>\"")

func parseSignature(data []byte) (sigFile, error) {
	var s sigFile
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 2 {
		return s, errSigFormat
	}
	sig, ok1 := strings.CutPrefix(lines[0], "ed25519 ")
	sum, ok2 := strings.CutPrefix(lines[1], "sha256 ")
	raw, err := base64.StdEncoding.Strict().DecodeString(sig)
	if !ok1 || !ok2 || err != nil || len(raw) != ed25519.SignatureSize || len(sum) != 64 {
		return s, errSigFormat
	}
	return sigFile{Sig: raw, ManifestSHA256: sum}, nil
}

// Seal makes manifest.json over files and, with a key, manifest.sig.
func Seal(files []File, key ed25519.PrivateKey) (manifest, sig []byte, err error) {
	m := Manifest{Format: ManifestFormat, Algorithm: "sha256", Files: map[string]string{}}
	for _, f := range files {
		m.Files[f.Name] = SHA256(f.Data)
	}
	if key != nil {
		m.PublicKey = base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	}
	manifest, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	manifest = append(manifest, '\n')
	if key != nil {
		sig = SignManifest(manifest, key)
	}
	return manifest, sig, nil
}

// SignManifest is manifest.sig for the manifest.json bytes, signed with key.
func SignManifest(manifest []byte, key ed25519.PrivateKey) []byte {
	return sigFile{Sig: ed25519.Sign(key, manifest), ManifestSHA256: SHA256(manifest)}.encode()
}
