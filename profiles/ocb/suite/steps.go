package suite

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/cucumber/godog"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
)

// register binds the step phrases; regexps are anchored.
func register(sc *godog.ScenarioContext) {
	sc.Step(`^the partner's app asks for a token$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		w.app = w.o.App
		return w.tokenAnswer(ctx, nil)
	})
	sc.Step(`^the partner's app asks for a token with (a wrong client secret|a wrong password|a grant type no server supports)$`, askWrongToken)
	sc.Step(`^the partner's app holds a token$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		w.app = w.o.App
		return holdToken(ctx)
	})
	sc.Step(`^the mock's "([a-z-]+)" app$`, useMockApp)
	sc.Step(`^the mock's "([a-z-]+)" app holds a token$`, func(ctx context.Context, alias string) error {
		if err := useMockApp(ctx, alias); err != nil {
			return err
		}
		return holdToken(ctx)
	})
	sc.Step(`^the token has expired$`, waitForExpiry)
	sc.Step(`^a signed read of the "([a-z]+)" package is sent$`, func(ctx context.Context, pkg string) error {
		return sendRead(ctx, pkg, "")
	})
	sc.Step(`^a signed read of the "([a-z]+)" package is sent with (.+)$`, sendRead)
	sc.Step(`^a signed read of the "accounts" package is sent for an unknown account$`, sendUnknownAccount)
	sc.Step(`^the same read is sent again with the same clientTransId$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		return w.send(ctx, w.sent)
	})
	sc.Step(`^the "([a-z]+)" package is read (\d+) times$`, func(ctx context.Context, pkg string, n int) error {
		for range n {
			if err := sendRead(ctx, pkg, ""); err != nil {
				return err
			}
		}
		return nil
	})
	registerChecks(sc)
}

func askWrongToken(ctx context.Context, mistake string) error {
	w := worldOf(ctx)
	w.app = w.o.App
	return w.tokenAnswer(ctx, func(f map[string][]string) {
		switch mistake {
		case "a wrong client secret":
			f["client_secret"] = []string{"ffffffffffffffffffffffffffffffff"}
		case "a wrong password":
			f["password"] = []string{"not-the-password"}
		case "a grant type no server supports":
			// RFC 6749 §4.5 extension grants are absolute URIs; example.com's is no server's.
			f["grant_type"] = []string{"urn:example:no-such-grant"}
		}
	})
}

func useMockApp(ctx context.Context, alias string) error {
	w := worldOf(ctx)
	app, ok := w.o.MockApps[alias]
	if !ok {
		return fmt.Errorf("the mock has no %q app (this scenario is @mock-only)", alias)
	}
	w.app = app
	return nil
}

// holdToken gets a token for the world's app; anything but a token fails the step.
func holdToken(ctx context.Context) error {
	w := worldOf(ctx)
	if err := w.tokenAnswer(ctx, nil); err != nil {
		return err
	}
	if w.token = client.AccessToken(w.ans); w.token == "" {
		return fmt.Errorf("no token: the token endpoint answered %d %s", w.ans.Status, w.brief())
	}
	secs, _ := w.ans.JSON()["expires_in"].(float64)
	w.expires = time.Now().Add(time.Duration(secs * float64(time.Second)))
	return nil
}

// maxWait is the longest the expired-token scenario waits.
const maxWait = 5 * time.Second

func waitForExpiry(ctx context.Context) error {
	w := worldOf(ctx)
	wait := time.Until(w.expires) + 200*time.Millisecond
	if wait > maxWait {
		return fmt.Errorf("the token lives %s; this scenario waits at most %s", wait.Round(time.Second), maxWait)
	}
	select {
	case <-time.After(wait):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// sendRead sends the package's probe, signed, with one mistake (none for "").
func sendRead(ctx context.Context, pkgID, mistake string) error {
	w := worldOf(ctx)
	p, err := w.pkg(pkgID)
	if err != nil {
		return err
	}
	return w.sendWith(ctx, p.Path, p.Data, mistake)
}

func sendUnknownAccount(ctx context.Context) error {
	w := worldOf(ctx)
	p, err := w.pkg("accounts")
	if err != nil {
		return err
	}
	return w.sendWith(ctx, p.Path, map[string]any{"accountNumbers": []string{w.o.UnknownAccount}}, "")
}

// sendWith builds the envelope, signs it and applies the mistake.
func (w *world) sendWith(ctx context.Context, path string, data any, mistake string) error {
	m, ok := mistakes[mistake]
	if !ok {
		return fmt.Errorf("unknown mistake %q", mistake)
	}
	transID := client.NewTransID()
	body := client.Envelope(transID, time.Now(), data)
	if m.body != nil {
		body = m.body(transID, data)
	}
	h, err := w.identity().SignedHeaders(body)
	if err != nil {
		return err
	}
	r := request{method: http.MethodPost, path: path, header: h, body: body, transID: transID}
	if m.after != nil {
		if err := m.after(w, &r); err != nil {
			return err
		}
	}
	return w.send(ctx, r)
}
