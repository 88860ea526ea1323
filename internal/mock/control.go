package mock

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// Control endpoints, outside /v1 and unsigned: they drive the mock in tests and demos.
const (
	controlPrefix    = "/_mock/"
	pathTransfers    = "/_mock/transfers"  // POST transfer → a payment into a VA
	pathDeliveries   = "/_mock/deliveries" // GET → the webhook notifier's record of deliveries
	methodTransfers  = http.MethodPost
	methodDeliveries = http.MethodGet
)

func isControl(path string) bool { return strings.HasPrefix(path, controlPrefix) }

// deliveryLog is implemented by a Notifier that records its deliveries (internal/webhook).
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
	if s.cfg.Webhooks != nil && url != "" {
		s.cfg.Webhooks.Send(url, s.notification(txn))
	}
	return result{http.StatusOK, map[string]any{"transaction": txn, "webhookUrl": url}}
}
