package suite

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/cucumber/godog"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/profiles/tingee/suite/payload"
)

// transfersPath is the mock's control endpoint that simulates a payment into a VA.
const transfersPath = "/_mock/transfers"

func registerTransferSteps(sc *godog.ScenarioContext) {
	sc.Step(`^the mock is told a transfer of (\d+) VND reached the VA$`, mockTransfer)
	sc.Step(`^get-transaction-paging lists the transfer of (\d+) VND to the VA$`, transferListed)
}

func mockTransfer(ctx context.Context, amount int64) error {
	w := getWorld(ctx)
	w.saved["content"] = "conformance " + randomHex()
	body := map[string]any{"vaAccountNumber": w.saved["vaAccountNumber"], "amount": amount, "content": w.saved["content"]}
	w.prepare("a simulated transfer")
	x, err := w.send(ctx, "a simulated transfer", client.Request{Method: http.MethodPost, Path: transfersPath, Body: payload.Marshal(body), Control: true})
	if err == nil && x.Status != http.StatusOK {
		return w.brokenf(x, "mock control", "the mock refused the simulated transfer")
	}
	return err
}

func transferListed(ctx context.Context, amount int64) error {
	w := getWorld(ctx)
	if err := w.use("getTransactionPaging"); err != nil {
		return err
	}
	const page = 100
	for skip := 0; ; skip += page {
		if err := w.sendJSON(ctx, "transaction/get-paging", map[string]any{"skipCount": skip, "maxResultCount": page}, nil); err != nil {
			return err
		}
		e, err := w.success()
		if err != nil {
			return err
		}
		var data struct {
			TotalCount int `json:"totalCount"`
			Items      []struct {
				VAAccountNumber string  `json:"vaAccountNumber"`
				Amount          float64 `json:"amount"`
				Content         string  `json:"content"`
			} `json:"items"`
		}
		if err := json.Unmarshal(e.Data, &data); err != nil {
			return w.brokenf(w.last(), "transaction/get-paging data", "cannot read data: %v", err)
		}
		for _, t := range data.Items {
			if t.VAAccountNumber == w.saved["vaAccountNumber"] && int64(t.Amount) == amount && t.Content == w.saved["content"] {
				return nil
			}
		}
		if len(data.Items) == 0 || skip+page >= data.TotalCount {
			return w.brokenf(w.last(), "transaction/get-paging items", "expected the transfer of %d VND to %s (content %q) in the list", amount, w.saved["vaAccountNumber"], w.saved["content"])
		}
	}
}
