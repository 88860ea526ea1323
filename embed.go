// Package harness holds Tingee's files at the top of the repository, which
// the Tingee profile (profiles/tingee) embeds: its contract (openapi.yaml)
// and its Gherkin features with their fixtures. They stay here, where users
// name them (run features/signing.feature:12) and reports cite them; OCB's
// are under profiles/ocb. Only Tingee's packages import this one (see
// internal/archtest).
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
