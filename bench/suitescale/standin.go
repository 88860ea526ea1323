package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/tingee-conformance/harness/spec"
)

// standIn answers every request the way the validation scenarios expect of a
// strict target: the documented 400 body whose message lists each finding of
// spec.ValidateRequest (so it names the field), and 404 for an unknown route.
// A request without findings gets 501: the @validation scenarios send none.
func standIn(sp *spec.Spec) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if _, ok := sp.Find(r.Method, r.URL.Path); !ok {
			answer(w, http.StatusNotFound, map[string]any{"statusCode": 404, "message": "Cannot " + r.Method + " " + r.URL.Path, "error": "Not Found"})
			return
		}
		findings := sp.ValidateRequest(r, body)
		if len(findings) == 0 {
			answer(w, http.StatusNotImplemented, map[string]any{"statusCode": 501, "message": "Not Implemented", "error": "Not Implemented"})
			return
		}
		messages := make([]string, len(findings))
		for i, f := range findings {
			messages[i] = strings.TrimSpace(f.Pointer + " " + f.Expected)
		}
		answer(w, http.StatusBadRequest, map[string]any{"statusCode": 400, "message": messages, "error": "Bad Request"})
	})
}

func answer(w http.ResponseWriter, status int, body any) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
