// Package profile is what the core of the harness knows of one API: a
// Profile value, made by the API's own package under profiles/ (Tingee's,
// OCB's), and the Registry cmd/conformance picks one from with --profile.
// Which commands a profile offers is cmd/conformance's table: commands parse
// flags, and only cmd/ does; so are its signer, mock and suite built there,
// from the profile's own packages, since each takes what only that API has
// (Tingee's pair, fixtures and OTPs; OCB's app, packages and rehearsals).
// The generic packages (spec, steps, internal/…) are handed the parts they
// need; none of them imports a profile (internal/archtest holds it so).
package profile

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/spec"
)

// Profile is one API the harness checks.
type Profile struct {
	Name string // the --profile value: tingee, ocb
	// Provider publishes the API ("Tingee", "OCB"); reports and usage call
	// it "<Provider> Open API" (Title).
	Provider string
	// OpenAPI is the contract as written, hashed into every report.
	OpenAPI []byte
	// Contract parses OpenAPI with the profile's answer rules
	// (spec.AnswerRules), once; callers share the result.
	Contract func() (*spec.Spec, error)
	// Features holds the suite, features/*.feature (and their fixtures).
	Features fs.FS
	// Targets are the API's named environments (--target NAME), in the
	// order help names them; "mock", the embedded mock, is always offered too.
	Targets []Target
	// ReplayNote goes beside every curl line of a report: how to replay a
	// request whose signature expires.
	ReplayNote string
	// SourceLegend says what each source word of its checks means, for the
	// report's requirements table ("seed: the 6.2.2 page; doc; …").
	SourceLegend string
	// Credentials are the environment variables the profile reads its
	// credentials from (each also has a flag).
	Credentials []string
}

// ReportOptions are what a report of the profile's runs names and hashes:
// the API, its contract and its features.
func (p Profile) ReportOptions() (report.Options, error) {
	contract, err := p.Contract()
	if err != nil {
		return report.Options{}, err
	}
	return report.Options{Provider: p.Provider, ReplayNote: p.ReplayNote, SourceLegend: p.SourceLegend, Spec: contract, OpenAPI: p.OpenAPI, Features: p.Features}, nil
}

// Target is one named environment of an API.
type Target struct {
	Name    string // uat, live, sandbox
	BaseURL string
	// Attests is the report's --environment value (uat, production) a run
	// against BaseURL may attest; empty: none.
	Attests string
}

// Title is the API's name: "Tingee Open API".
func (p Profile) Title() string { return p.Provider + " Open API" }

// CredentialsIn says whether getenv holds any of the profile's credential
// variables (a mock then uses them rather than its test credentials).
func (p Profile) CredentialsIn(getenv func(string) string) bool {
	for _, v := range p.Credentials {
		if getenv(v) != "" {
			return true
		}
	}
	return false
}

// Target is the base URL of the environment named name.
func (p Profile) Target(name string) (string, bool) {
	for _, t := range p.Targets {
		if t.Name == name {
			return t.BaseURL, true
		}
	}
	return "", false
}

// Attesting is the target whose runs may attest the report's --environment
// value env (uat, production).
func (p Profile) Attesting(env string) (Target, bool) {
	for _, t := range p.Targets {
		if t.Attests != "" && t.Attests == env {
			return t, true
		}
	}
	return Target{}, false
}

// Registry holds the profiles --profile chooses from; the first is the default.
type Registry struct{ profiles []Profile }

// NewRegistry makes a registry of ps, ps[0] being the default. Two profiles
// of one name are a programming error.
func NewRegistry(ps ...Profile) *Registry {
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Name == "" || seen[p.Name] {
			panic(fmt.Sprintf("profile: empty or repeated name %q", p.Name))
		}
		seen[p.Name] = true
	}
	return &Registry{profiles: ps}
}

// Default is the profile used without --profile.
func (r *Registry) Default() Profile { return r.profiles[0] }

// Names lists the profiles, the default first.
func (r *Registry) Names() []string {
	names := make([]string, len(r.profiles))
	for i, p := range r.profiles {
		names[i] = p.Name
	}
	return names
}

// Lookup finds a profile by name; an unknown name is an error naming the choices.
func (r *Registry) Lookup(name string) (Profile, error) {
	for _, p := range r.profiles {
		if p.Name == name {
			return p, nil
		}
	}
	return Profile{}, fmt.Errorf("--profile %q: want %s", name, strings.Join(r.Names(), " or "))
}
