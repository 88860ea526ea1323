package contract

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/spec"
)

var marker = regexp.MustCompile(`\[(seed|obs|apic|oauth|\?)`)

func TestLoadsWithKinOpenAPI(t *testing.T) {
	doc, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	packages := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if !marker.MatchString(op.Summary) {
				t.Errorf("%s %s: summary has no source marker", method, path)
			}
			if p, ok := op.Extensions["x-ocb-package"].(string); ok {
				packages[p] = true
				if op.Responses.Value("417") == nil || op.Responses.Value("403") == nil {
					t.Errorf("%s: a resource operation must document 417 and 403", path)
				}
			}
		}
	}
	// Five packages [seed step 7].
	for _, p := range []string{"accounts", "transfer", "payment", "saving", "utility"} {
		if !packages[p] {
			t.Errorf("no operation for package %s", p)
		}
	}
	for _, name := range []string{"clientId", "clientSecret", "bearer"} {
		if doc.Components.SecuritySchemes[name] == nil {
			t.Errorf("security scheme %s missing", name)
		}
	}
	sig, ok := doc.Extensions["x-ocb-signature"].(map[string]any)
	if !ok || !strings.Contains(sig["rule"].(string), `base64url('{"alg":"RS256"}')`) {
		t.Errorf("x-ocb-signature does not state the detached-JWS rule: %v", doc.Extensions["x-ocb-signature"])
	}
}

// The project's spec package parses it too (routing, schemas).
func TestLoadsWithTheSpecPackage(t *testing.T) {
	s, err := spec.Parse(OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Find("POST", "/v1/accounts/details"); !ok {
		t.Error("spec does not route POST /v1/accounts/details")
	}
}
