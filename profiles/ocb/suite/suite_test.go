package suite_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/suite"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

func appOf(a mock.App) suite.App {
	return suite.App{
		ClientID: a.ClientID, ClientSecret: credentials.Secret(a.ClientSecret),
		Username: a.Users[0].Username, Password: credentials.Secret(a.Users[0].Password),
		Key: testkeys.AppKey(), Cert: a.Cert,
	}
}

func options(base string, out *bytes.Buffer) suite.Options {
	fx := mock.DefaultFixtures()
	apps := map[string]suite.App{}
	for _, a := range fx.Apps {
		apps[a.Alias] = appOf(a)
	}
	return suite.Options{BaseURL: base, App: appOf(fx.Apps[0]), MockApps: apps, Out: out, Seed: 1}
}

// The whole suite passes against the OCB mock, every @must and every @should.
func TestSuiteAgainstTheMock(t *testing.T) {
	srv := httptest.NewServer(mock.New(mock.Config{}))
	defer srv.Close()
	var out bytes.Buffer
	res, code := suite.Run(context.Background(), options(srv.URL, &out))
	if code != suite.ExitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	if len(res.Scenarios) < 35 {
		t.Errorf("%d scenarios ran", len(res.Scenarios))
	}
	for _, s := range res.Scenarios {
		if s.Status != "passed" {
			t.Errorf("%s: %s %s", s.Name, s.Status, s.Error)
		}
	}
}

// Without mock apps (a real target) the @mock-only scenarios are left out.
func TestMockOnlyScenariosNeedTheMock(t *testing.T) {
	srv := httptest.NewServer(mock.New(mock.Config{}))
	defer srv.Close()
	var out bytes.Buffer
	o := options(srv.URL, &out)
	o.MockApps = nil
	res, code := suite.Run(context.Background(), o)
	if code != suite.ExitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	for _, s := range res.Scenarios {
		for _, tag := range s.Tags {
			if tag == "@mock-only" {
				t.Errorf("%s ran", s.Name)
			}
		}
	}
}

// A target that accepts any signature fails the @must matrix (exit 1), and a
// @should failure only warns.
func TestSuiteCatchesALenientTarget(t *testing.T) {
	m := mock.New(mock.Config{})
	lenient := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/") && r.Header.Get("X-IBM-Client-Id") != "" &&
			r.Header.Get("X-IBM-Client-Secret") != "ffffffffffffffffffffffffffffffff" && r.Header.Get("X-IBM-Client-Id") != "00000000000000000000000000000000" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"trace":{"clientTransId":"x","bankRefNo":"1"},"data":{}}`))
			return
		}
		m.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(lenient)
	defer srv.Close()
	var out bytes.Buffer
	o := options(srv.URL, &out)
	o.Tags = "@OCB-SIG-02,@OCB-ENV-04"
	res, code := suite.Run(context.Background(), o)
	if code != suite.ExitFail {
		t.Fatalf("exit %d, want %d", code, suite.ExitFail)
	}
	var failed, warned int
	for _, s := range res.Scenarios {
		switch s.Status {
		case "failed":
			failed++
		case "warned":
			warned++
		}
	}
	if failed != 11 || warned != 1 {
		t.Errorf("%d failed, %d warned; want the 11 signature mistakes failed and the @should reuse warned", failed, warned)
	}
}

func TestUnreachableTarget(t *testing.T) {
	var out bytes.Buffer
	o := options("http://127.0.0.1:1", &out)
	o.Tags = "@OCB-TOK-01"
	if _, code := suite.Run(context.Background(), o); code != suite.ExitUnreachable {
		t.Errorf("exit %d, want %d", code, suite.ExitUnreachable)
	}
}
