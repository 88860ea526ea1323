package client

import "net/url"

// Request is one call to the target. Body holds the exact bytes sent: the
// client never re-serialises it. A nil Body sends no body.
type Request struct {
	Operation string // operationId in the contract, for the evidence; "" for control calls
	Method    string
	Path      string // as the contract names it
	Query     url.Values
	Body      []byte
	// Control marks a call outside the contract (the mock's /_mock/… endpoints):
	// it is signed like any other but its answer is not validated against the contract.
	Control bool
	// Component, for a request to no operation of the spec (an unknown path, a
	// wrong method), names the schema its answer is validated against instead, e.g. HttpError404.
	Component string
	// Tamper is handed to the Signer, which alone knows its type: how a
	// profile's signing matrix breaks a request on purpose. nil signs correctly.
	Tamper any
}
