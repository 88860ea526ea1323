package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Control endpoints, outside /v1 and unsigned: they drive the mock in tests and demos.
const (
	controlPrefix    = "/_mock/"
	pathTransfers    = "/_mock/transfers"  // POST transfer → a payment into a VA
	pathDeliveries   = "/_mock/deliveries" // GET → the webhook notifier's record of deliveries
	pathRedirects    = "/_mock/redirects/" // POST …/{id} → the account holder finishes a VCB/TPB journey
	methodTransfers  = http.MethodPost
	methodDeliveries = http.MethodGet
	methodRedirects  = http.MethodPost
)

func isControl(path string) bool { return strings.HasPrefix(path, controlPrefix) }

// deliveryLog is implemented by a Notifier that records its deliveries (profiles/tingee/webhook).
type deliveryLog interface{ Deliveries() any }

// control serves the /_mock/ endpoints.
func (s *server) control(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == pathTransfers && r.Method == methodTransfers:
		write(w, s.transfer(w, r))
	case r.URL.Path == pathDeliveries && r.Method == methodDeliveries:
		var deliveries any = []any{}
		if d, ok := s.cfg.Webhooks.(deliveryLog); ok {
			deliveries = d.Deliveries()
		}
		write(w, result{http.StatusOK, deliveries})
	case strings.HasPrefix(r.URL.Path, pathRedirects) && r.Method == methodRedirects:
		write(w, s.redirect(w, r, strings.TrimPrefix(r.URL.Path, pathRedirects)))
	default:
		write(w, documented(http.StatusNotFound))
	}
}

// transfer simulates a payment: it records the transaction, then notifies the VA's webhook URL.
func (s *server) transfer(w http.ResponseWriter, r *http.Request) result {
	raw, tooBig := readBody(w, r)
	if tooBig != nil {
		return *tooBig
	}
	var t transfer
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return badRequest("transfer: " + err.Error() + ` (want {"vaAccountNumber","amount","content","billId"?})`)
	}
	s.mu.Lock()
	txn, url, err := s.pay(t, s.now())
	s.mu.Unlock()
	if err != nil {
		return badRequest("transfer: " + err.Error())
	}
	s.notify(s.notification(txn), url)
	return result{http.StatusOK, map[string]any{"transaction": txn, "webhookUrl": url}}
}

// redirect plays the account holder at a redirect bank: body {} or {"approved":true} approves the
// journey whose links end with id, {"approved":false} refuses it. The LinkResult goes by webhook.
func (s *server) redirect(w http.ResponseWriter, r *http.Request, id string) result {
	raw, tooBig := readBody(w, r)
	if tooBig != nil {
		return *tooBig
	}
	var answer struct {
		Approved *bool `json:"approved"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&answer); err != nil && len(bytes.TrimSpace(raw)) > 0 {
		return badRequest("redirect: " + err.Error() + ` (want {"approved":true|false} or no body)`)
	}
	approved := answer.Approved == nil || *answer.Approved
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, pending := s.st.redirects[id]; !pending {
		return badRequest(fmt.Sprintf("redirect: no pending VCB/TPB link or unlink %q", id))
	}
	res, url := s.finishRedirect(id, approved, s.now())
	if res != nil {
		s.notify(*res, url)
	}
	return result{http.StatusOK, map[string]any{"linkResult": res, "webhookUrl": url}}
}
