// Package postman builds a Postman collection (format v2.1) and environment
// from openapi.yaml: one request per request example, each with its example
// body and a test of the answer's `code`, signed by a collection-level
// pre-request script. The secret is an environment variable the user fills
// in; the files only ever hold a placeholder.
package postman

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

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

const collectionSchema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

type collection struct {
	Info  info    `json:"info"`
	Event []event `json:"event"`
	Item  []item  `json:"item"`
}

type info struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Schema      string `json:"schema"`
}

type event struct {
	Listen string `json:"listen"`
	Script script `json:"script"`
}

type script struct {
	Type string   `json:"type"`
	Exec []string `json:"exec"`
}

type item struct {
	Name    string  `json:"name"`
	Event   []event `json:"event"`
	Request request `json:"request"`
}

type request struct {
	Method      string `json:"method"`
	Header      []kv   `json:"header"`
	Body        *body  `json:"body,omitempty"`
	URL         url    `json:"url"`
	Description string `json:"description,omitempty"`
}

type kv struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type body struct {
	Mode    string      `json:"mode"`
	Raw     string      `json:"raw"`
	Options bodyOptions `json:"options"`
}

type bodyOptions struct {
	Raw struct {
		Language string `json:"language"`
	} `json:"raw"`
}

type url struct {
	Raw   string   `json:"raw"`
	Host  []string `json:"host"`
	Path  []string `json:"path"`
	Query []kv     `json:"query,omitempty"`
}

// Collection returns the collection for every request example of s, indented JSON.
func Collection(s *spec.Spec) ([]byte, error) {
	exs, err := s.Examples()
	if err != nil {
		return nil, err
	}
	c := collection{
		Info: info{
			Name: s.Doc.Info.Title,
			Description: "Every operation of openapi.yaml (version " + s.Doc.Info.Version + ") with its example body. " +
				"The collection's pre-request script signs each request; set the environment's clientId and " +
				"secretToken (keep the secret's type 'secret'). Made by `conformance export postman`.",
			Schema: collectionSchema,
		},
		Event: []event{{Listen: "prerequest", Script: lines(preRequestScript)}},
	}
	for _, ex := range exs {
		c.Item = append(c.Item, exampleItem(ex))
	}
	return marshal(c)
}

// exampleItem is one request example as a collection item.
func exampleItem(ex spec.Example) item {
	op := ex.Operation
	u := url{Raw: "{{baseUrl}}" + op.Path, Host: []string{"{{baseUrl}}"}, Path: strings.Split(strings.TrimPrefix(op.Path, "/"), "/")}
	keys := make([]string, 0, len(ex.Query))
	for k := range ex.Query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		u.Query = append(u.Query, kv{Key: k, Value: ex.Query.Get(k)})
	}
	if len(u.Query) > 0 {
		u.Raw += "?" + ex.Query.Encode()
	}
	r := request{Method: op.Method, URL: u, Header: []kv{}, Description: op.Op.Summary + " (doc " + op.DocRef + ")"}
	if ex.Body != nil {
		r.Header = append(r.Header, kv{Key: "Content-Type", Value: "application/json"})
		b := &body{Mode: "raw", Raw: string(ex.Body)}
		b.Options.Raw.Language = "json"
		r.Body = b
	}
	test := strings.Replace(testScript, "__MAY_BE_UNKNOWN__", fmt.Sprint(refersToCreated(ex)), 1)
	return item{Name: op.ID + " (" + ex.Name + ")", Request: r, Event: []event{{Listen: "test", Script: lines(test)}}}
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

type environment struct {
	Name   string   `json:"name"`
	Values []envVar `json:"values"`
	Scope  string   `json:"_postman_variable_scope"`
}

type envVar struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Type    string `json:"type"`
	Enabled bool   `json:"enabled"`
}

// Environment returns the environment: baseUrl, clientId (ClientIDPlaceholder
// when empty) and secretToken, always SecretPlaceholder.
func Environment(name, baseURL, clientID string) ([]byte, error) {
	if clientID == "" {
		clientID = ClientIDPlaceholder
	}
	return marshal(environment{
		Name: name,
		Values: []envVar{
			{Key: "baseUrl", Value: baseURL, Type: "default", Enabled: true},
			{Key: "clientId", Value: clientID, Type: "default", Enabled: true},
			{Key: "secretToken", Value: SecretPlaceholder, Type: "secret", Enabled: true},
		},
		Scope: "environment",
	})
}

// lines splits a script into Postman's exec lines.
func lines(js string) script {
	return script{Type: "text/javascript", Exec: strings.Split(strings.TrimSuffix(js, "\n"), "\n")}
}

// marshal writes v as indented JSON, with <, > and & left as they are (the scripts use them).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
