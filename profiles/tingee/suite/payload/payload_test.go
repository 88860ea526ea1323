package payload

import (
	"context"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

const doc = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /v1/confirm-va:
    post:
      requestBody:
        content:
          application/json:
            schema:
              oneOf:
                - type: object
                  required: [bankName, confirmId]
                  properties:
                    bankName: {type: string, enum: [OCB, MBB]}
                    confirmId: {type: string, example: abc}
                    amount: {type: integer}
                    info:
                      type: object
                      required: [note]
                      properties:
                        note: {type: string}
                - type: object
                  required: [bankBin, confirmId]
                  properties:
                    bankBin: {type: string}
                    confirmId: {type: string}
      responses: {"200": {description: ok}}
  /v1/delete-va:
    post:
      parameters:
        - {name: vaAccountNumber, in: query, required: true, schema: {type: string}, example: TNG1}
        - {name: merchantId, in: query, schema: {type: integer}}
      responses: {"200": {description: ok}}
`

func op(t *testing.T, path string) *openapi3.Operation {
	t.Helper()
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d.Paths.Find(path).Post
}

func TestValid(t *testing.T) {
	s := Valid(op(t, "/v1/confirm-va"))
	if got := string(Marshal(s.Body)); got != `{"bankName":"OCB","confirmId":"abc"}` {
		t.Fatalf("sample %s", got)
	}
	q := Valid(op(t, "/v1/delete-va"))
	if q.Body != nil || q.Query.Encode() != "vaAccountNumber=TNG1" {
		t.Fatalf("delete-va sample body %v query %q", q.Body, q.Query.Encode())
	}
}

func fields(cs []Case) string {
	var f []string
	for _, c := range cs {
		f = append(f, c.In+":"+c.Field)
	}
	return strings.Join(f, " ")
}

func TestCases(t *testing.T) {
	confirm := op(t, "/v1/confirm-va")
	if got := fields(Cases(confirm, Missing)); got != "body:bankName body:confirmId" {
		t.Fatalf("missing: %s", got)
	}
	if got := fields(Cases(confirm, WrongType)); got != "body:amount body:bankName body:confirmId body:info" {
		t.Fatalf("wrong type: %s", got)
	}
	enum := Cases(confirm, OutsideEnum)
	if len(enum) != 1 || string(enum[0].Body) != `{"bankName":"NOT-IN-ENUM","confirmId":"abc"}` || enum[0].Name() != "bankName" {
		t.Fatalf("enum: %+v", enum)
	}
	wrong := Cases(confirm, WrongType)
	if string(wrong[0].Body) != `{"amount":"not-a-number","bankName":"OCB","confirmId":"abc"}` {
		t.Fatalf("wrong type body %s", wrong[0].Body)
	}
	del := op(t, "/v1/delete-va")
	if got := fields(Cases(del, Missing)); got != "query:vaAccountNumber" {
		t.Fatalf("delete-va missing: %s", got)
	}
	if c := Cases(del, WrongType); len(c) != 1 || c[0].Query.Get("merchantId") != "not-a-number" {
		t.Fatalf("delete-va wrong type: %+v", c)
	}
}

func TestNestedCases(t *testing.T) {
	o := op(t, "/v1/confirm-va")
	s := Valid(o)
	s.Body["info"] = map[string]any{"note": "n"}
	o.RequestBody.Value.Content.Get("application/json").Example = s.Body
	if got := fields(Cases(o, Missing)); got != "body:bankName body:confirmId body:info.note" {
		t.Fatalf("nested missing: %s", got)
	}
}
