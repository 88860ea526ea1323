package suite

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// errUnreachable marks a step that failed because the target was not reached.
var errUnreachable = errors.New("the target could not be reached")

// env is what every scenario of a run shares.
type env struct {
	o      Options
	client *client.Client
	spec   *spec.Spec
	// observe tells the runner of every call (its outage and clock-skew
	// watch, client.Client.Observe); nil in a test without a runner.
	observe func(context.Context, evidence.Exchange)
}

// newEnv takes the run's base URL, timeout and call observer from the
// runner's client (cfg.NewClient), and sends with OCB's own client.
func newEnv(o Options, cfg steps.Config) *env {
	rc := cfg.NewClient()
	return &env{o: o, client: client.New(rc.BaseURL, rc.Timeout), spec: cfg.Spec, observe: rc.Observe}
}

// world is one scenario's state, kept in its context.
type world struct {
	*env
	app     App
	token   string
	expires time.Time
	ans     client.Answer
	sent    request // the last request sent
}

type worldKey struct{}

func worldOf(ctx context.Context) *world { return ctx.Value(worldKey{}).(*world) }

// request is one resource call as sent.
type request struct {
	method, path string
	header       http.Header
	body         []byte
	transID      string
}

func (w *world) identity() client.Identity {
	return client.Identity{ClientID: w.app.ClientID, ClientSecret: w.app.ClientSecret, Token: w.token, Key: w.app.Key, Cert: w.app.Cert}
}

func (w *world) pkg(id string) (packages.Package, error) {
	for _, p := range w.o.Packages {
		if p.ID == id {
			return p, nil
		}
	}
	return packages.Package{}, fmt.Errorf("no package %q in the probes", id)
}

// send sends r and keeps it and its answer.
func (w *world) send(ctx context.Context, r request) error {
	a, err := w.do(ctx, r.method, r.path, r.header, r.body)
	if err != nil {
		return fmt.Errorf("%w: %v", errUnreachable, err)
	}
	w.sent, w.ans = r, a
	return nil
}

// tokenAnswer asks for a token with form changed by change.
func (w *world) tokenAnswer(ctx context.Context, change func(map[string][]string)) error {
	form := client.PasswordForm(w.app.ClientID, w.app.ClientSecret, w.app.Username, w.app.Password)
	if change != nil {
		change(form)
	}
	a, err := w.do(ctx, http.MethodPost, client.TokenPath, client.TokenHeader(), []byte(url.Values(form).Encode()))
	if err != nil {
		return fmt.Errorf("%w: %v", errUnreachable, err)
	}
	w.ans = a
	return nil
}

// do sends one call and records it in the scenario's evidence (see call).
func (e *env) do(ctx context.Context, method, path string, h http.Header, body []byte) (client.Answer, error) {
	a, x, err := e.call(ctx, method, path, h, body)
	if r := steps.Current(ctx); r != nil {
		r.Exchanged(x)
	}
	return a, err
}

// call sends one call, tells the runner's observer of it, and returns it as
// evidence (without secrets, see exchangeOf).
func (e *env) call(ctx context.Context, method, path string, h http.Header, body []byte) (client.Answer, evidence.Exchange, error) {
	start := time.Now()
	a, err := e.client.Do(ctx, method, path, h, body)
	x := exchangeOf(e.spec, e.client.Base, method, path, h, a, err, time.Since(start))
	if e.observe != nil {
		e.observe(ctx, x)
	}
	return a, x, err
}
