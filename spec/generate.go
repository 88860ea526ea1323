package spec

//go:generate go run ./internal/genschemas -out schemas
