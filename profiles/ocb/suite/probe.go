package suite

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	iclient "github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

// refusedGrant are the OAuth errors of a token request whose client or user
// credentials are wrong (RFC 6749 §5.2): invalid_client (secret or client
// id), invalid_grant (username or password), unauthorized_client.
var refusedGrant = map[string]bool{"invalid_client": true, "invalid_grant": true, "unauthorized_client": true}

// probeCredentials (steps.Suite.Probe) sends the one password grant the
// suite starts with, with the partner's app. A 401, or a 400 with one of
// refusedGrant's errors, refuses the credentials: the run ends CREDENTIALS
// REJECTED (exit 2) naming what to check, the probe its only scenario.
// Anything else — a token, another answer, no answer — lets the suite run
// and judge it.
func (o Options) probeCredentials(ctx context.Context, c *iclient.Client, sp *spec.Spec, _ string, _ func(string)) (evidence.Scenario, string, steps.ProbeOutcome) {
	e := &env{o: o, client: client.New(c.BaseURL, c.Timeout), spec: sp, observe: c.Observe}
	start := time.Now()
	form := client.PasswordForm(o.App.ClientID, o.App.ClientSecret, o.App.Username, o.App.Password)
	a, x, err := e.call(ctx, http.MethodPost, client.TokenPath, client.TokenHeader(), []byte(url.Values(form).Encode()))
	if err != nil {
		return evidence.Scenario{}, "", steps.ProbeOK
	}
	oauthError, _ := a.JSON()["error"].(string)
	if a.Status != http.StatusUnauthorized && (a.Status != http.StatusBadRequest || !refusedGrant[oauthError]) {
		return evidence.Scenario{}, "", steps.ProbeOK
	}
	how, check := fmt.Sprint(a.Status), fmt.Sprintf("the client id and secret (%s and %s, or --client-id and --client-secret-file)", creds.EnvClientID, creds.EnvClientSecret)
	if oauthError != "" {
		how += " " + oauthError
	}
	if oauthError == "invalid_grant" {
		check = fmt.Sprintf("the API user and its password (%s and %s, or --username and --password-file)", creds.EnvUsername, creds.EnvPassword)
	}
	line := fmt.Sprintf("credentials rejected: the token endpoint answered the password grant with %s; check %s", how, check)
	sc := evidence.Scenario{
		Feature: "Credentials probe", Name: "one password grant before the suite", URI: "(credentials probe)",
		Status: evidence.Failed, Duration: time.Since(start),
		Steps: []evidence.Step{{Keyword: "Given ", Text: "a password grant with the run's app and API user", Status: evidence.Failed,
			Error: line, Duration: time.Since(start), Exchanges: []evidence.Exchange{x}}},
	}
	return sc, line, steps.ProbeRejected
}
