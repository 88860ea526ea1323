package mock

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

// startRedirectLink sends create-va for a redirect bank's fixture account and returns the answer
// and the journey's id (the last segment of its links).
func startRedirectLink(t *testing.T, h http.Handler, body map[string]any) (answer, string) {
	t.Helper()
	a := send(t, h, req{path: "/v1/create-va", body: mustJSON(t, body)})
	require.Equal(t, "00", a.code(), a.Raw)
	link, ok := a.data()["authorizeLink"].(string)
	require.True(t, ok, a.Raw)
	return a, path.Base(link)
}

var vcbLink = map[string]any{"accountType": "personal-account", "bankBin": "970436", "accountNumber": "0666777888",
	"requestId": "partner-req-1", "webhookUrl": "https://partner.example/link-hook"}

func TestRedirectLinkApproved(t *testing.T) {
	sp, err := contract.Load()
	require.NoError(t, err)
	n := &recordingNotifier{}
	h := newMock(t, func(c *Config) { c.Webhooks = n; c.WebhookURL = "https://fallback.example/hook" })
	r := req{path: "/v1/create-va", body: mustJSON(t, vcbLink)}
	a, hdr := sendRecorded(t, h, r)
	assertValid(t, sp, r, a, hdr)
	assert.NotContains(t, a.data(), "confirmId", "a redirect bank sends no OTP")
	id := path.Base(a.data()["authorizeLink"].(string))
	assert.Regexp(t, uuidForm, id)
	assert.Equal(t, id, path.Base(a.data()["deepLink"].(string)))
	assert.Empty(t, n.sent, "nothing is sent before the account holder answers")

	done := send(t, h, req{path: "/_mock/redirects/" + id, body: `{}`})
	require.Equal(t, 200, done.Status, done.Raw)
	assert.Equal(t, "https://partner.example/link-hook", done.JSON["webhookUrl"])
	require.Len(t, n.sent, 1)
	res := n.sent[0].Payload.(webhook.LinkResult)
	assert.Equal(t, "https://partner.example/link-hook", n.sent[0].URL)
	assert.Regexp(t, `^TNG[0-9]{11}$`, res.VaAccountNumber)
	assert.Equal(t, webhook.LinkResult{RequestID: "partner-req-1", Status: webhook.LinkConfirmSuccess,
		VaAccountNumber: res.VaAccountNumber, AccountNumber: "0666777888", AccountName: "PHAM THI E"}, res)
	body, err := webhook.Marshal(res)
	require.NoError(t, err)
	assert.Empty(t, sp.ValidateBody("LinkResult", body))

	list := send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10}`})
	require.EqualValues(t, 1, list.data()["totalCount"], list.Raw)
	item := list.data()["items"].([]any)[0].(map[string]any)
	assert.Equal(t, res.VaAccountNumber, item["vaAccountNumber"])
	assert.Equal(t, "VCB", item["bankName"])
	assert.Equal(t, "active", item["status"])

	again := send(t, h, req{path: "/_mock/redirects/" + id})
	assert.Equal(t, 400, again.Status, "a journey finishes once")
	assert.Contains(t, again.Raw, "no pending VCB/TPB link or unlink")
	assert.Len(t, n.sent, 1)
}

func TestRedirectLinkRefused(t *testing.T) {
	n := &recordingNotifier{}
	h := newMock(t, func(c *Config) { c.Webhooks = n; c.WebhookURL = "https://fallback.example/hook" })
	_, id := startRedirectLink(t, h, map[string]any{"accountType": "business-account", "bankName": "TPB", "accountNumber": "0777888999"})
	done := send(t, h, req{path: "/_mock/redirects/" + id, body: `{"approved":false}`})
	require.Equal(t, 200, done.Status, done.Raw)
	require.Len(t, n.sent, 1)
	assert.Equal(t, "https://fallback.example/hook", n.sent[0].URL, "create-va named no webhookUrl")
	assert.Equal(t, webhook.LinkResult{RequestID: id, Status: webhook.LinkConfirmFailed,
		AccountNumber: "0777888999", AccountName: "CONG TY CO PHAN F"}, n.sent[0].Payload, "no requestId given: the journey's id")
	list := send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10}`})
	assert.EqualValues(t, 0, list.data()["totalCount"])
}

