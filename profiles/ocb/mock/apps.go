package mock

import (
	"crypto/rsa"
	"crypto/x509"
	_ "embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// MISARedirectURL is the redirect URL the guide's step 5 registers [seed].
const MISARedirectURL = "https://bankhubapi.misa.com.vn/callback/handler/OCB"

//go:embed testdata/fixtures.yaml
var defaultFixtures []byte

// App is one application registered on the mock's portal.
type App struct {
	Name         string            `yaml:"name"`
	Alias        string            `yaml:"alias"` // how the suite's @mock-only scenarios name it
	ClientID     string            `yaml:"clientId"`
	ClientSecret string            `yaml:"clientSecret"`
	RedirectURLs []string          `yaml:"redirectUrls"`
	Packages     []string          `yaml:"packages"` // subscribed, Default Plan
	Approved     bool              `yaml:"approved"`
	Users        []User            `yaml:"users"`
	CertFile     string            `yaml:"certificate"`
	RateLimit    int               `yaml:"rateLimit"` // calls a minute per package; 0: none
	TokenTTL     time.Duration     `yaml:"tokenTTL"`  // 0: DefaultTokenTTL
	Cert         *x509.Certificate `yaml:"-"`
}

// User is an API user issued after approval (step 9).
type User struct {
	Username string `yaml:"username"`
	Password string `yaml:"password"`
}

// Fixtures are the mock's apps and the account numbers its backend knows.
type Fixtures struct {
	Accounts []string `yaml:"accounts"`
	Apps     []App    `yaml:"apps"`
}

func (a *App) subscribed(pkg string) bool { return slices.Contains(a.Packages, pkg) }

// LoadFixtures reads a fixtures file; certificate paths are relative to it.
func LoadFixtures(path string) (*Fixtures, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return loadFixtures(b, os.DirFS(filepath.Dir(path)))
}

// DefaultFixtures are the embedded test apps (testdata/fixtures.yaml), their
// certificates from package testkeys.
func DefaultFixtures() *Fixtures {
	f, err := loadFixtures(defaultFixtures, testkeys.FS)
	if err != nil {
		panic(err) // embedded and tested
	}
	return f
}

// loadFixtures parses a fixtures file; certificates are read from certs.
func loadFixtures(b []byte, certs fs.FS) (*Fixtures, error) {
	var f Fixtures
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("ocb mock fixtures: %w", err)
	}
	if len(f.Apps) == 0 {
		return nil, fmt.Errorf("ocb mock fixtures: no apps")
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		if a.ClientID == "" || a.ClientSecret == "" || a.CertFile == "" {
			return nil, fmt.Errorf("ocb mock fixtures: app %d: clientId, clientSecret and certificate are required", i+1)
		}
		for _, p := range a.Packages {
			if _, err := packages.ParseIDs(p); err != nil {
				return nil, fmt.Errorf("ocb mock fixtures: app %s: %w", a.ClientID, err)
			}
		}
		pem, err := fs.ReadFile(certs, a.CertFile)
		if err != nil {
			return nil, fmt.Errorf("ocb mock fixtures: app %s: %w", a.ClientID, err)
		}
		if a.Cert, err = jws.ParseCertificate(pem); err != nil {
			return nil, fmt.Errorf("ocb mock fixtures: app %s: %w", a.ClientID, err)
		}
	}
	return &f, nil
}

// TestApp is the first app of the embedded fixtures: the one preflight and
// run use against the mock when no credentials are given.
func TestApp() App { return DefaultFixtures().Apps[0] }

// TestKey is the test app's private key (TEST ONLY, package testkeys).
func TestKey() *rsa.PrivateKey { return testkeys.AppKey() }

// Rehearsal breaks the first app the way a half-done onboarding leaves it
// (the mock's --unsubscribed, --unapproved and --redirect-url flags).
type Rehearsal struct {
	Unsubscribed []string
	Unapproved   bool
	RedirectURL  string
}

// Apply changes the first app of f.
func (r Rehearsal) Apply(f *Fixtures) {
	a := &f.Apps[0]
	a.Packages = slices.DeleteFunc(slices.Clone(a.Packages), func(p string) bool { return slices.Contains(r.Unsubscribed, p) })
	if r.Unapproved {
		a.Approved = false
	}
	if r.RedirectURL != "" {
		a.RedirectURLs = []string{r.RedirectURL}
	}
}
