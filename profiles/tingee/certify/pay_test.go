package certify

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// Pay (the --pay-every schedule) pays the client's newest bill, which completes the dynamic-QR
// lifecycle once the client asks for the bill's status; before any VA it has nothing to pay.
func TestPayCompletesTheQRLifecycle(t *testing.T) {
	o, err := New(Config{ClientID: testClientID, Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(o)
	defer srv.Close()
	if err := o.Pay(); !errors.Is(err, ErrNothingToPay) {
		t.Fatalf("Pay before any VA: %v, want ErrNothingToPay", err)
	}
	c := &sampleClient{base: srv.URL, clientID: testClientID, secret: testSecret, prefix: "/v1/"}
	created, err := c.call(http.MethodPost, "create-va", "", map[string]any{"accountType": "personal-account", "bankBin": "970448", "accountNumber": "0123456789"})
	if err != nil {
		t.Fatal(err)
	}
	linked, err := c.call(http.MethodPost, "confirm-va", "", map[string]any{"bankBin": "970448", "confirmId": created["confirmId"], "otpNumber": "123456"})
	if err != nil {
		t.Fatal(err)
	}
	qr, err := c.call(http.MethodPost, "generate-dynamic-qr", "", map[string]any{
		"vaAccountNumber": linked["vaAccountNumber"], "qrCodeType": "dynamic-one-time-payment", "bankBin": "970448", "amount": 25000, "expireInMinute": 15})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Pay(); err != nil {
		t.Fatalf("Pay: %v", err)
	}
	status, err := c.call(http.MethodPost, "get-status-dynamic-qr", "", map[string]any{"qrAccount": qr["qrAccount"], "billId": qr["billId"]})
	if err != nil {
		t.Fatal(err)
	}
	if bill, _ := status["billInfo"].(map[string]any); fmt.Sprint(bill["totalAmountPaid"]) != "25000" {
		t.Errorf("the bill was not paid its amount: %v", status)
	}
	found := false
	for _, sc := range o.Scenarios() {
		if sc.URI == "certify-client:lifecycle/2" {
			found = true
			if sc.Status != evidence.Passed {
				t.Errorf("QR lifecycle %s: %s", sc.Status, sc.SkipReason)
			}
		}
	}
	if !found {
		t.Error("no QR lifecycle scenario")
	}
}