func TestRedirectBankUnlink(t *testing.T) {
	n := &recordingNotifier{}
	var selfCheck strings.Builder
	h := newMock(t, func(c *Config) { c.Webhooks = n; c.SelfCheck = true; c.Log = &selfCheck })
	link := func(body map[string]any) string {
		_, id := startRedirectLink(t, h, body)
		send(t, h, req{path: "/_mock/redirects/" + id})
		return n.sent[len(n.sent)-1].Payload.(webhook.LinkResult).VaAccountNumber
	}
	vcb := link(vcbLink)
	tpb := link(map[string]any{"accountType": "business-account", "bankBin": "970423", "accountNumber": "0777888999", "webhookUrl": "https://partner.example/tpb"})

	a := send(t, h, req{path: "/v1/delete-va?bankBin=970436&vaAccountNumber=" + vcb, body: "{}"})
	require.Equal(t, "00", a.code(), a.Raw)
	assert.Equal(t, map[string]any{}, a.data(), "VCB answers {}")
	assert.Equal(t, webhook.LinkResult{Status: webhook.LinkDeleteSuccess, VaAccountNumber: vcb,
		AccountNumber: "0666777888", AccountName: "PHAM THI E"}, n.sent[len(n.sent)-1].Payload)

	a = send(t, h, req{path: "/v1/delete-va?vaAccountNumber=" + tpb, body: "{}"})
	require.Equal(t, "00", a.code(), a.Raw)
	assert.NotContains(t, a.data(), "confirmId")
	id := path.Base(a.data()["authorizeLink"].(string))
	refused := send(t, h, req{path: "/_mock/redirects/" + id, body: `{"approved":false}`})
	assert.Equal(t, `{"linkResult":null,"webhookUrl":""}`, refused.Raw, "a refused unlink sends nothing")
	list := send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10}`})
	assert.EqualValues(t, 1, list.data()["totalCount"], "the TPB VA stays")

	a = send(t, h, req{path: "/v1/delete-va?vaAccountNumber=" + tpb, body: "{}"})
	id = path.Base(a.data()["authorizeLink"].(string))
	a = send(t, h, req{path: "/v1/delete-va?vaAccountNumber=" + tpb, body: "{}"})
	second := path.Base(a.data()["authorizeLink"].(string))
	send(t, h, req{path: "/_mock/redirects/" + id})
	assert.Equal(t, webhook.LinkResult{RequestID: id, Status: webhook.LinkDeleteSuccess, VaAccountNumber: tpb,
		AccountNumber: "0777888999", AccountName: "CONG TY CO PHAN F"}, n.sent[len(n.sent)-1].Payload)
	assert.Equal(t, "https://partner.example/tpb", n.sent[len(n.sent)-1].URL)
	sentBefore := len(n.sent)
	late := send(t, h, req{path: "/_mock/redirects/" + second})
	assert.Equal(t, `{"linkResult":null,"webhookUrl":""}`, late.Raw, "the VA is gone already: one delete-va-success")
	assert.Len(t, n.sent, sentBefore)
	list = send(t, h, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":10}`})
	assert.EqualValues(t, 0, list.data()["totalCount"])
	assert.Empty(t, selfCheck.String(), "every answer validates against openapi.yaml")
}

func TestRedirectFaults(t *testing.T) {
	h := newMock(t)
	a := send(t, h, req{path: "/v1/create-va", body: `{"accountType":"personal-account","bankName":"VCB","accountNumber":"1"}`})
	assert.Equal(t, errAccountNotLinked.code, a.code(), "a redirect bank links fixture accounts only")

	_, id := startRedirectLink(t, h, vcbLink)
	for _, body := range []string{`{"approved":"yes"}`, `{"approve":true}`, `not json`} {
		a = send(t, h, req{path: "/_mock/redirects/" + id, body: body})
		assert.Equal(t, 400, a.Status, body)
		assert.Contains(t, a.Raw, "redirect: ", body)
	}
	a = send(t, h, req{path: "/_mock/redirects/" + newUUID()})
	assert.Equal(t, 400, a.Status)
	a = send(t, h, req{method: http.MethodGet, path: "/_mock/redirects/" + id})
	assert.Equal(t, 404, a.Status)

	off := newMock(t, func(c *Config) { c.Control = false })
	_, id = startRedirectLink(t, off, vcbLink)
	a = send(t, off, req{path: "/_mock/redirects/" + id})
	assert.Equal(t, body404, a.Raw)
}

// TestRedirectResultIsASignedWebhook: with the real dispatcher, the LinkResult reaches the
// partner signed over the raw bytes, the same way as a payment notification.
func TestRedirectResultIsASignedWebhook(t *testing.T) {
	pair := auth.Mock()
	got := make(chan webhook.LinkResult, 1)
	partner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		if err := webhook.VerifyRaw(r.Header, raw, pair.Secret, time.Now()); err != nil {
			t.Errorf("webhook not signed as Tingee signs: %v", err)
		}
		var res webhook.LinkResult
		assert.NoError(t, json.Unmarshal(raw, &res))
		got <- res
		_, _ = w.Write([]byte(`{"code":"00","message":"Success"}`))
	}))
	defer partner.Close()
	d := webhook.NewDispatcher(webhook.DispatcherConfig{Secret: pair.Secret, Interval: time.Millisecond})
	defer d.Close()
	h := newMock(t, func(c *Config) { c.Webhooks = d; c.WebhookURL = partner.URL })

	_, id := startRedirectLink(t, h, map[string]any{"accountType": "personal-account", "bankName": "VCB", "accountNumber": "0666777888", "requestId": "r-9"})
	send(t, h, req{path: "/_mock/redirects/" + id})
	select {
	case res := <-got:
		assert.Equal(t, "r-9", res.RequestID)
		assert.Equal(t, webhook.LinkConfirmSuccess, res.Status)
	case <-time.After(5 * time.Second):
		t.Fatal("no LinkResult reached the partner")
	}
}
