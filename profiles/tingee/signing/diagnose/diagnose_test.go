package diagnose

import (
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

const (
	secret = "test-secret"
	ts     = "20250101120000000"
	// Vector of the notes (tingee-api-notes.md, "Request signing", checked with openssl): test-secret, ts, {}.
	emptyVector = "eda8e99c03a13c2d4aea69e7193a291e969144b46895ea9b8c7efa8d9035091d77aa48b4f16a23b347b165bfefcde8692d27be203866dc34777411fb3e28207d"
)

// Each case signs a known mistake and expects Diagnose to name it (source: the notes' "Request
// signing" section lists these as the classic bugs; doc: the signed body is the exact bytes sent).
func TestDiagnoseNamesTheMistake(t *testing.T) {
	pretty := "{\n  \"accountName\": \"NGUYỄN VĂN A\",\n  \"webhookUrl\": \"https://p.example/hook\"\n}"
	minified := `{"accountName":"NGUYỄN VĂN A","webhookUrl":"https://p.example/hook"}`
	sign := func(timestamp, body string) string { return signing.Sign([]byte(secret), timestamp, []byte(body)) }
	vn, _ := signing.ParseTimestamp(ts)
	utc := vn.In(time.UTC).Format("20060102150405") + "000"
	cases := []struct {
		name      string
		in        Input
		want      Cause
		detailHas string
	}{
		{"exact vector of {}", Input{Timestamp: ts, Body: nil, Signature: emptyVector}, Match, ""},
		{"upper-case hex", Input{Timestamp: ts, Body: []byte("{}"), Signature: strings.ToUpper(emptyVector)}, UpperHex, "upper-case"},
		{`"" signed for a bodyless call`, Input{Timestamp: ts, Signature: sign(ts, "")}, EmptyString, `""`},
		{"pretty signed, minified sent", Input{Timestamp: ts, Body: []byte(minified), Signature: sign(ts, pretty)}, Reformatted, "pretty-printed (2 spaces)"},
		{"minified signed, pretty sent", Input{Timestamp: ts, Body: []byte(pretty), Signature: sign(ts, minified)}, Reformatted, "minified"},
		{"Python separators", Input{Timestamp: ts, Body: []byte(minified), Signature: sign(ts, `{"accountName": "NGUYỄN VĂN A", "webhookUrl": "https://p.example/hook"}`)}, Reformatted, "Python"},
		{"non-ASCII escaped", Input{Timestamp: ts, Body: []byte(minified), Signature: sign(ts, `{"accountName":"NGUY\u1ec4N V\u0102N A","webhookUrl":"https://p.example/hook"}`)}, ReEscaped, "non-ASCII"},
		{"slash escaped", Input{Timestamp: ts, Body: []byte(minified), Signature: sign(ts, `{"accountName":"NGUYỄN VĂN A","webhookUrl":"https:\/\/p.example\/hook"}`)}, ReEscaped, `"\/"`},
		{"UTC timestamp signed", Input{Timestamp: ts, Body: []byte("{}"), Signature: sign(utc, "{}")}, OtherZone, "UTC"},
		{"query signed", Input{Timestamp: ts, Query: "vaAccountNumber=TNG1&bankBin=970448", Signature: sign(ts, `{"vaAccountNumber":"TNG1","bankBin":"970448"}`)}, QuerySigned, "query parameters"},
		{"wrong secret", Input{Timestamp: ts, Body: []byte("{}"), Signature: signing.Sign([]byte("another-secret"), ts, []byte("{}"))}, Unexplained, "wrong secret"},
		{"not hex", Input{Timestamp: ts, Signature: "zz"}, NotHex, "hex"},
		// Moved from the former signing.Diagnose (sign --verify's): a secret
		// kept with a newline from a file, CRLF line ends, and a signature
		// mistyped to another length are named too.
		{"secret with a trailing newline", Input{Timestamp: ts, Body: []byte("{}"), Signature: signing.Sign([]byte(secret+"\n"), ts, []byte("{}"))}, SecretSpace, `"\n" around the secret`},
		{"CRLF signed, LF sent", Input{Timestamp: ts, Body: []byte(pretty), Signature: sign(ts, strings.ReplaceAll(pretty, "\n", "\r\n"))}, Reformatted, "CRLF"},
		{"hex of the wrong length", Input{Timestamp: ts, Signature: emptyVector[:126]}, NotHex, "got 126 characters"},
		{"no signature", Input{Timestamp: ts}, MissingHeaders, "x-signature"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.in.Secret = []byte(secret)
			got := Diagnose(c.in)
			if got.Cause != c.want || !strings.Contains(got.Detail, c.detailHas) {
				t.Fatalf("Diagnose = %q (%s), want %q with %q", got.Cause, got.Detail, c.want, c.detailHas)
			}
			if got.OK() != (c.want == Match || c.want == UpperHex) {
				t.Fatalf("OK() = %v for %q", got.OK(), got.Cause)
			}
			if strings.Contains(got.Detail, secret) {
				t.Fatalf("the detail shows the secret: %s", got.Detail)
			}
		})
	}
}

// JSON.stringify(v, null, 2) is what a Node client pretty-prints with; write must match it byte for byte.
func TestWriteMatchesJSONStringify(t *testing.T) {
	v, ok := parse([]byte(`{"a":[1,{"b":null}],"c":{},"d":[]}`))
	if !ok {
		t.Fatal("parse failed")
	}
	want := "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"
	if got := string(write(v, style{indent: "  "})); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
