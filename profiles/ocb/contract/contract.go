// Package contract embeds the OCB profile's OpenAPI 3.0.3 contract
// (openapi.yaml) and loads it with kin-openapi.
package contract

import (
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// OpenAPI is openapi.yaml, transcribed from docs/ocb-open-api.md.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Load parses and validates the contract once; callers share and must not modify it.
var Load = sync.OnceValues(func() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(OpenAPI)
	if err != nil {
		return nil, fmt.Errorf("ocb contract: parse: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("ocb contract: invalid: %w", err)
	}
	return doc, nil
})
