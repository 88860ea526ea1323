package contract

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/tingee-conformance/harness/spec"
)

// Every operation documents a request example and a success answer, which the contract tools
// (contract/stubcheck for Specmatic, the generated client's test) send and expect; both must pass the
// contract's own validation. The token and PAR bodies are form-encoded [obs, oauth]; PAR answers 201
// [oauth, RFC 9126 §2.2].
func TestEveryOperationHasExamplesTheContractAccepts(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	exs, err := s.Examples()
	if err != nil {
		t.Fatal(err)
	}
	byOp := map[string]spec.Example{}
	for _, ex := range exs {
		byOp[ex.Operation.ID] = ex
		r, _ := http.NewRequest(ex.Operation.Method, "http://127.0.0.1"+ex.Operation.Path, bytes.NewReader(ex.Body))
		r.Header.Set("Content-Type", ex.ContentType)
		// Headers the security schemes and parameters require; their values are only shaped right.
		for name, v := range map[string]string{"X-IBM-Client-Id": "id", "X-IBM-Client-Secret": "secret", "Authorization": "Bearer t",
			"X-Signature": "c2ln", "X-Client-Certificate": "Y2VydA=="} {
			r.Header.Set(name, v)
		}
		if f := s.ValidateRequest(r, ex.Body); len(f) != 0 {
			t.Errorf("%s request example: %+v", ex.Operation.ID, f)
		}
		h := http.Header{"Content-Type": {"application/json"}}
		if f := s.ValidateResponse(ex.Operation.Method, ex.Operation.Path, ex.Status, h, ex.Answer); len(f) != 0 {
			t.Errorf("%s success example: %+v", ex.Operation.ID, f)
		}
	}
	if len(byOp) != len(s.Operations()) {
		t.Errorf("%d operations have an example, want all %d", len(byOp), len(s.Operations()))
	}
	if tok := byOp["token"]; tok.ContentType != spec.FormMedia || !bytes.Contains(tok.Body, []byte("grant_type=password")) || tok.Status != 200 {
		t.Errorf("token example: %s %q, status %d", tok.ContentType, tok.Body, tok.Status)
	}
	if par := byOp["pushedAuthorizationRequest"]; par.Status != http.StatusCreated {
		t.Errorf("PAR's success example is documented under 201, got status %d", par.Status)
	}
}
