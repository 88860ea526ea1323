package contract

// schemas/ holds each schema component of Tingee's openapi.yaml as a
// standalone JSON Schema (draft 2020-12), for partners' own tools; a test
// fails when it is stale.

// SchemaIDBase prefixes the $id of each file in schemas/: where it is published.
const SchemaIDBase = "https://github.com/tingee-conformance/harness/profiles/tingee/contract/schemas/"

//go:generate go run ../../../cmd/genschemas -out schemas
