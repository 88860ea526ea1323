// Package preflight checks from outside what each step of OCB's onboarding
// guide (docs/ocb-open-api-registration.vi.txt) leaves behind — the keys, the
// five package subscriptions, the redirect URL, approval and the API user,
// the signature, the clock — and says for each failed step what to do,
// quoting the guide in Vietnamese and in English.
package preflight

import (
	"context"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

// Status of one line of the checklist.
type Status string

// Statuses. Only Fail changes the exit code; Warn is a check whose source
// is [?] or whose answer cannot tell; NotChecked is a step left for later:
// what it needs was not given, or an earlier step failed.
const (
	Pass       Status = "pass"
	Fail       Status = "fail"
	Unchecked  Status = "cannot be checked from outside"
	NotChecked Status = "not checked"
	Warn       Status = "warn"
)

// Line is one line of the checklist.
type Line struct {
	ID      string `json:"id"`    // keys, package:<id>, redirect-url, approval, signature:<part>, clock, portal
	Guide   string `json:"guide"` // the guide's step, e.g. "7"
	TitleEN string `json:"title_en"`
	TitleVI string `json:"title_vi"`
	Status  Status `json:"status"`
	WhyEN   string `json:"why"`              // what was seen
	WhyVI   string `json:"why_vi"`           // the same in Vietnamese
	FixEN   string `json:"fix_en,omitempty"` // for Fail: what to do
	FixVI   string `json:"fix_vi,omitempty"` // for Fail: the guide's step quoted, or our Vietnamese
	Source  string `json:"source"`           // marker of the rule: [seed] [obs] [apic] [oauth] [?]
}

func (l *Line) set(s Status, en, vi string) { l.Status, l.WhyEN, l.WhyVI = s, en, vi }

// Result is a preflight's checklist.
type Result struct {
	Target   string    `json:"target"`
	ClientID string    `json:"client_id"` // masked
	At       time.Time `json:"at"`        // to the second: no fraction a digit mask could take for a number
	Lines    []Line    `json:"lines"`
}

// Failed says whether a checkable step failed.
func (r Result) Failed() bool {
	for _, l := range r.Lines {
		if l.Status == Fail {
			return true
		}
	}
	return false
}

// Inputs are what the company holds: the two keys always; the API user,
// the key and the certificate when it has them (each step checks what it can).
type Inputs struct {
	creds.Credentials
	Packages    []packages.Package
	RedirectURL string // MISARedirectURL unless the company connects another system
}

// Options configure a preflight.
type Options struct {
	Client *client.Client
	Target string // shown in the result
	Now    func() time.Time
}

// ErrUnreachable wraps a transport failure: the target could not be reached.
type ErrUnreachable struct{ Err error }

func (e ErrUnreachable) Error() string { return "the target could not be reached: " + e.Err.Error() }
func (e ErrUnreachable) Unwrap() error { return e.Err }

// Run checks every step in the guide's order of dependence: local key and
// certificate, keys (6), approval and API user (8–9), redirect URL (5), the
// packages (7) and the signature, then the clock.
func Run(ctx context.Context, o Options, in Inputs) (Result, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if in.RedirectURL == "" {
		in.RedirectURL = MISARedirectURL
	}
	p := &run{ctx: ctx, o: o, in: in}
	p.res = Result{Target: o.Target, ClientID: credentials.MaskID(in.ClientID), At: o.Now().UTC().Truncate(time.Second)}
	p.add(portalLine())
	steps := []func() error{p.checkKeysAndUser, p.checkRedirect, p.checkLocalCertificate, p.checkPackages, p.checkClock}
	for _, step := range steps {
		if err := step(); err != nil {
			u := ErrUnreachable{err}
			l := Line{ID: "target", Guide: "-", Source: "-", TitleEN: "The target answers", TitleVI: "Máy chủ trả lời"}
			l.set(Unchecked, u.Error()+"; the steps after this were not checked", "không kết nối được máy chủ: "+err.Error()+"; các bước sau chưa được kiểm tra")
			p.add(l)
			return p.res, u
		}
	}
	return p.res, nil
}

// run is one preflight's state.
type run struct {
	ctx     context.Context
	o       Options
	in      Inputs
	res     Result
	keysOK  bool
	token   string
	dates   []string // Date headers seen, for the clock
	reached *client.Answer
}

func (p *run) add(l Line) { p.res.Lines = append(p.res.Lines, l) }

// remember keeps what every answer tells the clock check.
func (p *run) remember(a client.Answer) {
	if d := a.Header.Get("Date"); d != "" {
		p.dates = append(p.dates, d)
	}
}

func portalLine() Line {
	return Line{ID: "portal", Guide: "1-4", Status: Unchecked, Source: "[seed]",
		TitleEN: "Register, activate and log in on the partner portal",
		TitleVI: "Đăng ký, kích hoạt và đăng nhập tài khoản Open API",
		WhyEN:   "the portal is behind the company's login; keys that work (step 6) show these steps were done",
		WhyVI:   "portal nằm sau tài khoản đăng nhập của doanh nghiệp; hai key dùng được (bước 6) cho thấy các bước này đã xong"}
}

func (p *run) do(a client.Answer, err error) (client.Answer, error) {
	if err == nil {
		p.remember(a)
	}
	return a, err
}
