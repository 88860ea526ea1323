package client

import (
	"net/http"
	"time"
)

// Signer authenticates a request the way one API wants it (a profile's
// signature scheme): it returns the headers to add over the exact bytes the
// request sends, at time now, and what the evidence keeps of the signature.
// The client adds its own Content-Type, Accept and User-Agent first; the
// signer's headers are set over them, and a signer may delete any.
type Signer interface {
	Sign(r Request, now time.Time) (http.Header, Signature)
}

// Signature is what a Signer tells the evidence about one signed request.
type Signature struct {
	// DigestSHA256 is the hex SHA-256 of what was signed
	// (evidence.Exchange.StringToSignSHA256); "" when nothing was.
	DigestSHA256 string
	// Note is the first comment line of the request's curl replay, e.g. how
	// long the signature stays valid; "" for none.
	Note string
	// Deleted are the headers the signer leaves out on purpose (a tampered
	// request): the client deletes them after setting its own.
	Deleted []string
}
