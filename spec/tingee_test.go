package spec

import (
	"sync"

	harness "github.com/tingee-conformance/harness"
)

// tingeeRules are Tingee's answer rules (profiles/tingee/contract.Rules,
// which this package's tests cannot import): the contract these tests
// exercise is Tingee's openapi.yaml.
var tingeeRules = AnswerRules{BusinessError: "BusinessError", CodeField: "code", SuccessCode: "00",
	RefusalCodes: []string{"90", "97"}, Catalogue: []string{"400", "401", "403", "404", "500", "501"}, StatusEcho: "statusCode"}

// Load is Tingee's contract, parsed once for every test.
var Load = sync.OnceValues(func() (*Spec, error) { return Parse(harness.OpenAPI, tingeeRules) })
