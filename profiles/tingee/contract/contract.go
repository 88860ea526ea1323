// Package contract is Tingee's contract: openapi.yaml (at the repository's
// top level, embedded by the root package) parsed with Tingee's answer rules.
package contract

import (
	"sync"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/spec"
)

// Envelope codes of Tingee's answers {code, message, data}.
const (
	CodeSuccess = "00"
	// CodeBadTimestamp and CodeBadSignature are the business codes (HTTP 200,
	// data null) with which Tingee refuses a request's timestamp (malformed,
	// or outside signing.Tolerance) or its signature; the mock answers them,
	// and the reference webhook receiver reuses them for the same faults.
	CodeBadTimestamp = "90"
	CodeBadSignature = "97"
)

// Rules are Tingee's answer rules: every 200 answer is its success envelope
// or BusinessError, told apart by code "00"; 90 and 97 refuse the signing;
// the six HTTP error bodies of the 6.2.2 page may answer any call, and are
// NestJS's, whose statusCode repeats the status.
var Rules = spec.AnswerRules{
	BusinessError: "BusinessError",
	CodeField:     "code",
	SuccessCode:   CodeSuccess,
	RefusalCodes:  []string{CodeBadTimestamp, CodeBadSignature},
	Catalogue:     []string{"400", "401", "403", "404", "500", "501"},
	StatusEcho:    "statusCode",
}

// Load parses and validates openapi.yaml with Rules. It is done once; every
// caller shares the result, which nobody may modify.
var Load = sync.OnceValues(func() (*spec.Spec, error) { return spec.Parse(harness.OpenAPI, Rules) })
