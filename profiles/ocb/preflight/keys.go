package preflight

import (
	"fmt"
	"regexp"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
)

// hex32 is the shape of client ids and secrets in every public example [obs].
var hex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)

// checkKeysAndUser asks the token endpoint for a password grant: invalid_client
// is the keys (step 6) [oauth]; invalid_grant is the approval or the API
// user (steps 8–9) [oauth, seed]; a token proves both.
func (p *run) checkKeysAndUser() error {
	a, err := p.do(p.o.Client.Token(p.ctx, client.PasswordForm(p.in.ClientID, p.in.ClientSecret, p.in.Username, p.in.Password)))
	if err != nil {
		return err
	}
	keys := Line{ID: "keys", Guide: "6", Source: "[obs, oauth]",
		TitleEN: "The two keys (client id and secret) are accepted by the token endpoint",
		TitleVI: "Hai key (client id, client secret) được máy chủ cấp token chấp nhận"}
	user := Line{ID: "approval", Guide: "8-9", Source: "[seed, oauth]",
		TitleEN: "The app is approved and the API user's password grant gives a token",
		TitleVI: "App đã được OCB phê duyệt và tài khoản API được cấp đăng nhập được"}
	code, _ := a.JSON()["error"].(string)
	switch {
	case a.Status == 200 && client.AccessToken(a) != "":
		p.keysOK, p.token = true, client.AccessToken(a)
		keys.Status, keys.Why = Pass, "token endpoint answered 200"
		user.Status, user.Why = Pass, "the password grant gave an access token"
	case code == "invalid_client" || a.Status == 401:
		keys.Status, keys.Why = Fail, fmt.Sprintf("token endpoint answered %d %s: the client id or secret is wrong", a.Status, code)
		keys.FixEN = "Copy the two keys again, whole, from where you saved them at step 6 (the portal shows them only once). " +
			"If they are lost, create the keys again in the portal and send the new key id to MISA/OCB (step 8)."
		keys.FixVI = guideStep6
		if !hex32.MatchString(p.in.ClientID) || !hex32.MatchString(string(p.in.ClientSecret)) {
			keys.Why += "; a key is not 32 lowercase hexadecimal characters like OCB's keys — truncated or with spaces? [obs]"
		}
		user.Status, user.Why = Unchecked, "the keys are refused, so the password grant cannot be tried"
	case code == "invalid_grant":
		p.keysOK = true
		keys.Status, keys.Why = Pass, "token endpoint knows the client (it answered invalid_grant, not invalid_client)"
		user.Status, user.Why = Fail, "token endpoint answered 400 invalid_grant: the app is not approved yet, or the API user or its password is wrong"
		user.FixEN = "Call MISA support or OCB's hotline 1800 6678 to have the app approved and an API user issued, giving the tax code, " +
			"the app name MISA BANKHUB and the key id (step 8); then use the user and password OCB e-mails (step 9) exactly."
		user.FixVI = guideStep8 + "\n" + guideStep9
	default:
		keys.Status, keys.Why = Unchecked, fmt.Sprintf("token endpoint answered %d %s, which says nothing about the keys", a.Status, code)
		user.Status, user.Why = Unchecked, keys.Why
	}
	p.add(keys)
	p.add(user)
	return nil
}

// checkRedirect sends a PAR request with the redirect URL step 5 registers:
// refused means it is not registered exactly [oauth, RFC 9126]; a target
// without the PAR endpoint (404/405) cannot tell [obs: SIT only].
func (p *run) checkRedirect() error {
	l := Line{ID: "redirect-url", Guide: "5", Source: "[obs, oauth]",
		TitleEN: "The app's OAuth redirect URL is exactly " + p.in.RedirectURL,
		TitleVI: "Application OAuth Redirect URL(s) đúng là " + p.in.RedirectURL}
	if !p.keysOK {
		l.Status, l.Why = Unchecked, "the keys are refused, and the PAR endpoint needs them"
		p.add(l)
		return nil
	}
	a, err := p.do(p.o.Client.PAR(p.ctx, p.in.ClientID, p.in.ClientSecret, p.in.RedirectURL))
	if err != nil {
		return err
	}
	code, _ := a.JSON()["error"].(string)
	switch {
	case (a.Status == 200 || a.Status == 201) && a.JSON()["request_uri"] != nil:
		l.Status, l.Why = Pass, "a PAR request with this redirect_uri was accepted"
	case a.Status == 400 && (code == "invalid_request" || code == "invalid_redirect_uri"):
		l.Status, l.Why = Fail, "a PAR request with this redirect_uri was refused ("+code+"): the app has another redirect URL (a typo, a trailing slash?)"
		l.FixEN = "In the portal, edit the app: Application OAuth Redirect URL(s) must be exactly " + p.in.RedirectURL + " (no trailing slash, no space)."
		l.FixVI = guideStep5
	case a.Status == 404 || a.Status == 405:
		l.Status, l.Why = Unchecked, fmt.Sprintf("the target offers no PAR endpoint (%d); only OCB's SIT has one, so check the URL in the portal by eye", a.Status)
	default:
		l.Status, l.Why = Unchecked, fmt.Sprintf("the PAR endpoint answered %d %s, which says nothing about the redirect URL", a.Status, code)
	}
	p.add(l)
	return nil
}
