package contract

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var marker = regexp.MustCompile(`\[(seed|obs|apic|oauth|\?)`)

func TestLoadsWithKinOpenAPI(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := s.Doc
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

// The project's spec package routes it, and with OCB's rules a correct 417
// body is no finding at all (Tingee's statusCode echo is not OCB's rule);
// an undocumented property of the error body is drift.
func TestA417BodyIsReadByOCBsRules(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Find("POST", "/v1/accounts/details"); !ok {
		t.Error("spec does not route POST /v1/accounts/details")
	}
	h := http.Header{"Content-Type": {"application/json"}}
	body := `{"trace":{"clientTransId":"t1","bankRefNo":"b1"},"error":{"type":"BUSINESS","code":"ACC-404","details":"account not found","location":"accountNumber"}}`
	if f := s.ValidateResponse("POST", "/v1/accounts/details", 417, h, []byte(body)); len(f) != 0 {
		t.Errorf("a correct 417 body gave findings: %+v", f)
	}
	extra := strings.Replace(body, `"location"`, `"hint":"x","location"`, 1)
	f := s.ValidateResponse("POST", "/v1/accounts/details", 417, h, []byte(extra))
	if len(f) != 1 || !f[0].Drift || f[0].Pointer != "/error/hint" {
		t.Errorf("an undocumented property of a 417 body: findings %+v, want one drift at /error/hint", f)
	}
}
