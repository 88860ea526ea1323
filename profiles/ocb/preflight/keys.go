package preflight

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
)

// hex32 is the shape of client ids and secrets in every public example [obs].
var hex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)

// Without an API user the password grant is asked for this user, which no
// OCB app has: invalid_grant then still proves the keys [oauth].
const (
	noSuchUser     = "conformance-preflight-no-such-user"
	noSuchPassword = "not-a-password"
)

// checkKeysAndUser asks the token endpoint for a password grant. The OAuth
// error code decides [oauth, RFC 6749 §5.2]: invalid_client is the keys
// (step 6, 400 or 401); invalid_grant is the approval or the API user (steps
// 8–9) [seed]; only an answer with no error code is read by its status (a
// gateway's 401 is the keys [apic]). A token proves both.
func (p *run) checkKeysAndUser() error {
	user, password := p.in.Username, p.in.Password
	if user == "" {
		user, password = noSuchUser, []byte(noSuchPassword)
	}
	a, err := p.do(p.o.Client.Token(p.ctx, client.PasswordForm(p.in.ClientID, p.in.ClientSecret, user, password)))
	if err != nil {
		return err
	}
	keys := Line{ID: "keys", Guide: "6", Source: "[obs, oauth]",
		TitleEN: "The two keys (client id and secret) are accepted by the token endpoint",
		TitleVI: "Hai key (client id, client secret) được máy chủ cấp token chấp nhận"}
	approval := Line{ID: "approval", Guide: "8-9", Source: "[seed, oauth]",
		TitleEN: "The app is approved and the API user's password grant gives a token",
		TitleVI: "App đã được OCB phê duyệt và tài khoản API được cấp đăng nhập được"}
	code, _ := a.JSON()["error"].(string)
	answered := strings.TrimSpace(fmt.Sprintf("%d %s", a.Status, code))
	noUser := p.in.Username == ""
	switch {
	case a.Status == 200 && client.AccessToken(a) != "":
		p.keysOK = true
		keys.set(Pass, "token endpoint answered 200", "máy chủ cấp token trả lời 200")
		if noUser {
			approval.set(NotChecked, notYetUserEN, notYetUserVI)
			break
		}
		p.token = client.AccessToken(a)
		approval.set(Pass, "the password grant gave an access token", "đăng nhập bằng tài khoản API nhận được access token")
	case code == "invalid_client" || code == "" && a.Status == 401:
		keys.set(Fail, "token endpoint answered "+answered+": the client id or secret is wrong",
			"máy chủ cấp token trả lời "+answered+": client id hoặc client secret sai")
		keys.FixEN = "Copy the two keys again, whole, from where you saved them at step 6 (the portal shows them only once). " +
			"If they are lost, create the keys again in the portal and send the new key id to MISA/OCB (step 8)."
		keys.FixVI = guideStep6
		if !hex32.MatchString(p.in.ClientID) || !hex32.MatchString(string(p.in.ClientSecret)) {
			keys.WhyEN += "; a key is not 32 lowercase hexadecimal characters like OCB's keys — truncated or with spaces? [obs]"
			keys.WhyVI += "; một key không phải 32 ký tự thập lục phân chữ thường như key của OCB — bị cắt mất hoặc có dấu cách? [obs]"
		}
		approval.set(NotChecked, stepSixFirstEN, stepSixFirstVI)
	case code == "invalid_grant" && noUser:
		p.keysOK = true
		keys.set(Pass, "token endpoint knows the client (it answered invalid_grant, not invalid_client)",
			"máy chủ cấp token nhận ra app (trả lời invalid_grant, không phải invalid_client)")
		approval.set(NotChecked, notYetUserEN, notYetUserVI)
	case code == "invalid_grant":
		p.keysOK = true
		keys.set(Pass, "token endpoint knows the client (it answered invalid_grant, not invalid_client)",
			"máy chủ cấp token nhận ra app (trả lời invalid_grant, không phải invalid_client)")
		approval.set(Fail, "token endpoint answered "+answered+": the app is not approved yet, or the API user or its password is wrong",
			"máy chủ cấp token trả lời "+answered+": app chưa được phê duyệt, hoặc tài khoản API hay mật khẩu sai")
		approval.FixEN = "Call MISA support or OCB's hotline 1800 6678 to have the app approved and an API user issued, giving the tax code, " +
			"the app name MISA BANKHUB and the key id (step 8); then use the user and password OCB e-mails (step 9) exactly."
		approval.FixVI = guideStep8 + "\n" + guideStep9
	case code == "unauthorized_client":
		// RFC 6749 §5.2: the client authenticated but may not use this grant type.
		p.keysOK = true
		keys.set(Pass, "token endpoint authenticated the client (unauthorized_client, not invalid_client)",
			"máy chủ cấp token xác thực được app (unauthorized_client, không phải invalid_client)")
		approval.set(Warn, "token endpoint answered "+answered+": this app may not use the password grant yet — not approved (step 8)? No source says what OCB answers before approval [?]",
			"máy chủ cấp token trả lời "+answered+": app chưa được dùng password grant — chưa được phê duyệt (bước 8)? Không nguồn nào nói OCB trả lời gì trước khi phê duyệt [?]")
	default:
		keys.set(Unchecked, "token endpoint answered "+answered+", which says nothing about the keys",
			"máy chủ cấp token trả lời "+answered+", không cho biết gì về hai key")
		approval.WhyEN, approval.WhyVI, approval.Status = keys.WhyEN, keys.WhyVI, Unchecked
	}
	p.add(keys)
	p.add(approval)
	return nil
}

