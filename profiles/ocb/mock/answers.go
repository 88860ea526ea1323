package mock

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// gatewayTexts are API Connect's moreInformation texts the mock uses [apic].
var gatewayTexts = map[int]string{
	http.StatusUnauthorized:       "Client id not registered.",
	http.StatusForbidden:          "Application is not subscribed to a plan of this API.",
	http.StatusNotFound:           "No resources match requested URI",
	http.StatusMethodNotAllowed:   "The method is not allowed for the requested URL",
	http.StatusTooManyRequests:    "Rate Limit exceeded",
	http.StatusServiceUnavailable: "API is offline",
}

// gatewayError answers as API Connect does before a call reaches OCB [apic]:
// {"httpCode","httpMessage","moreInformation"}.
func gatewayError(w http.ResponseWriter, status int) {
	gatewayErrorText(w, status, gatewayTexts[status])
}

func gatewayErrorText(w http.ResponseWriter, status int, more string) {
	writeJSON(w, status, map[string]string{
		"httpCode": strconv.Itoa(status), "httpMessage": http.StatusText(status), "moreInformation": more,
	})
}

// oauthError is RFC 6749 §5.2's body [oauth].
func oauthError(w http.ResponseWriter, status int, code, description string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": description})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}
