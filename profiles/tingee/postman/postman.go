// Package postman builds a Postman collection (format v2.1) and environment
// from openapi.yaml: one request per request example, each with its example
// body and a test of the answer's `code`, signed by a collection-level
// pre-request script. The secret is an environment variable the user fills
// in; the files only ever hold a placeholder.
package postman

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	pm "github.com/tingee-conformance/harness/internal/postman"
	"github.com/tingee-conformance/harness/spec"
)

// SecretPlaceholder is the value of the environment's secretToken in the exported file.
const SecretPlaceholder = "YOUR_SECRET_TOKEN"

// ClientIDPlaceholder is the environment's clientId when none is given.
const ClientIDPlaceholder = "YOUR_CLIENT_ID"

//go:embed prerequest.js
var preRequestScript string

//go:embed test.js
var testScript string

// referenceFields name objects that earlier calls create: an example holding one
// may get a business error from a target that never created it.
var referenceFields = []string{"confirmId", "vaAccountNumber", "billId"}

// Collection returns the collection for every request example of s, indented JSON.
func Collection(s *spec.Spec) ([]byte, error) {
	exs, err := s.Examples()
	if err != nil {
		return nil, err
	}
	c := pm.File{
		Info: pm.Info{
			Name: s.Doc.Info.Title,
			Description: "Every operation of openapi.yaml (version " + s.Doc.Info.Version + ") with its example body. " +
				"The collection's pre-request script signs each request; set the environment's clientId and " +
				"secretToken (keep the secret's type 'secret'). Made by `conformance export postman`.",
			Schema: pm.CollectionSchema,
		},
		Event: []pm.Event{{Listen: "prerequest", Script: pm.Lines(pm.VietnamTimestampJS, preRequestScript)}},
	}
	for _, ex := range exs {
		c.Item = append(c.Item, exampleItem(ex))
	}
	return pm.Marshal(c)
}

// exampleItem is one request example as a collection item.
func exampleItem(ex spec.Example) pm.Item {
	op := ex.Operation
	u := pm.BaseURL(op.Path)
	keys := make([]string, 0, len(ex.Query))
	for k := range ex.Query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		u.Query = append(u.Query, pm.KV{Key: k, Value: ex.Query.Get(k)})
	}
	if len(u.Query) > 0 {
		u.Raw += "?" + ex.Query.Encode()
	}
	r := pm.Request{Method: op.Method, URL: u, Header: []pm.KV{}, Description: op.Op.Summary + " (doc " + op.DocRef + ")"}
	if ex.Body != nil {
		r.Header = append(r.Header, pm.KV{Key: "Content-Type", Value: "application/json"})
		r.Body = pm.RawJSONBody(string(ex.Body))
	}
	test := strings.Replace(testScript, "__MAY_BE_UNKNOWN__", fmt.Sprint(refersToCreated(ex)), 1)
	return pm.Item{Name: op.ID + " (" + ex.Name + ")", Request: r, Event: []pm.Event{{Listen: "test", Script: pm.Lines(test)}}}
}

// refersToCreated says whether an example names an object earlier calls create.
func refersToCreated(ex spec.Example) bool {
	var fields map[string]any
	_ = json.Unmarshal(ex.Body, &fields)
	for _, f := range referenceFields {
		if _, ok := fields[f]; ok || ex.Query.Has(f) {
			return true
		}
	}
	return false
}

// Environment returns the environment: baseUrl, clientId (ClientIDPlaceholder
// when empty) and secretToken, always SecretPlaceholder.
func Environment(name, baseURL, clientID string) ([]byte, error) {
	if clientID == "" {
		clientID = ClientIDPlaceholder
	}
	return pm.NewEnvironment(name, pm.Plain("baseUrl", baseURL), pm.Plain("clientId", clientID), pm.Secret("secretToken", SecretPlaceholder))
}
