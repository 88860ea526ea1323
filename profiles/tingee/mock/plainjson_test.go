package mock

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The fast path decodes a body exactly as the token way does, or leaves it to the token way.
func TestDecodePlainAgreesWithTheTokenWay(t *testing.T) {
	deep := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	plain := []string{
		confirmBody,
		`{"skipCount":0,"maxResultCount":1.5e2,"filter":"Nguyễn \"x\" \u00e9","vaAccountNumbers":["a","b"]}`,
		`{"extraInfo":{"a":{"a":[{"a":null}]},"b":true},"amount":150000.0}`,
		`{"a":{"x":1},"b":{"x":2}}`, // the same key in two objects is no duplicate
		` {"a":"}{[]\\"} `,
		"{}",
		deep(maxDepth),
	}
	for _, body := range plain {
		got, ok := decodePlain([]byte(body))
		want, fault := decodeTokens([]byte(body))
		assert.True(t, ok, "the fast path refused %s", body)
		assert.Empty(t, fault, body)
		assert.Equal(t, want, got, body)
	}
	left := []string{
		`{"a":1,"a":2}`,
		`{"x":{"a":1,"b":[{"c":1,"c":2}]}}`,
		`{"a":1,"\u0061":2}`,
		`{"\"":1}`,
		deep(maxDepth + 1),
		`{"a":1} {"b":2}`,
		`{"a":1}x`,
		`null`,
		`[{"a":1}]`,
		`"a"`,
		`{"a":1,}`,
		`{"a":`,
		`{"a":"unterminated}`,
		`}{`,
		"{" + manyKeys(maxPlainKeys+1) + "}",
	}
	for _, body := range left {
		_, ok := decodePlain([]byte(body))
		assert.False(t, ok, "the fast path took %s", body)
	}
}

func manyKeys(n int) string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = `"k` + strings.Repeat("x", i) + `":1`
	}
	return strings.Join(keys, ",")
}

// FuzzDecodePlain: whatever the body, the fast path either leaves it to the token way or decodes
// exactly what the token way decodes, without a fault.
func FuzzDecodePlain(f *testing.F) {
	for _, seed := range []string{confirmBody, `{"a":{"b":[1,"x",null]},"c":1e3}`, `{"a":1,"a":2}`, `{"\u0061":1}`, `[]`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := decodePlain(body)
		if !ok {
			return
		}
		want, fault := decodeTokens(body)
		if fault != "" {
			t.Fatalf("fast path took %q, which the token way refuses: %s", body, fault)
		}
		assert.Equal(t, want, got)
	})
}
