package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/credentials"
)

func TestWriteScrubsSecretsAndSums(t *testing.T) {
	dir := t.TempDir()
	secret := credentials.Secret("s3cr3t-value")
	if err := Write(dir, "preflight", map[string]string{"leak": "s3cr3t-value", "account": "0123456789"}, "# s3cr3t-value\n", secret); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"preflight.json", "summary.md", "SHA256SUMS"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "s3cr3t") || strings.Contains(string(b), "0123456789") {
			t.Errorf("%s holds the secret or an unmasked account number", f)
		}
	}
	sums, _ := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if strings.Count(string(sums), "\n") != 2 {
		t.Errorf("SHA256SUMS: %s", sums)
	}
}
