package client

import (
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"
)

// clientTimestamp is yyyyMMddHHmmssSSS [obs], written in Vietnam time as public code does [?].
func TestTimestampIsVietnamTimeWithMilliseconds(t *testing.T) {
	at := time.Date(2026, 1, 1, 2, 0, 0, 123_000_000, time.UTC)
	if got := Timestamp(at); got != "20260101090000123" {
		t.Errorf("Timestamp = %s", got)
	}
}

func TestEnvelopeShape(t *testing.T) {
	var m map[string]map[string]any
	if err := json.Unmarshal(Envelope("T-1", time.Now(), map[string]any{"a": 1}), &m); err != nil {
		t.Fatal(err)
	}
	if m["trace"]["clientTransId"] != "T-1" || len(m["trace"]["clientTimestamp"].(string)) != 17 || m["data"]["a"] != 1.0 {
		t.Errorf("%v", m)
	}
}

// RFC 6749 §2.3.1: id and secret are form-encoded before base64.
func TestBasicFormEncodes(t *testing.T) {
	b, _ := base64.StdEncoding.DecodeString(basic("a:b", []byte("c d")))
	if string(b) != "a%3Ab:c+d" {
		t.Errorf("%s", b)
	}
}

// RFC 7636 appendix B's example.
func TestPKCEChallenge(t *testing.T) {
	if got := pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"); got != "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" {
		t.Errorf("%s", got)
	}
}
