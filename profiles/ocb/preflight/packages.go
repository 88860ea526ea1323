package preflight

import (
	"fmt"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// checkLocalCertificate: the key and certificate belong together and the
// certificate is valid now — checked before any signed call [obs].
func (p *run) checkLocalCertificate() error {
	pair := Line{ID: "signature:pair", Guide: "-", Source: "[obs]",
		TitleEN: "The certificate (X-Client-Certificate) matches the private key that signs X-Signature",
		TitleVI: "Chứng thư số (certificate) khớp với khóa bí mật (private key) dùng để ký X-Signature"}
	valid := Line{ID: "signature:validity", Guide: "-", Source: "[obs]",
		TitleEN: "The certificate is valid today",
		TitleVI: "Chứng thư số còn hiệu lực"}
	if err := jws.CheckPair(p.in.Key, p.in.Cert); err != nil {
		pair.Status, pair.Why = Fail, err.Error()
		pair.FixEN = "Use the certificate made from this private key (the one OCB has for the app), or the key it was made from. The guide has no step for this."
		pair.FixVI = "(Hướng dẫn không có bước này.) Dùng đúng chứng thư số được tạo từ khóa bí mật này — chứng thư mà OCB đang giữ cho app — hoặc đúng khóa bí mật đã tạo ra nó."
	} else {
		p.certOK = true
		pair.Status, pair.Why = Pass, "the certificate's public key is the private key's"
	}
	if err := jws.CheckValidity(p.in.Cert, p.o.Now()); err != nil {
		p.certOK = false
		valid.Status, valid.Why = Fail, err.Error()
		valid.FixEN = "Make a new certificate for the key and give it to OCB. The guide has no step for this."
		valid.FixVI = "(Hướng dẫn không có bước này.) Tạo chứng thư số mới cho khóa và gửi cho OCB."
	} else {
		valid.Status, valid.Why = Pass, fmt.Sprintf("valid until %s", p.in.Cert.NotAfter.UTC().Format(time.DateOnly))
	}
	p.add(pair)
	p.add(valid)
	return nil
}

// checkPackages probes each package with a signed call: 200 or 417 reached
// OCB's backend, which proves the subscription; 403 is the subscription (the
// approval passed above) [apic]; 404 the path; other answers cannot tell.
// The accounts probe's answer also judges the signature.
func (p *run) checkPackages() error {
	id := client.Identity{ClientID: p.in.ClientID, ClientSecret: p.in.ClientSecret, Token: p.token, Key: p.in.Key, Cert: p.in.Cert}
	for _, pkg := range p.in.Packages {
		l := Line{ID: "package:" + pkg.ID, Guide: "7", Source: "[seed, apic]",
			TitleEN: "Subscribed to " + pkg.Name + " (Default Plan)",
			TitleVI: "Đã subscribe " + pkg.Name + " (Default Plan)"}
		if p.token == "" {
			l.Status, l.Why = Unchecked, "no access token (steps 6 and 8–9 first): the gateway would refuse the call before the subscription matters"
			p.add(l)
			continue
		}
		a, err := p.do(p.o.Client.Call(p.ctx, id, pkg.Path, client.Envelope(client.NewTransID(), p.o.Now(), pkg.Data)))
		if err != nil {
			return err
		}
		switch a.Status {
		case 200, 417:
			l.Status, l.Why = Pass, fmt.Sprintf("POST %s reached OCB's backend (%d)", pkg.Path, a.Status)
			if p.reached == nil {
				p.reached = &a
			}
		case 403:
			l.Status, l.Why = Fail, fmt.Sprintf("POST %s: the gateway answered 403 — the app is not subscribed to this package", pkg.Path)
			l.FixEN = fmt.Sprintf("In the portal: Products → %s → any API → Subscribe → Default Plan → Select this Plan → select the app (MISA BANKHUB) → Next → Done.", pkg.Name)
			l.FixVI = guideStep7
		case 404:
			l.Status, l.Why = Unchecked, fmt.Sprintf("POST %s: 404, no API at that path %s; name an operation you know for this package with --probes", pkg.Path, pkg.Source)
		default:
			l.Status, l.Why = Unchecked, fmt.Sprintf("POST %s: %d %s, which says nothing about the subscription", pkg.Path, a.Status, gatewayText(a))
		}
		p.add(l)
	}
	p.add(p.signatureLine())
	return nil
}

// signatureLine judges the first call that reached the backend: a 417 whose
// error points at the signature or certificate is a refusal [obs shape, ? texts].
func (p *run) signatureLine() Line {
	l := Line{ID: "signature:accepted", Guide: "-", Source: "[obs]",
		TitleEN: "A signed call reaches OCB's backend and its signature is accepted",
		TitleVI: "Lời gọi có chữ ký đến được hệ thống OCB và chữ ký được chấp nhận"}
	if p.reached == nil {
		l.Status, l.Why = Unchecked, "no call reached OCB's backend (see the lines above)"
		return l
	}
	e, _ := p.reached.JSON()["error"].(map[string]any)
	where := strings.ToLower(fmt.Sprint(e["location"], " ", e["code"], " ", e["details"]))
	if p.reached.Status == 417 && (strings.Contains(where, "signature") || strings.Contains(where, "certificate")) {
		l.Status, l.Why = Fail, fmt.Sprintf("417 %v: %v", e["code"], e["details"])
		l.FixEN = "Sign the exact body bytes sent: X-Signature = base64url(RS256 over base64url('{\"alg\":\"RS256\"}') + \".\" + base64url(body)), no padding; " +
			"send the certificate OCB has for the app in X-Client-Certificate (base64 DER, one line). `conformance sign --profile ocb` shows each value."
		l.FixVI = "(Hướng dẫn không có bước này.) Ký đúng các byte của body gửi đi (detached JWS RS256, base64url không có '='), và gửi đúng chứng thư số OCB đang giữ cho app trong X-Client-Certificate."
		return l
	}
	l.Status, l.Why = Pass, fmt.Sprintf("answered %d without a signature complaint", p.reached.Status)
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
		l.Status, l.Why = Unchecked, "the target sent no Date header"
		p.add(l)
		return nil
	}
	their, err := time.Parse(time.RFC1123, p.dates[len(p.dates)-1])
	if err != nil {
		l.Status, l.Why = Unchecked, "the target's Date header cannot be read"
		p.add(l)
		return nil
	}
	skew := p.o.Now().Sub(their).Round(time.Second)
	if skew < 0 {
		skew = -skew
	}
	if skew > maxSkew {
		l.Status, l.Why = Warn, fmt.Sprintf("the local clock is %s off the target's; set it by NTP", skew)
	} else {
		l.Status, l.Why = Pass, fmt.Sprintf("%s apart (Date headers have one-second resolution)", skew)
	}
	p.add(l)
	return nil
}
