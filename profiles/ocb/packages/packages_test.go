package packages

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultNamesTheGuidesFivePackages(t *testing.T) {
	// The names of the guide's step 7 [seed].
	want := map[string]string{
		"accounts": "Accounts & Transaction Information service Package",
		"transfer": "Fund Transfer Account services Package",
		"payment":  "Payment Services Package",
		"saving":   "Saving Services Package",
		"utility":  "Utility Services Package",
	}
	got := Default()
	if len(got) != 5 {
		t.Fatalf("%d packages", len(got))
	}
	for _, p := range got {
		if want[p.ID] != p.Name {
			t.Errorf("%s: name %q, want %q", p.ID, p.Name, want[p.ID])
		}
	}
	if got[0].Path != "/v1/accounts/details" { // [obs]
		t.Errorf("accounts path %q", got[0].Path)
	}
}

func TestLoadRefusesIncompleteFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"four":    strings.Join(strings.SplitAfter(string(defaults), "- id: utility")[:1], ""),
		"badid":   "- id: loans\n  path: /x\n",
		"badpath": "- id: accounts\n  path: x\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		if _, err := Load(p); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := ParseIDs("saving,loans"); err == nil {
		t.Error("ParseIDs accepted loans")
	}
	if ids, err := ParseIDs("saving, utility"); err != nil || len(ids) != 2 {
		t.Errorf("ParseIDs: %v %v", ids, err)
	}
}
