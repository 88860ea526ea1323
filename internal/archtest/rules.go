// Package archtest holds the walls between the harness's parts, checked on
// the package graph `go list -deps` reports (arch_test.go): the core knows no
// API, a profile knows no other, signers stand alone, a mock is no part of
// the harness, the steps know no mock, the report knows no steps, and only
// commands parse flags.
package archtest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Module is the module path; package paths below are relative to it ("" is
// the root package, which embeds Tingee's openapi.yaml and features/).
const Module = "github.com/tingee-conformance/harness"

// Package is one package of the module as go list reports it.
type Package struct {
	Path    string   // relative to Module
	Deps    []string // every package it depends on, transitively, relative to Module (outside ones dropped)
	Imports []string // its direct imports, standard library included
}

// Violation is one broken wall.
type Violation struct {
	Rule    string
	Package string
	Dep     string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s: %s → %s", v.Rule, show(v.Package), show(v.Dep))
}

func show(p string) string {
	if p == "" {
		return "(root: Tingee's openapi.yaml and features/)"
	}
	return p
}

// The rules, by name.
const (
	RuleGeneric  = "a generic package depends on a profile"
	RuleProfiles = "a profile depends on another profile"
	RuleSigner   = "a signer depends on the project"
	RuleMock     = "a mock depends on a part of the harness"
	RuleStepMock = "steps depend on a mock"
	RuleReport   = "the report or its bundle depends on steps"
	RuleFlag     = "a flag is parsed outside cmd/, bench/ and scripts/"
)

// signers are the profiles' signature packages: pure, standard library only.
var signers = []string{"profiles/tingee/signing", "profiles/ocb/jws"}

// harnessParts are what drives a run: no mock may depend on them.
var harnessParts = []string{"steps", "internal/runner", "internal/client", "internal/report"}

// Check lists every broken wall of pkgs, sorted.
func Check(pkgs []Package) []Violation {
	var out []Violation
	add := func(rule, p, dep string) { out = append(out, Violation{rule, p, dep}) }
	for _, p := range pkgs {
		for _, d := range p.Deps {
			switch {
			case isGeneric(p.Path) && (d == "" || under(d, "profiles")):
				add(RuleGeneric, p.Path, d)
			case profileOf(p.Path) != "" && profileOf(d) != "" && profileOf(p.Path) != profileOf(d):
				add(RuleProfiles, p.Path, d)
			}
			if slices.Contains(signers, p.Path) {
				add(RuleSigner, p.Path, d)
			}
			if isMock(p.Path) && (isOneOf(d, harnessParts) || isSteps(d)) {
				add(RuleMock, p.Path, d)
			}
			if isSteps(p.Path) && isMock(d) {
				add(RuleStepMock, p.Path, d)
			}
			if (under(p.Path, "internal/report") || under(p.Path, "internal/bundle")) && isSteps(d) {
				add(RuleReport, p.Path, d)
			}
		}
		for _, imp := range p.Imports {
			if imp == "flag" && !under(p.Path, "cmd") && !under(p.Path, "bench") && !under(p.Path, "scripts") {
				add(RuleFlag, p.Path, imp)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// isGeneric: the core, which serves every API. Commands, benchmarks, examples,
// the contract tools and scripts may name a profile; the root package is
// Tingee's data.
func isGeneric(p string) bool {
	for _, top := range []string{"profiles", "cmd", "bench", "examples", "contract", "scripts"} {
		if under(p, top) {
			return false
		}
	}
	return p != ""
}

// profileOf is the profile a package belongs to ("tingee" for
// profiles/tingee/…), "" for none. The root package is Tingee's.
func profileOf(p string) string {
	if p == "" {
		return "tingee"
	}
	if !under(p, "profiles") {
		return ""
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(p, "profiles/"), "/")
	return name
}

// isMock: a profile's mock, profiles/<name>/mock/….
func isMock(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) >= 3 && parts[0] == "profiles" && parts[2] == "mock"
}

// isSteps: the generic steps and every profile's suite (its step definitions).
func isSteps(p string) bool {
	parts := strings.Split(p, "/")
	return under(p, "steps") || len(parts) >= 3 && parts[0] == "profiles" && parts[2] == "suite"
}

func isOneOf(p string, list []string) bool {
	for _, l := range list {
		if under(p, l) {
			return true
		}
	}
	return false
}

// under says whether p is dir or inside it.
func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
