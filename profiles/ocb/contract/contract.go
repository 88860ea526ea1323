// Package contract embeds the OCB profile's OpenAPI 3.0.3 contract
// (openapi.yaml) and parses it with the spec package and OCB's answer rules.
package contract

import (
	_ "embed"
	"sync"

	"github.com/tingee-conformance/harness/spec"
)

// OpenAPI is openapi.yaml, transcribed from docs/ocb-open-api.md.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Rules are OCB's answer rules: none beyond the schemas. A business or
// validation failure is its own documented answer (HTTP 417, ErrorAnswer),
// not a branch of the success, and no error body repeats the HTTP status.
var Rules = spec.AnswerRules{}

// Load parses and validates the contract once; callers share and must not modify it.
var Load = sync.OnceValues(func() (*spec.Spec, error) { return spec.Parse(OpenAPI, Rules) })
