package report

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/mask"
)

// qrAccount is the account a generated VietQR pays into, as the mock answers it.
const qrAccount = "0555666777"

// qrPNG stands for a QR image: like a real one, its bytes hold the account.
var qrPNG = append([]byte("\x89PNG\r\n\x1a\n"), "tag38:"+qrAccount+strings.Repeat("\x00", 20)...)

// withScenario appends one passing scenario whose only step made x, and says st about it.
func withScenario(run evidence.Run, x evidence.Exchange, st evidence.Step) evidence.Run {
	st.Keyword, st.Status, st.Exchanges = "When ", evidence.Passed, []evidence.Exchange{x}
	run.Scenarios = append(run.Scenarios, evidence.Scenario{
		Feature: "QR", Name: "masked copies", URI: "features/qr.feature:3", Tags: []string{"@TG-QR-01"},
		Status: evidence.Passed, Steps: []evidence.Step{st}, Observations: []string{"paid into " + qrAccount},
	})
	return run
}

// bundleText writes run and returns every file of its bundle by name.
func bundleText(t *testing.T, run evidence.Run) map[string]string {
	t.Helper()
	dir := t.TempDir()
	if err := Write(dir, run, testOptions(t)); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

// generate-viet-qr answers the account in qrAccount, inside the EMVCo payload
// (tag 38) and inside the PNG: none of them may show it in full.
func TestGeneratedQRDoesNotRevealTheAccount(t *testing.T) {
	payload := "00020101021238540010A0000007270124000697044801" + "10" + qrAccount + "0208QRIBFTTA5303704630414C3"
	answer := `{"code":"00","message":"Success","data":{"qrCode":"` + payload + `","qrCodeImage":"data:image/png;base64,` +
		base64.StdEncoding.EncodeToString(qrPNG) + `","qrAccount":"` + qrAccount + `"}}`
	x := exchange("generateVietQr", "POST", "/v1/generate-viet-qr", `{"bankName":"OCB","amount":10000}`, 200, answer, 3*time.Millisecond)
	run := withScenario(syntheticRun(), x, evidence.Step{Text: "a VietQR is generated", Error: "noted: account " + qrAccount})

	files := bundleText(t, run)
	for name, text := range files {
		for _, form := range []string{qrAccount, base64.StdEncoding.EncodeToString(qrPNG)[:40]} {
			if strings.Contains(text, form) {
				t.Errorf("%s holds %q", name, form)
			}
		}
	}
	report := files[FileJSON]
	for _, want := range []string{
		`\"qrAccount\":\"******6777\"`,
		`\"qrCode\":\"` + mask.CopyMark + `00020101021238540010A0000007270124000697044801` + `10******67770208`,
		`\"qrCodeImage\":\"[PNG image, 44 bytes, not kept in evidence: it may encode an account number]\"`,
		`"error": "noted: account ******6777"`,
		`"paid into ******6777"`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report.json lacks %s", want)
		}
	}
}

// A webhook notification carries the partner's client id in its body; it shows
// only its last four characters, like the report's header.
func TestNotificationClientIDIsMasked(t *testing.T) {
	x := exchange("", "POST", "/tingee/webhook", `{"clientId":"acme-client-0042","transactionCode":"T-1","amount":150000}`, 200, `{"code":"00"}`, time.Millisecond)
	x.RequestHeader.Del("X-Client-Id") // Tingee sends none with a notification
	files := bundleText(t, withScenario(syntheticRun(), x, evidence.Step{Text: "a notification is sent"}))
	for name, text := range files {
		if strings.Contains(text, "acme-client-0042") {
			t.Errorf("%s shows the client id in full", name)
		}
	}
	if want := `{\"clientId\":\"************0042\",\"transactionCode\":\"T-1\"`; !strings.Contains(files[FileJSON], want) {
		t.Errorf("report.json lacks %s", want)
	}
}

// A client id header is learned whatever the API calls it (package mask's one
// rule: its name ends in client-id), so its copies elsewhere are masked too:
// OCB's X-IBM-Client-Id (docs of the OCB profile) as Tingee's X-Client-Id.
// review-final finding 2: only "X-Client-Id" was learned.
func TestAnyClientIDHeadersCopiesAreMasked(t *testing.T) {
	x := exchange("", "POST", "/v1/x", `{}`, 200, `{}`, time.Millisecond)
	x.RequestHeader.Del("X-Client-Id")
	x.RequestHeader.Set("X-IBM-Client-Id", "ibm-app-client-7788")
	files := bundleText(t, withScenario(syntheticRun(), x, evidence.Step{Text: "a request is sent", Error: "sent as ibm-app-client-7788"}))
	for name, text := range files {
		if strings.Contains(text, "ibm-app-client-7788") {
			t.Errorf("%s shows the client id in full", name)
		}
	}
}
