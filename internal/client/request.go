package client

import (
	"net/url"
	"time"
)

// Request is one call to the target. Body holds the exact bytes sent: the
// client never re-serialises it. A nil Body sends no body and signs "{}".
type Request struct {
	Operation string // operationId in openapi.yaml, for the evidence; "" for control calls
	Method    string
	Path      string // e.g. /v1/confirm-va
	Query     url.Values
	Body      []byte
	// Control marks a call outside the contract (the mock's /_mock/… endpoints):
	// it is signed like any other but its answer is not validated against openapi.yaml.
	Control bool
	// Component, for a request to no operation of the spec (an unknown path, a
	// wrong method), names the schema its answer is validated against instead, e.g. HttpError404.
	Component string
	Tamper    Tamper
}

// Tamper lists the ways the signing matrix breaks a request on purpose. The
// zero value sends a correctly signed request.
type Tamper struct {
	SignBody        []byte        // sign these bytes instead of the body sent (nil: the body, or "{}")
	SignEmpty       bool          // sign the empty string instead of "{}" (bodyless calls)
	Secret          []byte        // sign with this secret instead of the client's
	ClientID        string        // send this x-client-id instead of the client's
	Omit            string        // leave this header out (e.g. x-signature)
	TimestampOffset time.Duration // move the timestamp away from the clock (negative: in the past)
	RawTimestamp    string        // send (and sign) this x-request-timestamp verbatim
	UpperHex        bool          // send the signature in upper-case hex
	FlipLastHex     bool          // send the signature with its last hex digit changed
}
