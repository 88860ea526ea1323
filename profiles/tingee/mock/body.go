package mock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
)

// maxBody is the largest body the mock reads. Larger bodies answer 400 (see README: the 6.2.2
// page documents no 413, so the documented 400 shape carries the reason).
const maxBody = 1 << 20

// readBody reads the raw body, at most maxBody bytes; it never blocks past what the client sends.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, *result) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		res := badRequest(fmt.Sprintf("request entity too large: the body exceeds %d bytes", maxBody))
		return nil, &res
	case err != nil:
		res := badRequest("request body could not be read")
		return nil, &res
	}
	return body, nil
}

// checkContentType requires application/json on a request that carries a body.
func checkContentType(r *http.Request, body []byte) []string {
	if len(body) == 0 {
		return nil
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return []string{fmt.Sprintf("Content-Type must be application/json, got %q", r.Header.Get("Content-Type"))}
	}
	return nil
}

// maxDepth is how deeply a body may nest objects and arrays; no request of the API nests beyond 3.
const maxDepth = 32

// errTooDeep refuses bodies nested beyond maxDepth, which would only cost time.
var errTooDeep = fmt.Errorf("JSON body nested deeper than %d levels", maxDepth)

// decodeObject parses a body as one JSON object, numbers kept as json.Number.
// An empty body is {}. Duplicate keys, at any depth, and trailing data are faults.
func decodeObject(body []byte) (map[string]any, string) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, ""
	}
	if obj, ok := decodePlain(body); ok {
		return obj, ""
	}
	return decodeTokens(body)
}

// decodeTokens is decodeObject's careful way, token by token, which finds and words every fault.
func decodeTokens(body []byte) (map[string]any, string) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, jsonFault(err)
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return nil, fmt.Sprintf("Unexpected data after the JSON value at position %d", dec.InputOffset())
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, "request body must be a JSON object"
	}
	return obj, ""
}

// jsonFault words a parse error as the NestJS body parser does.
func jsonFault(err error) string {
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("Unexpected token in JSON at position %d", syntax.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "Unexpected end of JSON input"
	}
	return err.Error()
}

// errDuplicateKey names a key that appears twice in one object.
type errDuplicateKey string

func (e errDuplicateKey) Error() string {
	return "duplicate key " + string(e) + " in JSON body"
}

// decodeValue builds one JSON value from the decoder's tokens, refusing duplicate keys.
func decodeValue(dec *json.Decoder, depth int) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') && depth == maxDepth {
		return nil, errTooDeep
	}
	switch tok {
	case json.Delim('{'):
		obj := map[string]any{}
		for dec.More() {
			keyTok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key := keyTok.(string) // the decoder only yields string keys inside an object
			if _, dup := obj[key]; dup {
				return nil, errDuplicateKey(key)
			}
			if obj[key], err = decodeValue(dec, depth+1); err != nil {
				return nil, err
			}
		}
		_, err = dec.Token() // '}'
		return obj, err
	case json.Delim('['):
		arr := []any{}
		for dec.More() {
			v, err := decodeValue(dec, depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err = dec.Token() // ']'
		return arr, err
	}
	return tok, nil
}
