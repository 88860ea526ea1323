package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/url"

	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

func init() {
	ocbCommands["mock"] = command{summary: "serve the OCB mock: API Connect gateway, OAuth provider and backend", run: runOCBMock}
}

// ocbMockFlags are the flags that build an OCB mock (mock, and run/preflight's embedded one).
type ocbMockFlags struct {
	fixtures, probes, unsubscribed, redirectURL *string
	unapproved                                  *bool
}

func addOCBMockFlags(fs *flag.FlagSet) ocbMockFlags {
	return ocbMockFlags{
		fixtures:     fs.String("fixtures", "", "the mock's apps (default: the embedded test apps, profiles/ocb/mock/testdata/fixtures.yaml)"),
		probes:       fs.String("probes", "", "per package, the operation to probe (default: profiles/ocb/packages/packages.yaml)"),
		unsubscribed: fs.String("unsubscribed", "", "rehearse: the test app is not subscribed to these packages (`PKG[,PKG]`: accounts, transfer, payment, saving, utility)"),
		unapproved:   fs.Bool("unapproved", false, "rehearse: the test app is not approved yet (no API user)"),
		redirectURL:  fs.String("redirect-url", "", "rehearse: the test app's registered redirect URL is `URL` instead of MISA's"),
	}
}

// build makes the mock handler; bad values are usage errors found before serving.
func (f ocbMockFlags) build() (*mock.Mock, []packages.Package, error) {
	fx := mock.DefaultFixtures()
	var err error
	if *f.fixtures != "" {
		if fx, err = mock.LoadFixtures(*f.fixtures); err != nil {
			return nil, nil, fmt.Errorf("--fixtures: %w", err)
		}
	}
	probes, err := loadProbes(*f.probes)
	if err != nil {
		return nil, nil, err
	}
	r := mock.Rehearsal{Unapproved: *f.unapproved, RedirectURL: *f.redirectURL}
	if *f.unsubscribed != "" {
		if r.Unsubscribed, err = packages.ParseIDs(*f.unsubscribed); err != nil {
			return nil, nil, fmt.Errorf("--unsubscribed: %w", err)
		}
	}
	if r.RedirectURL != "" {
		if u, err := url.Parse(r.RedirectURL); err != nil || u.Scheme == "" || u.Host == "" {
			return nil, nil, fmt.Errorf("--redirect-url %q: want an absolute URL", r.RedirectURL)
		}
	}
	r.Apply(fx)
	return mock.New(mock.Config{Fixtures: fx, Packages: probes}), probes, nil
}

// loadProbes is --probes, or the embedded defaults.
func loadProbes(path string) ([]packages.Package, error) {
	if path == "" {
		return packages.Default(), nil
	}
	p, err := packages.Load(path)
	if err != nil {
		return nil, fmt.Errorf("--probes: %w", err)
	}
	return p, nil
}

// runOCBMock serves the OCB mock until ctx is cancelled.
func runOCBMock(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("mock --profile ocb", "[--addr HOST:PORT] [--fixtures PATH] [--probes PATH] [--unsubscribed PKG[,PKG]] [--unapproved] [--redirect-url URL]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	mf := addOCBMockFlags(fs)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "mock: unexpected argument %q", fs.Arg(0))
	}
	h, _, err := mf.build()
	if err != nil {
		return c.errorf(exitUsage, "mock: %v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return c.errorf(exitUsage, "mock: --addr %s: %v", *addr, err)
	}
	fmt.Fprintf(c.stdout, "mock (ocb): serving http://%s (test app client id %s; README lists its test credentials; run and preflight use them with --target URL --mock-app)\n", ln.Addr(), mock.TestApp().ClientID)
	return serve(ctx, c, "mock", ln, h)
}
