package mock

import (
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// pendingRedirect is a redirect-bank journey (VCB, TPB) waiting for the account holder: a link
// started by create-va, or an unlink started by delete-va (TPB). POST /_mock/redirects/{id}
// plays the holder's part; the result reaches the partner as a webhook.LinkResult.
type pendingRedirect struct {
	requestID string       // create-va's requestId, echoed in the LinkResult; the id when none
	link      *pendingLink // a link, or
	unlink    *va          // an unlink
}

// redirectLinks is the data of create-va for a redirect bank, and of delete-va for TPB.
type redirectLinks struct {
	DeepLink      string `json:"deepLink,omitempty"`
	AuthorizeLink string `json:"authorizeLink"`
}

// The links of a journey end with its id, the {id} of POST /_mock/redirects/{id}.
func deepLink(id string) string      { return placeholderHost + "/deeplink/" + id }
func authorizeLink(id string) string { return placeholderHost + "/authorize/" + id }

// startRedirect records a journey and returns its id (unguessable, as it stands for a consent).
func (s *server) startRedirect(p *pendingRedirect) string {
	id := newUUID()
	if p.requestID == "" {
		p.requestID = id
	}
	s.st.redirects[id] = p
	return id
}

// finishRedirect ends a pending journey as the bank reports it, approved or not, and returns the
// LinkResult to send (nil: none) and where to send it. A link approved becomes an active VA; an
// unlink approved removes the VA; an unlink refused, or of a VA already gone (two delete-va calls),
// changes nothing and sends nothing (the notes list no delete-va-failed). The caller holds s.mu and
// has checked that the journey is pending.
func (s *server) finishRedirect(id string, approved bool, now time.Time) (*webhook.LinkResult, string) {
	p := s.st.redirects[id]
	delete(s.st.redirects, id)
	switch {
	case p.unlink != nil && approved && s.st.vas[p.unlink.number] == p.unlink:
		res, url := s.unlink(p.unlink)
		res.RequestID = p.requestID
		return &res, url
	case p.unlink != nil:
		return nil, ""
	case approved:
		v := s.activate(p.link, now)
		return &webhook.LinkResult{RequestID: p.requestID, Status: webhook.LinkConfirmSuccess,
			VaAccountNumber: v.number, AccountNumber: v.accountNumber, AccountName: v.accountName}, s.webhookURL(v.webhookURL)
	}
	return &webhook.LinkResult{RequestID: p.requestID, Status: webhook.LinkConfirmFailed,
		AccountNumber: p.link.accountNumber, AccountName: p.link.accountName}, s.webhookURL(p.link.webhookURL)
}

// unlink removes a redirect-bank VA and returns its delete-va-success LinkResult and where to send it.
func (s *server) unlink(v *va) (webhook.LinkResult, string) {
	delete(s.st.vas, v.number)
	return webhook.LinkResult{Status: webhook.LinkDeleteSuccess, VaAccountNumber: v.number,
		AccountNumber: v.accountNumber, AccountName: v.accountName}, s.webhookURL(v.webhookURL)
}

// webhookURL is where a VA's webhooks go: the webhookUrl its create-va named, else --webhook-url.
func (s *server) webhookURL(named string) string {
	if named != "" {
		return named
	}
	return s.cfg.WebhookURL
}

// notify hands a webhook body to the notifier, when there is one and somewhere to send it.
// Notifier.Send returns at once (delivery runs in the background), so callers may hold s.mu.
func (s *server) notify(payload any, url string) {
	if s.cfg.Webhooks != nil && url != "" {
		s.cfg.Webhooks.Send(url, payload)
	}
}