// Reasons shared by several lines.
const (
	notYetUserEN   = "not yet: the API user arrives by e-mail after approval (step 9); give it with --username and --password-file to check steps 8–9"
	notYetUserVI   = "chưa: tài khoản API được OCB gửi qua email sau khi phê duyệt (bước 9); nhập bằng --username và --password-file để kiểm tra bước 8–9"
	stepSixFirstEN = "not checked: step 6 first (the keys are refused)"
	stepSixFirstVI = "chưa kiểm tra: cần qua bước 6 trước (hai key bị từ chối)"
	noKeyEN        = "not checked: no key given (--key, or OCB_PRIVATE_KEY_FILE)"
	noKeyVI        = "chưa kiểm tra: chưa nhập khóa bí mật (--key, hoặc OCB_PRIVATE_KEY_FILE)"
	noCertEN       = "not checked: no certificate given (--cert, or OCB_CERT_FILE)"
	noCertVI       = "chưa kiểm tra: chưa nhập chứng thư số (--cert, hoặc OCB_CERT_FILE)"
)

// checkRedirect sends a PAR request with the redirect URL step 5 registers.
// Only an error naming the redirect URI fails the step [oauth, RFC 9126]:
// invalid_redirect_uri, or invalid_request whose description names
// redirect_uri (invalid_request alone is RFC 6749's catch-all: a parameter
// OCB needs and we do not send, a scope). A target without the PAR endpoint
// (404/405) cannot tell [obs: SIT only].
func (p *run) checkRedirect() error {
	l := Line{ID: "redirect-url", Guide: "5", Source: "[obs, oauth]",
		TitleEN: "The app's OAuth redirect URL is exactly " + p.in.RedirectURL,
		TitleVI: "Application OAuth Redirect URL(s) đúng là " + p.in.RedirectURL}
	if !p.keysOK {
		l.set(NotChecked, stepSixFirstEN+": the PAR endpoint needs them", stepSixFirstVI+": yêu cầu PAR cần hai key")
		p.add(l)
		return nil
	}
	a, err := p.do(p.o.Client.PAR(p.ctx, p.in.ClientID, p.in.ClientSecret, p.in.RedirectURL))
	if err != nil {
		return err
	}
	code, _ := a.JSON()["error"].(string)
	desc, _ := a.JSON()["error_description"].(string)
	answered := strings.TrimSpace(fmt.Sprintf("%d %s", a.Status, code))
	switch {
	case (a.Status == 200 || a.Status == 201) && a.JSON()["request_uri"] != nil:
		l.set(Pass, "a PAR request with this redirect_uri was accepted", "yêu cầu PAR với redirect_uri này được chấp nhận")
	case code == "invalid_redirect_uri" || code == "invalid_request" && strings.Contains(desc, "redirect_uri"):
		l.set(Fail, "a PAR request with this redirect_uri was refused ("+answered+"): the app has another redirect URL (a typo, a trailing slash?)",
			"yêu cầu PAR với redirect_uri này bị từ chối ("+answered+"): app đang đăng ký redirect URL khác (gõ sai, thừa dấu / ở cuối?)")
		l.FixEN = "In the portal, edit the app: Application OAuth Redirect URL(s) must be exactly " + p.in.RedirectURL + " (no trailing slash, no space)."
		l.FixVI = guideStep5
	case a.Status == 404 || a.Status == 405:
		l.set(Unchecked, fmt.Sprintf("the target offers no PAR endpoint (%d); only OCB's SIT has one, so check the URL in the portal by eye", a.Status),
			fmt.Sprintf("máy chủ không có endpoint PAR (%d); chỉ môi trường SIT của OCB có, hãy xem lại URL trong portal", a.Status))
	case code == "invalid_request":
		l.set(Unchecked, "cannot tell: the PAR endpoint answered "+answered+" without naming redirect_uri (invalid_request is OAuth's catch-all)",
			"không xác định được: endpoint PAR trả lời "+answered+" mà không nêu redirect_uri (invalid_request là lỗi chung của OAuth)")
	default:
		l.set(Unchecked, "the PAR endpoint answered "+answered+", which says nothing about the redirect URL",
			"endpoint PAR trả lời "+answered+", không cho biết gì về redirect URL")
	}
	p.add(l)
	return nil
}
