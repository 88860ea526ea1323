// Package packages lists OCB's five API packages (guide step 7) with, for
// each, one harmless operation to probe it: the embedded defaults, or a
// company's own file naming paths it knows.
package packages

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Package is one API package and the operation that probes it.
type Package struct {
	ID     string         `yaml:"id"`     // accounts | transfer | payment | saving | utility
	Name   string         `yaml:"name"`   // as the guide names it [seed step 7]
	Path   string         `yaml:"path"`   // POST path under the gateway base
	Source string         `yaml:"source"` // marker of the path: [obs] or [?]
	Data   map[string]any `yaml:"data"`   // the envelope's data
}

// PlaceholderAccount is the account the shipped accounts probe names. It is
// no company's: OCB's backend may answer it with a 417 (an account the app
// does not own), so checks that want a 200 need the company's own account in
// its probes file.
const PlaceholderAccount = "0123456789"

// NamesPlaceholderAccount reports whether p's data still names PlaceholderAccount.
func (p Package) NamesPlaceholderAccount() bool {
	list, _ := p.Data["accountNumbers"].([]any)
	for _, a := range list {
		if a == PlaceholderAccount {
			return true
		}
	}
	return false
}

// IDs of the five packages, in the guide's order [seed step 7].
var IDs = []string{"accounts", "transfer", "payment", "saving", "utility"}

//go:embed packages.yaml
var defaults []byte

// Default is the embedded list.
func Default() []Package {
	p, err := parse(defaults)
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return p
}

// Load reads a company's probes file; it must name each of the five packages once.
func Load(path string) ([]Package, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse(b)
}

func parse(b []byte) ([]Package, error) {
	var list []Package
	if err := yaml.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("probes: %w", err)
	}
	byID := map[string]bool{}
	for i, p := range list {
		switch {
		case !isID(p.ID):
			return nil, fmt.Errorf("probes: entry %d: id %q: want one of %s", i+1, p.ID, strings.Join(IDs, ", "))
		case byID[p.ID]:
			return nil, fmt.Errorf("probes: package %s named twice", p.ID)
		case !strings.HasPrefix(p.Path, "/"):
			return nil, fmt.Errorf("probes: package %s: path %q must start with /", p.ID, p.Path)
		}
		if list[i].Data == nil {
			list[i].Data = map[string]any{}
		}
		if _, err := json.Marshal(list[i].Data); err != nil {
			return nil, fmt.Errorf("probes: package %s: data: %w", p.ID, err)
		}
		byID[p.ID] = true
	}
	if len(byID) != len(IDs) {
		return nil, fmt.Errorf("probes: %d packages named; all five are needed (%s)", len(byID), strings.Join(IDs, ", "))
	}
	return list, nil
}

func isID(id string) bool {
	for _, x := range IDs {
		if x == id {
			return true
		}
	}
	return false
}

// ParseIDs reads a comma-separated list of package ids (for --unsubscribed).
func ParseIDs(s string) ([]string, error) {
	var out []string
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if !isID(id) {
			return nil, fmt.Errorf("package %q: want one of %s", id, strings.Join(IDs, ", "))
		}
		out = append(out, id)
	}
	return out, nil
}
