package spec

import (
	"fmt"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaSet holds the compiled schemas of a document.
type schemaSet struct {
	defs   map[string]any // converted components, as plain JSON
	byName map[string]*compiled
	// responses[op index][status] is the schema of that answer, when documented.
	responses []map[string]*answerSchema
	// requests[op index] is the JSON request body's schema, nil when there is none.
	requests []*compiled
	// codes are the business codes the docs mention (the business error's x-documented-codes).
	codes documentedCodes
}

// compiled is one standalone schema, compiled, with its shape for drift.
type compiled struct {
	schema *jsonschema.Schema
	shape  *driftNode
}

// answerSchema is the schema of one documented answer. An answer that is
// "oneOf success / business error" (AnswerRules.BusinessError) keeps both
// branches, so the body's code picks the branch and findings point into the
// right one.
type answerSchema struct {
	whole    *compiled
	success  *compiled // nil when the answer has no business-error branch
	business *compiled
	// array is a success that is a bare JSON array beside the enveloped
	// success (get-banks [live] and the SDKs' envelope [doc]); nil when none.
	array *compiled
}

// compileSchemas converts and compiles every component; compileAnswers then compiles each operation's
// request body and answers.
func compileSchemas(doc *openapi3.T, rules AnswerRules) (*schemaSet, error) {
	defs, err := componentDefs(doc)
	if err != nil {
		return nil, err
	}
	codes, err := readDocumentedCodes(doc, rules)
	if err != nil {
		return nil, err
	}
	set := &schemaSet{defs: defs, byName: make(map[string]*compiled, len(defs)), codes: codes}
	names := make([]string, 0, len(defs))
	for n := range defs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c, err := compile(schemaIDBase+n+".json", defs[n], defs)
		if err != nil {
			return nil, fmt.Errorf("spec: schema %s: %w", n, err)
		}
		set.byName[n] = c
	}
	return set, nil
}

// compile makes root standalone and compiles it.
func compile(id string, root any, defs map[string]any) (*compiled, error) {
	doc := standalone(id, root, defs)
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	sch, err := c.Compile(id)
	if err != nil {
		return nil, err
	}
	return &compiled{schema: sch, shape: newDriftNode(doc)}, nil
}

// compileAnswers fills set.responses for the operations of s.
func (s *Spec) compileAnswers() error {
	defs := s.schemas.defs
	s.schemas.responses = make([]map[string]*answerSchema, len(s.ops))
	s.schemas.requests = make([]*compiled, len(s.ops))
	for i, op := range s.ops {
		if err := s.compileRequest(i, defs); err != nil {
			return err
		}
		answers := map[string]*answerSchema{}
		for status, ref := range op.Op.Responses.Map() {
			if ref.Value == nil {
				continue
			}
			mt := ref.Value.Content.Get("application/json")
			if mt == nil || mt.Schema == nil {
				continue
			}
			a, err := s.answer(op, status, mt.Schema, defs)
			if err != nil {
				return err
			}
			answers[status] = a
		}
		s.schemas.responses[i] = answers
	}
	return nil
}

// compileRequest compiles operation i's JSON request body schema, if any.
func (s *Spec) compileRequest(i int, defs map[string]any) error {
	op := s.ops[i]
	if op.Op.RequestBody == nil || op.Op.RequestBody.Value == nil {
		return nil
	}
	mt := op.Op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	if name, ok := componentName(mt.Schema); ok {
		s.schemas.requests[i] = s.schemas.byName[name]
		return nil
	}
	g, err := toGeneric(mt.Schema)
	if err != nil {
		return err
	}
	s.schemas.requests[i], err = compile(schemaIDBase+"requests/"+op.ID+".json", convertSchema(g), defs)
	if err != nil {
		return fmt.Errorf("spec: %s request: %w", op.ID, err)
	}
	return nil
}

// answer compiles one answer's schema, splitting a success/business-error oneOf.
func (s *Spec) answer(op Operation, status string, ref *openapi3.SchemaRef, defs map[string]any) (*answerSchema, error) {
	if name, ok := componentName(ref); ok {
		return &answerSchema{whole: s.schemas.byName[name]}, nil
	}
	g, err := toGeneric(ref)
	if err != nil {
		return nil, err
	}
	id := schemaIDBase + "answers/" + op.ID + "/" + status + ".json"
	whole, err := compile(id, convertSchema(g), defs)
	if err != nil {
		return nil, fmt.Errorf("spec: %s %s: %w", op.ID, status, err)
	}
	a := &answerSchema{whole: whole}
	var others []*openapi3.SchemaRef
	for _, branch := range ref.Value.OneOf {
		if name, _ := componentName(branch); name != "" && name == s.rules.BusinessError {
			a.business = s.schemas.byName[name]
		} else {
			others = append(others, branch)
		}
	}
	if a.business != nil && len(others) == 2 { // a bare array beside the envelope: the body's type picks
		for i, o := range others {
			if o.Value != nil && o.Value.Type.Is("array") {
				if name, ok := componentName(o); ok {
					a.array = s.schemas.byName[name]
					others = append(others[:i:i], others[i+1:]...)
				}
				break
			}
		}
	}
	if a.business == nil || len(others) != 1 {
		a.business, a.array = nil, nil
		return a, nil
	}
	if name, ok := componentName(others[0]); ok {
		a.success = s.schemas.byName[name]
		return a, nil
	}
	g, err = toGeneric(others[0])
	if err != nil {
		return nil, err
	}
	a.success, err = compile(schemaIDBase+"answers/"+op.ID+"/"+status+"-success.json", convertSchema(g), defs)
	return a, err
}

// componentName is the component a schema ref points to, if it is one.
func componentName(ref *openapi3.SchemaRef) (string, bool) {
	if ref == nil || len(ref.Ref) <= len(componentRef) || ref.Ref[:len(componentRef)] != componentRef {
		return "", false
	}
	return ref.Ref[len(componentRef):], true
}

// Schema returns the compiled standalone JSON Schema of a schema component,
// e.g. "HttpError400" or "PaymentNotification".
func (s *Spec) Schema(name string) (*jsonschema.Schema, bool) {
	c, ok := s.schemas.byName[name]
	if !ok {
		return nil, false
	}
	return c.schema, true
}

// Schemas returns every compiled component schema by name.
func (s *Spec) Schemas() map[string]*jsonschema.Schema {
	out := make(map[string]*jsonschema.Schema, len(s.schemas.byName))
	for n, c := range s.schemas.byName {
		out[n] = c.schema
	}
	return out
}
