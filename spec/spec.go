// Package spec loads and checks openapi.yaml, routes a method and path to its
// operation, and validates requests and responses against it, returning
// findings (never panics). Each response and error shape is also available as
// a standalone JSON Schema compiled with santhosh-tekuri/jsonschema.
package spec

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// Finding is one departure from the contract.
type Finding = evidence.Finding

// Spec is a loaded, validated openapi.yaml.
type Spec struct {
	Doc *openapi3.T
	// Servers are the document's servers (live and UAT), kept aside: Doc has
	// none, so routing ignores the host.
	Servers openapi3.Servers

	ops     []Operation
	byRoute map[string]int // "METHOD /path" → index in ops
	byID    map[string]int
	routes  []*routers.Route // kin-openapi routes for openapi3filter, same index as ops
	// hasParams says, by index in ops, whether an operation or its path declares parameters:
	// only then can openapi3filter find anything (see ValidateRequest).
	hasParams []bool
	// securityHeaders are, by index in ops, the signing headers an operation requires, sorted.
	securityHeaders [][]string
	schemas         *schemaSet
	rules           AnswerRules
}

// Operation is one operation of the contract.
type Operation struct {
	ID     string // operationId, e.g. confirmVa
	Method string
	Path   string // e.g. /v1/confirm-va
	DocRef string // x-doc-ref, e.g. 6.2.2
	// DocConfirmed is x-doc-ref-confirmed: the sources confirm DocRef as a
	// section number of Tingee's docs; otherwise it is the contract's own numbering.
	DocConfirmed bool
	// SDKPath is x-sdk-path: the path the official SDKs call, e.g.
	// /v1/bank/confirm-va; "" when they call Path.
	SDKPath string
	// Idempotent is x-idempotent: true, an operation that changes nothing on
	// the target, so that a failed call may be sent again (internal/client).
	Idempotent bool
	Op         *openapi3.Operation
}

// Path families a run can send (run --paths).
const (
	PathsDocs = "docs" // the docs' and live API's paths: Operation.Path
	PathsSDK  = "sdk"  // the official SDKs' paths: Operation.SDKPath where there is one
)

// PathIn is the operation's path in a family: SDKPath for PathsSDK when the
// operation has one, else Path.
func (o Operation) PathIn(family string) string {
	if family == PathsSDK && o.SDKPath != "" {
		return o.SDKPath
	}
	return o.Path
}

// Parse parses and validates an OpenAPI document, whose answers are read by
// rules (the profile's). External references are refused. The document's
// servers are dropped: routing is by path alone, so a mock on 127.0.0.1 and
// the API's own hosts all route alike.
func Parse(data []byte, rules AnswerRules) (*Spec, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("spec: parse: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("spec: invalid: %w", err)
	}
	s := &Spec{Doc: doc, Servers: doc.Servers, byRoute: map[string]int{}, byID: map[string]int{}, rules: rules}
	doc.Servers = nil
	if err := s.index(); err != nil {
		return nil, err
	}
	if s.schemas, err = compileSchemas(doc, rules); err != nil {
		return nil, err
	}
	if err := s.compileAnswers(); err != nil {
		return nil, err
	}
	return s, nil
}

// index lists the operations in path order and builds the routing tables.
func (s *Spec) index() error {
	paths := s.Doc.Paths.InMatchingOrder()
	sort.Strings(paths)
	for _, p := range paths {
		item := s.Doc.Paths.Value(p)
		methods := make([]string, 0, len(item.Operations()))
		for m := range item.Operations() {
			methods = append(methods, m)
		}
		sort.Strings(methods)
		for _, m := range methods {
			op := item.GetOperation(m)
			if op.OperationID == "" {
				return fmt.Errorf("spec: %s %s has no operationId", m, p)
			}
			if _, dup := s.byID[op.OperationID]; dup {
				return fmt.Errorf("spec: operationId %s is used twice", op.OperationID)
			}
			ref, _ := op.Extensions["x-doc-ref"].(string)
			sdkPath, _ := op.Extensions["x-sdk-path"].(string)
			confirmed, _ := op.Extensions["x-doc-ref-confirmed"].(bool)
			idempotent, _ := op.Extensions["x-idempotent"].(bool)
			s.byID[op.OperationID] = len(s.ops)
			s.byRoute[m+" "+p] = len(s.ops)
			if sdkPath != "" {
				if _, dup := s.byRoute[m+" "+sdkPath]; dup || s.Doc.Paths.Value(sdkPath) != nil {
					return fmt.Errorf("spec: x-sdk-path %s of %s is already a path", sdkPath, op.OperationID)
				}
				s.byRoute[m+" "+sdkPath] = len(s.ops)
			}
			s.ops = append(s.ops, Operation{ID: op.OperationID, Method: m, Path: p, DocRef: ref, DocConfirmed: confirmed, SDKPath: sdkPath, Idempotent: idempotent, Op: op})
			s.routes = append(s.routes, &routers.Route{Spec: s.Doc, Path: p, PathItem: item, Method: m, Operation: op})
			s.hasParams = append(s.hasParams, len(op.Parameters)+len(item.Parameters) > 0)
			s.securityHeaders = append(s.securityHeaders, headerSchemes(s.Doc, op))
		}
	}
	return nil
}

// Operations lists every operation, in path order.
func (s *Spec) Operations() []Operation { return append([]Operation(nil), s.ops...) }

// Find routes method and path (servers stripped; any query ignored) to its
// operation. path may also be a whole URL on any host.
func (s *Spec) Find(method, path string) (Operation, bool) {
	i, ok := s.find(method, path)
	if !ok {
		return Operation{}, false
	}
	return s.ops[i], true
}

func (s *Spec) find(method, path string) (int, bool) {
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, "?#%") {
		if u, err := url.Parse(path); err == nil {
			path = u.Path
		}
	}
	i, ok := s.byRoute[strings.ToUpper(method)+" "+path]
	return i, ok
}

// Idempotent says whether the contract marks operationID x-idempotent: true.
func (s *Spec) Idempotent(operationID string) bool {
	op, ok := s.OperationByID(operationID)
	return ok && op.Idempotent
}

// OperationByID finds an operation by its operationId.
func (s *Spec) OperationByID(id string) (Operation, bool) {
	i, ok := s.byID[id]
	if !ok {
		return Operation{}, false
	}
	return s.ops[i], true
}
