package signing_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var (
	secret = []byte("test-secret")
	// signedAt is 20250101120000000 in Vietnam time.
	signedAt = time.Date(2025, 1, 1, 5, 0, 0, 0, time.UTC)
)

const signedAtStamp = "20250101120000000"

func signedHeader(t *testing.T, body []byte) http.Header {
	t.Helper()
	h := http.Header{}
	ts, sig := signing.SetHeaders(h, "client-1", secret, body, signedAt)
	if ts != signedAtStamp || h.Get(signing.HeaderTimestamp) != ts || h.Get(signing.HeaderSignature) != sig || h.Get(signing.HeaderClientID) != "client-1" {
		t.Fatalf("SetHeaders set %v, returned %s %s", h, ts, sig)
	}
	return h
}

func TestSetHeadersSignsEmptyBodyAsEmptyObject(t *testing.T) {
	h := signedHeader(t, nil)
	want := "eda8e99c03a13c2d4aea69e7193a291e969144b46895ea9b8c7efa8d9035091d77aa48b4f16a23b347b165bfefcde8692d27be203866dc34777411fb3e28207d"
	if got := h.Get(signing.HeaderSignature); got != want {
		t.Errorf("x-signature for an empty body = %s, want the {} vector %s", got, want)
	}
	for _, body := range [][]byte{nil, {}, []byte("{}")} {
		if err := signing.Verify(h, body, secret, signedAt); err != nil {
			t.Errorf("Verify(body %q) = %v, want nil", body, err)
		}
	}
}

func TestStringToSign(t *testing.T) {
	got := string(signing.StringToSign(signedAtStamp, []byte(`{"a":1}`)))
	if want := signedAtStamp + `:{"a":1}`; got != want {
		t.Errorf("StringToSign = %q, want %q", got, want)
	}
}

