// Package spec loads and checks openapi.yaml, routes a method and path to its
// operation, and validates requests and responses against it, returning
// findings (never panics). Each response and error shape is also available as
// a standalone JSON Schema compiled with santhosh-tekuri/jsonschema.
package spec

import (
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// Finding is one departure from the contract.
type Finding = evidence.Finding

// Spec is a loaded, validated openapi.yaml.
type Spec struct {
	Doc *openapi3.T
}

// Operation is one operation of the contract.
type Operation struct {
	ID     string // operationId, e.g. confirmVa
	Method string
	Path   string // e.g. /v1/confirm-va
	DocRef string // x-doc-ref, e.g. 6.2.2
	Op     *openapi3.Operation
}

// Load parses and validates the embedded openapi.yaml.
func Load() (*Spec, error) { panic("stub") }

// Parse parses and validates an OpenAPI document.
func Parse(data []byte) (*Spec, error) { panic("stub") }

// Operations lists every operation, in path order.
func (s *Spec) Operations() []Operation { panic("stub") }

// Find routes method and path (servers stripped; any query ignored) to its operation.
func (s *Spec) Find(method, path string) (Operation, bool) { panic("stub") }

// OperationByID finds an operation by its operationId.
func (s *Spec) OperationByID(id string) (Operation, bool) { panic("stub") }

// ValidateRequest checks a request (its raw body passed separately) against its operation.
func (s *Spec) ValidateRequest(r *http.Request, body []byte) []Finding { panic("stub") }

// ValidateResponse checks an answer to method+path (path may carry a query):
// status code, content type, headers and body.
func (s *Spec) ValidateResponse(method, path string, status int, h http.Header, body []byte) []Finding {
	panic("stub")
}
