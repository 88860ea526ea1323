package main

import (
	"net/http"
	"strings"
)

// call is one request of the mix.
type call struct {
	method, path string
	body         []byte // nil: no body (signed as "{}")
}

// mix is what every worker cycles through: a confirm-va with an unknown
// confirmId (business code 1001, state untouched), a page of VAs and the bank
// list. None of them changes the mock's state, so a run can be repeated.
var mix = []call{
	{http.MethodPost, "/v1/confirm-va", []byte(`{"bankName":"OCB","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`)},
	{http.MethodPost, "/v1/get-va-paging", []byte(`{"skipCount":0,"maxResultCount":10}`)},
	{http.MethodPost, "/v1/confirm-va", []byte(`{"bankBin":"970422","confirmId":"3f0c1a52-7d4e-4f0b-9a51-2b8f6c9d0e11","otpNumber":"222333"}`)},
	{http.MethodPost, "/v1/get-va-paging", []byte(`{"skipCount":10,"maxResultCount":50}`)},
	{http.MethodGet, "/v1/get-banks", nil},
}

func (c call) url(base string) string { return strings.TrimRight(base, "/") + c.path }
