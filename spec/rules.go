package spec

import (
	"encoding/json"
	"fmt"
)

// AnswerRules are how one API's answers are read beyond their schemas. A
// profile hands its rules to Parse; the zero value reads plain answers: no
// business-error branch, no status echo.
type AnswerRules struct {
	// BusinessError names the component an answer may be instead of its
	// success, as a oneOf of the two (Tingee: BusinessError); "" for none.
	// Its CodeField property's x-documented-codes lists the codes the docs
	// mention: any other code is drift.
	BusinessError string
	// CodeField is the property of an answer body holding its code ("code").
	CodeField string
	// SuccessCode is the code of a success (Tingee: 00): a body whose CodeField is
	// present and holds another code is a business error. A success body may
	// also have no code at all.
	SuccessCode string
	// RefusalCodes are the business codes that refuse the request's
	// authentication (Tingee: 90 timestamp, 97 signature); the report gives
	// each a coverage column of its own.
	RefusalCodes []string
	// Catalogue are the HTTP statuses any operation of the API may answer,
	// documented or not by each (Tingee: the 6.2.2 page's six error
	// bodies); the report's coverage lists each beside the documented ones.
	Catalogue []string
	// StatusEcho is the property of an HTTP error body (status 400 and up)
	// that must repeat the HTTP status (NestJS's "statusCode"); "" for none.
	StatusEcho string
}

// Rules are the answer rules the contract was parsed with.
func (s *Spec) Rules() AnswerRules { return s.rules }

// Code is the rules' CodeField of a JSON object body, as text ("" when the
// body is no object or has none). A number is given as its digits.
func (s *Spec) Code(body []byte) string {
	if s.rules.CodeField == "" {
		return ""
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return ""
	}
	return codeText(obj[s.rules.CodeField])
}

// codeText is a raw JSON code as text: a string's value, else the raw token.
func codeText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	return string(raw)
}

// IsBusinessError says whether a decoded body is a business error under the
// rules: its code is present and is not the success code.
func (r AnswerRules) IsBusinessError(instance any) bool {
	if r.BusinessError == "" {
		return false
	}
	obj, ok := instance.(map[string]any)
	if !ok {
		return false
	}
	code, has := obj[r.CodeField]
	return has && fmt.Sprint(code) != r.SuccessCode
}
