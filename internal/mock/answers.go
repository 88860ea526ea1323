package mock

import (
	"encoding/json"
	"net/http"
)

// Codes the mock answers with in the envelope, besides the business codes of codes.go.
const (
	codeSuccess      = "00"
	codeBadTimestamp = "90"
	codeBadSignature = "97"
)

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

// documentedErrors are the verbatim bodies of the 6.2.2 page. Its 400 body ("Not have access.") is
// not among them: the mock's 400 always names the fault (badRequest).
var documentedErrors = map[int]httpError{
	http.StatusUnauthorized:        {"Unauthorized.", "Unauthorized", 401},
	http.StatusForbidden:           {"Forbidden.", "Forbidden", 403},
	http.StatusNotFound:            {"Not Found.", "Not Found", 404},
	http.StatusInternalServerError: {"Internal Server Error.", "Internal Server Error", 500},
	http.StatusNotImplemented:      {"Not Implemented.", "Not Implemented", 501},
}

// result is what a check or a handler decides to answer.
type result struct {
	status int
	body   any
}

// success wraps data in the "00" envelope.
func success(data any) result {
	return result{http.StatusOK, envelope{codeSuccess, "Success", data}}
}

// failure is a 200 envelope with a non-"00" code and data null.
func failure(code, message string) result {
	return result{http.StatusOK, envelope{code, message, nil}}
}

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

// write sends a result as JSON, as the NestJS service does.
func write(w http.ResponseWriter, r result) {
	body, err := json.Marshal(r.body)
	if err != nil { // every body is built from plain types; this is a bug in the mock
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(r.status)
	_, _ = w.Write(body)
}
