// Package postman writes Postman's collection (format v2.1) and environment
// files, shared by every profile's exporter (profiles/*/postman).
package postman

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strings"
)

// CollectionSchema is the collection format's schema URL.
const CollectionSchema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// VietnamTimestampJS defines vietnamTimestamp(): yyyyMMddHHmmssSSS in Vietnam time
// (UTC+7), the timestamp both Tingee and OCB want. Prepend it to a script that calls it.
//
//go:embed vntime.js
var VietnamTimestampJS string

// File is a collection.
type File struct {
	Info  Info    `json:"info"`
	Event []Event `json:"event"`
	Item  []Item  `json:"item"`
}

// Info names and describes a collection.
type Info struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Schema      string `json:"schema"`
}

// Event is a script run before a request (prerequest) or after its answer (test).
type Event struct {
	Listen string `json:"listen"`
	Script Script `json:"script"`
}

// Script is a script's lines.
type Script struct {
	Type string   `json:"type"`
	Exec []string `json:"exec"`
}

// Item is one request with its scripts.
type Item struct {
	Name    string  `json:"name"`
	Event   []Event `json:"event"`
	Request Request `json:"request"`
}

// Request is an item's request.
type Request struct {
	Method      string `json:"method"`
	Header      []KV   `json:"header"`
	Body        *Body  `json:"body,omitempty"`
	URL         URL    `json:"url"`
	Description string `json:"description,omitempty"`
}

// KV is a header, query parameter or form field.
type KV struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Body is a raw body (RawJSONBody) or a form (FormBody).
type Body struct {
	Mode       string       `json:"mode"`
	Raw        string       `json:"raw,omitempty"`
	URLEncoded []KV         `json:"urlencoded,omitempty"`
	Options    *BodyOptions `json:"options,omitempty"`
}

// BodyOptions says how Postman shows a raw body.
type BodyOptions struct {
	Raw struct {
		Language string `json:"language"`
	} `json:"raw"`
}

// RawJSONBody is a raw body shown as JSON.
func RawJSONBody(raw string) *Body {
	o := &BodyOptions{}
	o.Raw.Language = "json"
	return &Body{Mode: "raw", Raw: raw, Options: o}
}

// FormBody is an application/x-www-form-urlencoded body.
func FormBody(fields ...KV) *Body { return &Body{Mode: "urlencoded", URLEncoded: fields} }

// URL is a request's URL: Raw, and the same split into host, path and query.
type URL struct {
	Raw   string   `json:"raw"`
	Host  []string `json:"host"`
	Path  []string `json:"path"`
	Query []KV     `json:"query,omitempty"`
}

// BaseURL is {{baseUrl}} + path, the environment's baseUrl being the target.
func BaseURL(path string) URL {
	return URL{Raw: "{{baseUrl}}" + path, Host: []string{"{{baseUrl}}"}, Path: strings.Split(strings.TrimPrefix(path, "/"), "/")}
}

// EnvFile is an environment.
type EnvFile struct {
	Name   string `json:"name"`
	Values []Var  `json:"values"`
	Scope  string `json:"_postman_variable_scope"`
}

// Var is an environment variable; Type "secret" makes Postman mask its value.
type Var struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Type    string `json:"type"`
	Enabled bool   `json:"enabled"`
}

// Plain is a variable shown as it is; Secret one Postman masks.
func Plain(key, value string) Var  { return Var{Key: key, Value: value, Type: "default", Enabled: true} }
func Secret(key, value string) Var { return Var{Key: key, Value: value, Type: "secret", Enabled: true} }

// NewEnvironment is an environment file holding vars.
func NewEnvironment(name string, vars ...Var) ([]byte, error) {
	return Marshal(EnvFile{Name: name, Values: vars, Scope: "environment"})
}

// Lines joins scripts (each ending in a newline or not) into Postman's exec lines.
func Lines(scripts ...string) Script {
	var all []string
	for _, js := range scripts {
		all = append(all, strings.Split(strings.TrimSuffix(js, "\n"), "\n")...)
	}
	return Script{Type: "text/javascript", Exec: all}
}

// Marshal writes v as indented JSON, with <, > and & left as they are (the scripts use them).
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
