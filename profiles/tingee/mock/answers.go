package mock

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// The envelope code of a success is contract.CodeSuccess; the mock's other codes are
// contract.CodeBadTimestamp and CodeBadSignature (guard.go) and the business codes of codes.go.

// envelope is the body of every HTTP 200 answer but get-banks.
type envelope struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data"`
}

// httpError is the NestJS error body documented on the 6.2.2 page, keys in the documented order.
// Message is a string, or a list of strings when validation found several faults.
type httpError struct {
	Message    any    `json:"message"`
	Error      string `json:"error"`
	StatusCode int    `json:"statusCode"`
}

// documentedErrors are the verbatim bodies of the 6.2.2 page, encoded once. Its 400 body ("Not have
// access.") is not among them: the mock's 400 always names the fault (badRequest).
var documentedErrors = map[int]json.RawMessage{
	http.StatusUnauthorized:        mustEncode(httpError{"Unauthorized.", "Unauthorized", 401}),
	http.StatusForbidden:           mustEncode(httpError{"Forbidden.", "Forbidden", 403}),
	http.StatusNotFound:            mustEncode(httpError{"Not Found.", "Not Found", 404}),
	http.StatusInternalServerError: mustEncode(httpError{"Internal Server Error.", "Internal Server Error", 500}),
	http.StatusNotImplemented:      mustEncode(httpError{"Not Implemented.", "Not Implemented", 501}),
}

// result is what a check or a handler decides to answer.
type result struct {
	status int
	body   any // a json.RawMessage is sent as it is: an answer that never changes, encoded once
}

// success wraps data in the "00" envelope.
func success(data any) result {
	return result{http.StatusOK, envelope{contract.CodeSuccess, "Success", data}}
}

// failure is a 200 envelope with a non-"00" code and data null. The mock's failures are a
// fixed set, so each body is encoded once, on first use.
func failure(code, message string) result {
	key := code + " " + message
	if body, ok := failures.Load(key); ok {
		return result{http.StatusOK, body}
	}
	body, _ := failures.LoadOrStore(key, mustEncode(envelope{code, message, nil}))
	return result{http.StatusOK, body}
}

// failures holds the encoded failure envelopes by code and message.
var failures sync.Map

// business answers a business failure with its code from codes.go.
func business(c businessCode) result {
	return failure(c.code, c.message)
}

// documented answers an HTTP error with its verbatim body.
func documented(status int) result {
	return result{status, documentedErrors[status]}
}

// badRequest answers 400 in the documented shape, naming the faults: one string, or a list when several.
func badRequest(faults ...string) result {
	var msg any = faults
	if len(faults) == 1 {
		msg = faults[0]
	}
	return result{http.StatusBadRequest, httpError{msg, "Bad Request", http.StatusBadRequest}}
}

// write sends a result as JSON, as the NestJS service does, with its length (never chunked).
func write(w http.ResponseWriter, r result) {
	body, ok := r.body.(json.RawMessage)
	if !ok {
		body = mustEncode(r.body)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(r.status)
	_, _ = w.Write(body)
}

// mustEncode encodes an answer body. Every body is built from plain types, so an error is a bug in the mock.
func mustEncode(v any) json.RawMessage {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return body
}