// The window is inclusive: a timestamp exactly Tolerance away is accepted,
// one millisecond (the timestamp's resolution) further is not.
func TestVerifyTolerance(t *testing.T) {
	h := signedHeader(t, []byte("{}"))
	tests := []struct {
		name    string
		skew    time.Duration // verifier clock minus signing time
		wantErr error
	}{
		{"same instant", 0, nil},
		{"9m59s late", 9*time.Minute + 59*time.Second, nil},
		{"exactly 10m late", signing.Tolerance, nil},
		{"10m + 1ms late", signing.Tolerance + time.Millisecond, signing.ErrStaleTimestamp},
		{"10m01s late", 10*time.Minute + time.Second, signing.ErrStaleTimestamp},
		{"9m59s early", -(9*time.Minute + 59*time.Second), nil},
		{"exactly 10m early", -signing.Tolerance, nil},
		{"10m + 1ms early", -(signing.Tolerance + time.Millisecond), signing.ErrFutureTimestamp},
		{"10m01s early", -(10*time.Minute + time.Second), signing.ErrFutureTimestamp},
		{"a day late", 24 * time.Hour, signing.ErrStaleTimestamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := signedAt.Add(tt.skew)
			if err := signing.Verify(h, []byte("{}"), secret, now); !errors.Is(err, tt.wantErr) {
				t.Errorf("Verify = %v, want %v", err, tt.wantErr)
			}
			if _, err := signing.CheckTimestamp(signedAtStamp, now); !errors.Is(err, tt.wantErr) {
				t.Errorf("CheckTimestamp = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestVerifyMissingHeader(t *testing.T) {
	for _, name := range []string{signing.HeaderClientID, signing.HeaderTimestamp, signing.HeaderSignature} {
		for _, how := range []string{"absent", "empty"} {
			t.Run(name+" "+how, func(t *testing.T) {
				h := signedHeader(t, []byte("{}"))
				if how == "absent" {
					h.Del(name)
				} else {
					h.Set(name, "")
				}
				err := signing.Verify(h, []byte("{}"), secret, signedAt)
				if !errors.Is(err, signing.ErrMissingHeader) || !strings.Contains(err.Error(), name) {
					t.Errorf("Verify = %v, want ErrMissingHeader naming %s", err, name)
				}
			})
		}
	}
}

// Presence is checked before the timestamp, the timestamp before the signature.
func TestVerifyOrder(t *testing.T) {
	h := signedHeader(t, []byte("{}"))
	h.Set(signing.HeaderSignature, "00")
	if err := signing.Verify(h, []byte("{}"), secret, signedAt.Add(time.Hour)); !errors.Is(err, signing.ErrStaleTimestamp) {
		t.Errorf("stale timestamp and bad signature: Verify = %v, want ErrStaleTimestamp first", err)
	}
	h.Del(signing.HeaderClientID)
	if err := signing.Verify(h, []byte("{}"), secret, signedAt.Add(time.Hour)); !errors.Is(err, signing.ErrMissingHeader) {
		t.Errorf("missing client id, stale timestamp: Verify = %v, want ErrMissingHeader first", err)
	}
}

func TestCheckSignatureRejects(t *testing.T) {
	body := []byte(`{"a":1}`)
	good := signing.Sign(secret, signedAtStamp, body)
	tests := []struct{ name, sig string }{
		{"empty", ""},
		{"truncated by one byte", good[:126]},
		{"odd length", good[:127]},
		{"one byte extra", good + "00"},
		{"not hex", "zz" + good[2:]},
		{"surrounding space", " " + good},
		{"other secret", signing.Sign([]byte("other-secret"), signedAtStamp, body)},
		{"other timestamp", signing.Sign(secret, "20250101120000001", body)},
		{"base64 instead of hex", "cGxhaW4="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := signing.CheckSignature(secret, signedAtStamp, body, tt.sig); !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("CheckSignature(%q) = %v, want ErrBadSignature", tt.sig, err)
			}
		})
	}
	if err := signing.CheckSignature(secret, signedAtStamp, body, good); err != nil {
		t.Errorf("CheckSignature(own signature) = %v", err)
	}
}

// Tingee's own behaviour with upper-case hex is unknown; the harness (and so the
// mock) accepts it because hex decoding is case-blind. This pins that decision.
func TestCheckSignatureAcceptsUpperCaseHex(t *testing.T) {
	body := []byte("{}")
	sig := signing.Sign(secret, signedAtStamp, body)
	if sig != strings.ToLower(sig) {
		t.Fatalf("Sign must produce lower-case hex, got %s", sig)
	}
	for _, variant := range []string{strings.ToUpper(sig), strings.ToUpper(sig[:64]) + sig[64:]} {
		if err := signing.CheckSignature(secret, signedAtStamp, body, variant); err != nil {
			t.Errorf("CheckSignature(%s) = %v, want accepted (case-blind hex)", variant, err)
		}
	}
	t.Log("observation: upper-case and mixed-case hex signatures are accepted; Tingee's server behaviour is not documented")
}

// CheckSignature must compare MACs with hmac.Equal (constant time), never with
// ==, bytes.Equal or a string comparison that leaks how many bytes matched.
func TestCheckSignatureComparesInConstantTime(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "signing.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var fn *ast.FuncDecl
	for _, d := range f.Decls {
		if d, ok := d.(*ast.FuncDecl); ok && d.Name.Name == "CheckSignature" {
			fn = d
		}
	}
	if fn == nil {
		t.Fatal("CheckSignature not found in signing.go")
	}
	var calls []string
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok {
				calls = append(calls, pkg.Name+"."+sel.Sel.Name)
			}
		}
		return true
	})
	joined := strings.Join(calls, " ")
	if !strings.Contains(joined, "hmac.Equal") {
		t.Errorf("CheckSignature does not call hmac.Equal (calls: %s)", joined)
	}
	for _, leaky := range []string{"bytes.Equal", "bytes.Compare", "strings.EqualFold", "strings.Compare"} {
		if strings.Contains(joined, leaky) {
			t.Errorf("CheckSignature calls %s, which is not constant-time", leaky)
		}
	}
}
