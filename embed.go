// Package harness holds the files the conformance harness embeds: the
// contract (openapi.yaml) and the Gherkin features with their fixtures.
package harness

import (
	"embed"
	_ "embed"
)

// OpenAPI is openapi.yaml, the contract transcribed from Tingee's docs.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Features holds features/*.feature and features/fixtures/*.yaml.
//
//go:embed features
var Features embed.FS
