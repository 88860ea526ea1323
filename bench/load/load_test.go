package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

func TestRefusesNonLoopbackTargets(t *testing.T) {
	for url, ok := range map[string]bool{
		"http://127.0.0.1:8080":          true,
		"http://127.9.9.9:1/":            true,
		"http://localhost:8080":          true,
		"http://[::1]:8080":              true,
		"http://10.0.0.1:8080":           false,
		"https://uat-open-api.tingee.vn": false,
		"http://open-api.tingee.vn":      false,
		"http://127.0.0.1.nip.io:80":     false,
		"127.0.0.1:8080":                 false,
		"":                               false,
	} {
		if err := checkLoopback(url); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v, want accepted %v", url, err, ok)
		}
	}
}

func TestPercentileIsNearestRank(t *testing.T) {
	d := make([]time.Duration, 100)
	for i := range d {
		d[i] = time.Duration(i+1) * time.Millisecond
	}
	for p, want := range map[int]time.Duration{50: 50 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 1: time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%d = %v, want %v", p, got, want)
		}
	}
	if percentile(nil, 99) != 0 {
		t.Error("p99 of nothing is not 0")
	}
}

// Against the real mock every answer of the mix is inside the spec and the exit code is 0.
func TestMockAnswersTheWholeMixWithinTheSpec(t *testing.T) {
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret})
	if err != nil {
		t.Fatal(err)
	}
	out := loadAgainst(t, h, 0)
	for _, want := range []string{"answered          200 ", "statuses          200×200\n", "transport errors  0\n", "refused           0 ", "outside spec      0\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// A target that does not share the secret refuses every signature: the run fails.
func TestRefusedSignaturesAreCounted(t *testing.T) {
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: []byte("another secret")})
	if err != nil {
		t.Fatal(err)
	}
	out := loadAgainst(t, h, 1)
	if !strings.Contains(out, "refused           200 ") {
		t.Errorf("refusals not counted:\n%s", out)
	}
}

// A target whose answers break the spec is counted, and the run fails.
func TestAnswersOutsideTheSpecAreCounted(t *testing.T) {
	broken := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"code":"00","data":"not an object"}`))
	})
	out := loadAgainst(t, broken, 1)
	if !strings.Contains(out, "outside spec      200 (first: ") {
		t.Errorf("broken answers not counted:\n%s", out)
	}
}

// A target that closes connections is counted as transport errors.
func TestTransportErrorsAreCounted(t *testing.T) {
	hangUp := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	})
	out := loadAgainst(t, hangUp, 1)
	if !strings.Contains(out, "transport errors  200 (first: ") {
		t.Errorf("transport errors not counted:\n%s", out)
	}
}

func loadAgainst(t *testing.T, h http.Handler, wantCode int) string {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--url", srv.URL, "-n", "200", "-c", "4", "--duration", "30s"}, &stdout, &stderr); code != wantCode {
		t.Fatalf("exit %d, want %d; stderr %s\n%s", code, wantCode, stderr.String(), stdout.String())
	}
	return stdout.String()
}

// A worker reuses the mix's signatures for up to a second, then signs again with a fresh timestamp.
func TestSignaturesAreRenewedEverySecond(t *testing.T) {
	w := &worker{cfg: config{pair: auth.Mock()}}
	first := w.signature(0).Get(signing.HeaderTimestamp)
	if again := w.signature(0).Get(signing.HeaderTimestamp); again != first {
		t.Errorf("signed again at once: %s then %s", first, again)
	}
	w.signedAt = w.signedAt.Add(-resignAfter)
	time.Sleep(time.Millisecond) // timestamps have millisecond precision
	if renewed := w.signature(0).Get(signing.HeaderTimestamp); renewed == first {
		t.Errorf("not signed again after %s: %s", resignAfter, renewed)
	}
	h := w.signature(len(mix) - 1)
	if err := signing.Verify(h, signing.BodyToSign(mix[len(mix)-1].body), auth.Mock().Secret, time.Now()); err != nil {
		t.Errorf("get-banks signature: %v", err)
	}
}

// The wrk script carries every call of the mix with a signature that verifies, and checks answers
// only when asked to.
func TestWrkScriptSignsTheMix(t *testing.T) {
	pair := auth.Mock()
	at := time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC)
	var b strings.Builder
	if err := writeWrkScript(&b, pair, at); err != nil {
		t.Fatal(err)
	}
	script := b.String()
	ts := signing.Timestamp(at)
	for _, c := range mix {
		sig := signing.Sign(pair.Secret, ts, signing.BodyToSign(c.body))
		want := `wrk.format("` + c.method + `", "` + c.path + `", {`
		if !strings.Contains(script, want) || !strings.Contains(script, `["x-signature"] = "`+sig+`"`) {
			t.Errorf("%s %s: no request signed %s at %s in:\n%s", c.method, c.path, sig, ts, script)
		}
	}
	if !strings.Contains(script, luaString(string(mix[0].body))) || !strings.Contains(script, `if checking then`) {
		t.Errorf("body or answer check missing:\n%s", script)
	}
	if got := luaString("a\"b\\c\nđ"); got != `"a\"b\\c\010\196\145"` {
		t.Errorf("luaString = %s", got)
	}
}
