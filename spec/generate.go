package spec

//go:generate go run ../cmd/genschemas -out schemas
