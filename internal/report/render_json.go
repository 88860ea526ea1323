package report

import (
	"bytes"
	"encoding/json"
)

// renderJSON writes report.json: indented, keys in struct order and maps sorted,
// with <, > and & left as they are so bodies read as sent.
func renderJSON(doc *Document) ([]byte, error) {
	return marshalIndent(doc)
}

func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
