package spec

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodesTheDocsMentionAreNotDrift(t *testing.T) {
	s := mustLoad(t)
	for _, code := range []string{"90", "91", "97", "1001", "1023", "1076"} {
		body := fmt.Sprintf(`{"code":%q,"message":"x","data":null}`, code)
		assert.Empty(t, s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(body)), code)
	}
}

func TestOtherCodesAreDriftAtCode(t *testing.T) {
	s := mustLoad(t)
	for _, code := range []string{"42", "92", "1000", "1077", "1999", "099", "0097"} {
		body := fmt.Sprintf(`{"code":%q,"message":"x","data":null}`, code)
		for _, route := range [][2]string{{"POST", "/v1/confirm-va"}, {"GET", "/v1/get-banks"}} {
			fs := s.ValidateResponse(route[0], route[1], 200, jsonHeader, []byte(body))
			require.Len(t, fs, 1, "%s %s", code, route[1])
			assert.True(t, fs[0].Drift, code)
			assert.Equal(t, "/code", fs[0].Pointer, code)
			assert.Equal(t, `"`+code+`"`, fs[0].Got, code)
			assert.Equal(t, "a code the docs mention: 00, 90, 91, 97, 1001–1076", fs[0].Expected)
		}
	}
}

func TestABrokenCodeIsABreakNotDrift(t *testing.T) {
	s := mustLoad(t)
	for _, body := range []string{
		`{"code":"abc","message":"x","data":null}`,
		`{"code":"12345","message":"x","data":null}`,
		`{"code":1999,"message":"x","data":null}`,
	} {
		fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(body))
		assert.Equal(t, []string{"/code"}, pointers(fs), body)
		assert.Empty(t, driftPointers(fs), body)
	}
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, jsonHeader, []byte(`{"code":"1999","message":"x","data":{}}`))
	assert.Equal(t, []string{"/data"}, pointers(fs))
	assert.Equal(t, []string{"/code"}, driftPointers(fs), "a wrong data does not hide an undocumented code")
}

// businessErrorDoc is a one-operation document whose BusinessError code carries ext.
func businessErrorDoc(ext string) []byte {
	return []byte(`openapi: 3.0.3
info: {title: x, version: '1'}
paths:
  /a:
    post:
      operationId: a
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                oneOf:
                  - {$ref: '#/components/schemas/Ok'}
                  - {$ref: '#/components/schemas/BusinessError'}
components:
  schemas:
    Ok:
      type: object
      properties:
        code: {type: string, enum: ['00']}
    BusinessError:
      type: object
      properties:
        code:
          type: string
          not: {enum: ['00']}
` + ext)
}

func TestDocumentedCodesComeFromTheSpec(t *testing.T) {
	s, err := Parse(businessErrorDoc("          x-documented-codes: {'42': the answer, '500-510': a range}\n"), tingeeRules)
	require.NoError(t, err)
	answer := func(code string) []string {
		return driftPointers(s.ValidateResponse("POST", "/a", 200, jsonHeader, []byte(`{"code":"`+code+`"}`)))
	}
	assert.Empty(t, answer("42"))
	assert.Empty(t, answer("505"))
	assert.Equal(t, []string{"/code"}, answer("97"))
	assert.Equal(t, []string{"/code"}, answer("511"))

	s, err = Parse(businessErrorDoc(""), tingeeRules)
	require.NoError(t, err)
	assert.Empty(t, driftPointers(s.ValidateResponse("POST", "/a", 200, jsonHeader, []byte(`{"code":"97"}`))), "no list, no code drift")
}

func TestMalformedDocumentedCodesAreRefused(t *testing.T) {
	for _, ext := range []string{
		"[90, 97]",
		"{}",
		"{'9x': bad}",
		"{'1-20': lengths differ}",
		"{'1076-1001': reversed}",
		"{'90': ''}",
		"{'90': {meaning: nested}}",
	} {
		_, err := Parse(businessErrorDoc("          x-documented-codes: "+ext+"\n"), tingeeRules)
		assert.ErrorContains(t, err, "x-documented-codes", ext)
	}
}
