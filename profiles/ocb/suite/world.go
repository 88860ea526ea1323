package suite

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

// errUnreachable marks a step that failed because the target was not reached.
var errUnreachable = errors.New("the target could not be reached")

// env is what every scenario of a run shares.
type env struct {
	o      Options
	client *client.Client
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
	a, err := w.client.Do(ctx, r.method, r.path, r.header, r.body)
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
	a, err := w.client.Token(ctx, form)
	if err != nil {
		return fmt.Errorf("%w: %v", errUnreachable, err)
	}
	w.ans = a
	return nil
}
