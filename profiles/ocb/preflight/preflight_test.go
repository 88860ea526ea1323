package preflight_test

import (
	"bytes"
	"context"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"math/big"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/profiles/ocb/preflight"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// testInputs are the mock's test app as a company would hold it.
func testInputs() preflight.Inputs {
	app := mock.TestApp()
	return preflight.Inputs{Credentials: creds.Credentials{
		ClientID: app.ClientID, ClientSecret: credentials.Secret(app.ClientSecret),
		Username: app.Users[0].Username, Password: credentials.Secret(app.Users[0].Password),
		Key: mock.TestKey(), Cert: app.Cert,
	}, Packages: packages.Default()}
}

func rehearse(t *testing.T, r mock.Rehearsal, in preflight.Inputs) preflight.Result {
	t.Helper()
	fx := mock.DefaultFixtures()
	r.Apply(fx)
	srv := httptest.NewServer(mock.New(mock.Config{Fixtures: fx}))
	defer srv.Close()
	res, err := preflight.Run(context.Background(), preflight.Options{Client: client.New(srv.URL, 5*time.Second), Target: "mock"}, in)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// failed lists the ids of the failed lines.
func failed(r preflight.Result) []string {
	var ids []string
	for _, l := range r.Lines {
		if l.Status == preflight.Fail {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

func status(r preflight.Result, id string) preflight.Status {
	for _, l := range r.Lines {
		if l.ID == id {
			return l.Status
		}
	}
	return "absent"
}

func TestCompleteOnboardingPasses(t *testing.T) {
	r := rehearse(t, mock.Rehearsal{}, testInputs())
	if r.Failed() {
		t.Fatalf("failed: %v", failed(r))
	}
	for _, id := range []string{"keys", "approval", "redirect-url", "package:accounts", "package:utility", "signature:pair", "signature:accepted", "clock"} {
		if s := status(r, id); s != preflight.Pass {
			t.Errorf("%s: %s", id, s)
		}
	}
	if status(r, "portal") != preflight.Unchecked {
		t.Error("steps 1-4 cannot be checked from outside")
	}
}

// Each rehearsed breakage names its step of the guide, and only that one.
func TestEachBreakageNamesItsStep(t *testing.T) {
	wrongSecret := testInputs()
	wrongSecret.ClientSecret = credentials.Secret("5ec2e75ec2e75ec2e75ec2e75ec2e7") // truncated
	otherCert := testInputs()
	otherCert.Cert = testkeys.OtherCert()
	cases := []struct {
		name      string
		rehearsal mock.Rehearsal
		in        preflight.Inputs
		want      string // the one failed line
		quote     string // the guide's step quoted under it
	}{
		{"wrong secret", mock.Rehearsal{}, wrongSecret, "keys", "Bước 6"},
		{"one package unsubscribed", mock.Rehearsal{Unsubscribed: []string{"payment"}}, testInputs(), "package:payment", "Bước 7"},
		{"app unapproved", mock.Rehearsal{Unapproved: true}, testInputs(), "approval", "Bước 8"},
		{"wrong redirect URL", mock.Rehearsal{RedirectURL: preflight.MISARedirectURL + "/"}, testInputs(), "redirect-url", "Bước 5"},
		{"certificate not matching the key", mock.Rehearsal{}, otherCert, "signature:pair", "Hướng dẫn không có bước này"},
	}
	for _, c := range cases {
		r := rehearse(t, c.rehearsal, c.in)
		got := failed(r)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s: failed lines %v, want %s first", c.name, got, c.want)
			continue
		}
		var out bytes.Buffer
		preflight.Render(&out, r, preflight.LangBoth)
		if !strings.Contains(out.String(), c.quote) || !strings.Contains(out.String(), "what to do:") {
			t.Errorf("%s: the checklist lacks the fix:\n%s", c.name, out.String())
		}
		if strings.Contains(out.String(), string(testInputs().ClientSecret)) || strings.Contains(out.String(), "conformance-test-password") {
			t.Errorf("%s: a secret was printed", c.name)
		}
	}
}

func TestUnsubscribedPackageSaysDefaultPlan(t *testing.T) {
	r := rehearse(t, mock.Rehearsal{Unsubscribed: []string{"saving"}}, testInputs())
	var out bytes.Buffer
	preflight.Render(&out, r, preflight.LangEN)
	if !strings.Contains(out.String(), "Saving Services Package → any API → Subscribe → Default Plan") {
		t.Errorf("%s", out.String())
	}
	if strings.Contains(out.String(), "cần làm") {
		t.Error("--lang en printed Vietnamese fixes")
	}
}

func TestExpiredCertificate(t *testing.T) {
	in := testInputs()
	in.Cert = expired(t, in.Key)
	r := rehearse(t, mock.Rehearsal{}, in)
	if status(r, "signature:validity") != preflight.Fail || status(r, "signature:accepted") != preflight.Fail {
		t.Errorf("expired certificate: %v", failed(r))
	}
}

func TestUnreachable(t *testing.T) {
	_, err := preflight.Run(context.Background(), preflight.Options{Client: client.New("http://127.0.0.1:1", time.Second)}, testInputs())
	var u preflight.ErrUnreachable
	if !errors.As(err, &u) {
		t.Errorf("err %v, want ErrUnreachable", err)
	}
}

// expired is a self-signed certificate for key that ended yesterday.
func expired(t *testing.T, key *rsa.PrivateKey) *x509.Certificate {
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), NotBefore: time.Now().Add(-48 * time.Hour), NotAfter: time.Now().Add(-24 * time.Hour)}
	der, err := x509.CreateCertificate(nil, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := x509.ParseCertificate(der)
	return c
}
