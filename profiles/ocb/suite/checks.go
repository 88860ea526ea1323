package suite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/profiles/ocb/contract"
)

func registerChecks(sc *godog.ScenarioContext) {
	sc.Step(`^the answer is (\d{3})$`, func(ctx context.Context, status int) error {
		return worldOf(ctx).statusIs(status)
	})
	sc.Step(`^the answer is (\d{3}(?: or \d{3})*) with OAuth error ("[a-z_]+"(?: or "[a-z_]+")*)$`, func(ctx context.Context, statuses, codes string) error {
		w := worldOf(ctx) // RFC 6749 §5.2 [oauth]: every status and code the RFC allows for this mistake
		if !slices.Contains(strings.Split(statuses, " or "), strconv.Itoa(w.ans.Status)) {
			return fmt.Errorf("answered %d, want %s: %s", w.ans.Status, statuses, w.brief())
		}
		got, _ := w.ans.JSON()["error"].(string)
		if !slices.Contains(strings.Split(codes, " or "), strconv.Quote(got)) {
			return fmt.Errorf("error %q, want %s", got, codes)
		}
		return nil
	})
	sc.Step(`^the token answer has an access token$`, func(ctx context.Context) error {
		if s, _ := worldOf(ctx).ans.JSON()["access_token"].(string); s == "" { // [obs]
			return fmt.Errorf("no access_token")
		}
		return nil
	})
	sc.Step(`^the token answer says token_type Bearer and a positive expires_in$`, func(ctx context.Context) error {
		m := worldOf(ctx).ans.JSON() // RFC 6749 §5.1 [oauth, ? for OCB]
		typ, _ := m["token_type"].(string)
		exp, _ := m["expires_in"].(float64)
		if !strings.EqualFold(typ, "bearer") || exp <= 0 {
			return fmt.Errorf("token_type %v, expires_in %v", m["token_type"], m["expires_in"])
		}
		return nil
	})
	sc.Step(`^the call is refused$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		if w.ans.Status >= 200 && w.ans.Status < 300 { // the status of a refusal is not public [?]: any but 2xx
			return fmt.Errorf("answered %d: accepted %s", w.ans.Status, w.brief())
		}
		return nil
	})
	sc.Step(`^the call reached OCB's backend$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		if w.ans.Status != 200 && w.ans.Status != 417 { // 200 or 417 come from OCB's backend [apic, obs]
			return fmt.Errorf("answered %d, not from the backend: %s", w.ans.Status, w.brief())
		}
		return nil
	})
	sc.Step(`^the answer is a 417 error with type, code, details and location$`, func(ctx context.Context) error {
		return worldOf(ctx).is417Error()
	})
	sc.Step(`^the answer is 200, or 417 when the probe's account is the placeholder$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		p, err := w.pkg("accounts")
		if err != nil {
			return err
		}
		// The company's own account: 200 [obs]. The placeholder: a 417 also reached the backend [apic] and is the 417 error [obs].
		if w.ans.Status == 417 && p.NamesPlaceholderAccount() {
			return w.is417Error()
		}
		return w.statusIs(200)
	})
	sc.Step(`^a 200 echoes the clientTransId and has a bankRefNo$`, func(ctx context.Context) error {
		w := worldOf(ctx)
		if w.ans.Status != 200 { // the answer envelope is a 200's [obs]; a 417's trace is not shown in full
			return nil
		}
		t, _ := w.ans.JSON()["trace"].(map[string]any)
		if t["clientTransId"] != w.sent.transID { // [obs]
			return fmt.Errorf("trace.clientTransId %v, sent %s", t["clientTransId"], w.sent.transID)
		}
		if ref, _ := t["bankRefNo"].(string); ref == "" { // [obs]
			return fmt.Errorf("no trace.bankRefNo: %s", w.brief())
		}
		return nil
	})
	sc.Step(`^the answer is API Connect's error body with httpCode "(\d{3})"$`, func(ctx context.Context, code string) error {
		m := worldOf(ctx).ans.JSON() // [apic]
		if m["httpCode"] != code || m["httpMessage"] == nil {
			return fmt.Errorf("body %s: want httpCode %q and httpMessage", worldOf(ctx).brief(), code)
		}
		return nil
	})
	sc.Step(`^the answer matches the contract$`, func(ctx context.Context) error {
		return worldOf(ctx).matchesContract()
	})
}

// is417Error: HTTP 417 {"trace", "error": {type, code, details, location}} [obs].
func (w *world) is417Error() error {
	if err := w.statusIs(417); err != nil {
		return err
	}
	e, _ := w.ans.JSON()["error"].(map[string]any)
	for _, k := range []string{"type", "code", "details", "location"} {
		if _, ok := e[k].(string); !ok {
			return fmt.Errorf("error.%s missing: %s", k, w.brief())
		}
	}
	return nil
}

func (w *world) statusIs(want int) error {
	if w.ans.Status != want {
		return fmt.Errorf("answered %d, want %d: %s", w.ans.Status, want, w.brief())
	}
	return nil
}

// brief is the answer's body, cut, account numbers masked.
func (w *world) brief() string {
	b := mask.AllNumbers(string(w.ans.Body))
	if len(b) > 300 {
		b = b[:300] + "…"
	}
	return b
}

// matchesContract validates the answer against profiles/ocb/contract/openapi.yaml,
// read with OCB's answer rules. Drift only informs.
func (w *world) matchesContract() error {
	s, err := contract.Load()
	if err != nil {
		return err
	}
	var real []string
	for _, f := range s.ValidateResponse(w.sent.method, w.sent.path, w.ans.Status, w.ans.Header, w.ans.Body) {
		if f.Drift {
			continue
		}
		real = append(real, f.Pointer+": expected "+f.Expected+", got "+f.Got)
	}
	if len(real) > 0 {
		return fmt.Errorf("answer %s breaks the contract: %s", strconv.Itoa(w.ans.Status), strings.Join(real, "; "))
	}
	return nil
}
