package preflight

import (
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// checkLocalCertificate: the key and certificate belong together [obs] and
// the certificate is valid now — only a warning: no source says OCB refuses
// an expired certificate [?]. Checked before any signed call, when both are given.
func (p *run) checkLocalCertificate() error {
	pair := Line{ID: "signature:pair", Guide: "-", Source: "[obs]",
		TitleEN: "The certificate (X-Client-Certificate) matches the private key that signs X-Signature",
		TitleVI: "Chứng thư số (certificate) khớp với khóa bí mật (private key) dùng để ký X-Signature"}
	valid := Line{ID: "signature:validity", Guide: "-", Source: "[?]",
		TitleEN: "The certificate is valid today",
		TitleVI: "Chứng thư số còn hiệu lực"}
	switch {
	case p.in.Key == nil:
		pair.set(NotChecked, noKeyEN, noKeyVI)
	case p.in.Cert == nil:
		pair.set(NotChecked, noCertEN, noCertVI)
	default:
		if err := jws.CheckPair(p.in.Key, p.in.Cert); err != nil {
			pair.set(Fail, err.Error(), "chứng thư số không khớp với khóa bí mật")
			pair.FixEN = "Use the certificate made from this private key (the one OCB has for the app), or the key it was made from. The guide has no step for this."
			pair.FixVI = "(Hướng dẫn không có bước này.) Dùng đúng chứng thư số được tạo từ khóa bí mật này — chứng thư mà OCB đang giữ cho app — hoặc đúng khóa bí mật đã tạo ra nó."
		} else {
			pair.set(Pass, "the certificate's public key is the private key's", "khóa công khai trong chứng thư số là của khóa bí mật này")
		}
	}
	switch {
	case p.in.Cert == nil:
		valid.set(NotChecked, noCertEN, noCertVI)
	case jws.CheckValidity(p.in.Cert, p.o.Now()) != nil:
		err := jws.CheckValidity(p.in.Cert, p.o.Now())
		valid.set(Warn, err.Error()+"; no source says OCB refuses it (a pinned certificate is often not date-checked) — if calls are refused, make a new certificate and give it to OCB",
			"chứng thư số hết hạn hoặc chưa có hiệu lực; không nguồn nào nói OCB từ chối — nếu lời gọi bị từ chối, hãy tạo chứng thư số mới và gửi cho OCB")
	default:
		until := p.in.Cert.NotAfter.UTC().Format(time.DateOnly)
		valid.set(Pass, "valid until "+until, "còn hiệu lực đến "+until)
	}
	p.add(pair)
	p.add(valid)
	return nil
}

// checkPackages probes each package: 200 or 417 reached OCB's backend, which
// proves the subscription [apic]. With a token, 403 is the subscription (the
// approval passed above) [apic]. Without one (no API user yet) the call goes
// with the X-IBM-* headers only: 403 is then the subscription or the
// approval, which the gateway does not tell apart, and 401 wants the token
// first. 404 is the path; other answers cannot tell. Calls are signed when a
// key and certificate are given.
func (p *run) checkPackages() error {
	id := client.Identity{ClientID: p.in.ClientID, ClientSecret: p.in.ClientSecret, Token: p.token, Key: p.in.Key, Cert: p.in.Cert}
	for _, pkg := range p.in.Packages {
		l := Line{ID: "package:" + pkg.ID, Guide: "7", Source: "[seed, apic]",
			TitleEN: "Subscribed to " + pkg.Name + " (Default Plan)",
			TitleVI: "Đã subscribe " + pkg.Name + " (Default Plan)"}
		if !p.keysOK {
			l.set(NotChecked, stepSixFirstEN+": the gateway refuses any call before the subscription matters",
				stepSixFirstVI+": gateway từ chối mọi lời gọi trước khi xét đến subscribe")
			p.add(l)
			continue
		}
		a, err := p.do(p.o.Client.Call(p.ctx, id, pkg.Path, client.Envelope(client.NewTransID(), p.o.Now(), pkg.Data)))
		if err != nil {
			return err
		}
		call := "POST " + pkg.Path
		switch {
		case a.Status == 200 || a.Status == 417:
			l.set(Pass, fmt.Sprintf("%s reached OCB's backend (%d)", call, a.Status), fmt.Sprintf("%s đến được hệ thống OCB (%d)", call, a.Status))
			if p.reached == nil || p.reached.Status != 200 && a.Status == 200 {
				p.reached = &a
			}
		case a.Status == 403 && p.token != "":
			l.set(Fail, call+": the gateway answered 403 — the app is not subscribed to this package",
				call+": gateway trả lời 403 — app chưa subscribe package này")
			l.FixEN = fmt.Sprintf("In the portal: Products → %s → any API → Subscribe → Default Plan → Select this Plan → select the app (MISA BANKHUB) → Next → Done.", pkg.Name)
			l.FixVI = guideStep7
		case a.Status == 403:
			l.set(Warn, call+": the gateway answered 403 — the package is not subscribed, or the app is not approved yet (step 8): without an API user the two cannot be told apart",
				call+": gateway trả lời 403 — package chưa được subscribe, hoặc app chưa được phê duyệt (bước 8): chưa có tài khoản API thì không phân biệt được")
		case a.Status == 401 && p.token == "":
			l.set(NotChecked, call+": the gateway wants an access token first — "+notYetUserEN,
				call+": gateway cần access token trước — "+notYetUserVI)
		case a.Status == 404:
			l.set(Unchecked, fmt.Sprintf("%s: 404, no API at that path %s; name an operation you know for this package with --probes", call, pkg.Source),
				fmt.Sprintf("%s: 404, không có API ở đường dẫn này %s; khai báo một thao tác bạn biết của package này bằng --probes", call, pkg.Source))
		default:
			l.set(Unchecked, fmt.Sprintf("%s: %d %s, which says nothing about the subscription", call, a.Status, gatewayText(a)),
				fmt.Sprintf("%s: %d %s, không cho biết gì về subscribe", call, a.Status, gatewayText(a)))
		}
		p.add(l)
	}
	p.add(p.signatureLine())
	return nil
}

// signatureLine judges the best call that reached the backend. Only a 200
// proves the signature accepted. A 417 may be about the signature or about
// the probe's data; the notes give no error code or type for a refused
// signature [?], so a 417 only warns, shown with its code and details.
func (p *run) signatureLine() Line {
	l := Line{ID: "signature:accepted", Guide: "-", Source: "[obs]",
		TitleEN: "A signed call reaches OCB's backend and its signature is accepted",
		TitleVI: "Lời gọi có chữ ký đến được hệ thống OCB và chữ ký được chấp nhận"}
	switch {
	case p.in.Key == nil:
		l.set(NotChecked, noKeyEN, noKeyVI)
	case p.in.Cert == nil:
		l.set(NotChecked, noCertEN, noCertVI)
	case p.reached == nil:
		l.set(Unchecked, "no call reached OCB's backend (see the lines above)", "chưa lời gọi nào đến được hệ thống OCB (xem các dòng trên)")
	case p.reached.Status == 200:
		l.set(Pass, "a signed call was answered 200", "lời gọi có chữ ký được trả lời 200")
	default:
		e, _ := p.reached.JSON()["error"].(map[string]any)
		l.set(Warn, fmt.Sprintf("cannot tell: the backend answered 417 %v %v: %v — OCB's error codes for a refused signature are not public [?]; "+
			"a probe naming your own account (--probes) gets a 200 when the signature is accepted", e["type"], e["code"], e["details"]),
			fmt.Sprintf("không xác định được: hệ thống trả lời 417 %v %v: %v — mã lỗi chữ ký của OCB không được công bố [?]; "+
				"probe với số tài khoản của chính doanh nghiệp (--probes) sẽ nhận 200 khi chữ ký được chấp nhận", e["type"], e["code"], e["details"]))
	}
	return l
}

func gatewayText(a client.Answer) string {
	if s, ok := a.JSON()["moreInformation"].(string); ok {
		return "(" + s + ")"
	}
	return ""
}

// maxSkew is how far the local clock may be from the target's before the
// preflight warns; no source states OCB's tolerance [?], so it only warns.
const maxSkew = 2 * time.Minute

// checkClock compares the local clock with the target's Date headers:
// clientTimestamp is written from it [obs].
func (p *run) checkClock() error {
	l := Line{ID: "clock", Guide: "-", Source: "[?]",
		TitleEN: fmt.Sprintf("The local clock is within %s of the target's (clientTimestamp is written from it)", maxSkew),
		TitleVI: fmt.Sprintf("Đồng hồ máy lệch không quá %s so với máy chủ (clientTimestamp lấy từ đồng hồ này)", maxSkew)}
	if len(p.dates) == 0 {
		l.set(Unchecked, "the target sent no Date header", "máy chủ không gửi header Date")
		p.add(l)
		return nil
	}
	their, err := time.Parse(time.RFC1123, p.dates[len(p.dates)-1])
	if err != nil {
		l.set(Unchecked, "the target's Date header cannot be read", "không đọc được header Date của máy chủ")
		p.add(l)
		return nil
	}
	skew := p.o.Now().Sub(their).Round(time.Second)
	if skew < 0 {
		skew = -skew
	}
	if skew > maxSkew {
		l.set(Warn, fmt.Sprintf("the local clock is %s off the target's; set it by NTP", skew),
			fmt.Sprintf("đồng hồ máy lệch %s so với máy chủ; hãy đồng bộ bằng NTP", skew))
	} else {
		l.set(Pass, fmt.Sprintf("%s apart (Date headers have one-second resolution)", skew),
			fmt.Sprintf("lệch %s (header Date chỉ chính xác đến giây)", skew))
	}
	p.add(l)
	return nil
}
