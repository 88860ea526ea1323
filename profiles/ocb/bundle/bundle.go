// Package bundle writes an OCB result bundle: a JSON document and a
// summary.md, scrubbed of every secret given, with a SHA256SUMS file. It is
// the OCB profile's own small bundle until the profile layout lets
// internal/report render other APIs' runs.
package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/mask"
)

// redacted replaces any secret found in a file.
const redacted = "[secret redacted]"

// Write puts name.json (doc as JSON) and summary.md into dir, then
// SHA256SUMS over both. Secrets (of four bytes or more) are replaced wherever
// they occur, and account numbers are masked (package mask).
func Write(dir, name string, doc any, summary string, secrets ...credentials.Secret) error {
	js, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
	}{{name + ".json", append(js, '\n')}, {"summary.md", []byte(summary)}}
	var sums bytes.Buffer
	for _, f := range files {
		data := []byte(mask.AllNumbers(string(scrub(f.data, secrets))))
		if err := os.WriteFile(filepath.Join(dir, f.name), data, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), f.name)
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums.Bytes(), 0o644)
}

func scrub(data []byte, secrets []credentials.Secret) []byte {
	for _, s := range secrets {
		if len(s) >= 4 {
			data = bytes.ReplaceAll(data, s, []byte(redacted))
		}
	}
	return data
}
