package signing

import (
	"strings"
	"testing"
)

// Each mistake a partner makes is recognised by re-signing what was captured
// in the form the signer must have used; the cause named is the one proven.
// Sources: the signing rule of docs/tingee-api-notes.md (HMAC-SHA512 over
// "timestamp:body", lower-case hex, {} for a call without a body, Vietnam time).
func TestDiagnose(t *testing.T) {
	secret := []byte("test-secret")
	const ts = "20250101120000000"
	sent := []byte(`{"name":"Nguyễn Văn A","url":"https://x/y","note":"a<b"}`)
	cases := []struct {
		name string
		// what the signer signed, against what was captured
		signSecret, signTS string
		signBody, sentBody []byte
		upper              bool
		match              bool
		cause              string
	}{
		{name: "match", signBody: sent, sentBody: sent, match: true},
		{name: "upper-case hex", signBody: sent, sentBody: sent, upper: true, match: true, cause: "upper-case hex"},
		{name: "minified then sent pretty", signBody: sent, sentBody: []byte("{\n  \"name\": \"Nguyễn Văn A\",\n  \"url\": \"https://x/y\",\n  \"note\": \"a<b\"\n}"), cause: "minified JSON"},
		{name: "pretty signed, minified sent", signBody: []byte("{\n  \"name\": \"Nguyễn Văn A\",\n  \"url\": \"https://x/y\",\n  \"note\": \"a<b\"\n}"), sentBody: sent, cause: "indented form"},
		{name: "trailing newline", signBody: append(append([]byte{}, sent...), '\n'), sentBody: sent, cause: "trailing newline"},
		{name: "slash escaped", signBody: []byte(`{"name":"Nguyễn Văn A","url":"https:\/\/x\/y","note":"a<b"}`), sentBody: sent, cause: `written \/`},
		{name: "non-ASCII escaped", signBody: []byte(`{"name":"Nguy\u1ec5n V\u0103n A","url":"https://x/y","note":"a<b"}`), sentBody: sent, cause: `\u escapes`},
		{name: "non-ASCII unescaped", signBody: sent, sentBody: []byte(`{"name":"Nguy\u1ec5n V\u0103n A","url":"https://x/y","note":"a<b"}`), cause: "written as UTF-8"},
		{name: "html escaped", signBody: []byte(`{"name":"Nguyễn Văn A","url":"https://x/y","note":"a\u003cb"}`), sentBody: sent, cause: "json.Marshal"},
		{name: "empty string for no body", signBody: []byte{}, sentBody: nil, cause: "empty string"},
		{name: "{} for a body", signBody: []byte("{}"), sentBody: sent, cause: "signed {}"},
		{name: "UTC timestamp signed", signTS: "20250101050000000", signBody: sent, sentBody: sent, cause: "20250101050000000 (UTC)"},
		{name: "secret with newline", signSecret: "test-secret\n", signBody: sent, sentBody: sent, cause: "whitespace around it"},
		{name: "another secret", signSecret: "other-secret", signBody: sent, sentBody: sent, cause: "different secret"},
	}
	for _, c := range cases {
		s, stamp := secret, ts
		if c.signSecret != "" {
			s = []byte(c.signSecret)
		}
		if c.signTS != "" {
			stamp = c.signTS
		}
		sig := Sign(s, stamp, c.signBody)
		if c.upper {
			sig = strings.ToUpper(sig)
		}
		d := Diagnose(secret, ts, c.sentBody, sig)
		if d.Match != c.match || !strings.Contains(d.Cause, c.cause) {
			t.Errorf("%s: %+v, want match %v and a cause naming %q", c.name, d, c.match, c.cause)
		}
		if strings.Contains(d.Cause, "test-secret") || strings.Contains(d.Cause, "other-secret") {
			t.Errorf("%s: the cause shows a secret: %s", c.name, d.Cause)
		}
	}
	if d := Diagnose(secret, ts, sent, "abc"); d.Match || !strings.Contains(d.Cause, "not 128 hex digits") {
		t.Errorf("short signature: %+v", d)
	}
}
