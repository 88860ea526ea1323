package certify

import (
	"fmt"
	"net/url"
)

// lifecycle is one flow through the API and how far the client took it.
type lifecycle struct {
	name    string
	stages  []string
	reached int // stages completed
}

// lifecycles follows the two flows a partner certifies (o.mu held): linking a VA through to
// unlinking it, and a dynamic QR through its payment to its status.
func (o *Observer) lifecycles() []lifecycle {
	va := lifecycle{name: "VA link: create-va → confirm-va → get-va-paging → delete-va → confirm-delete-va",
		stages: []string{"create-va answered 00", "confirm-va with its confirmId answered 00", "get-va-paging answered 00",
			"delete-va of that VA answered 00", "confirm-delete-va with its confirmId answered 00"}}
	qr := lifecycle{name: "dynamic QR: generate-dynamic-qr → payment → get-status-dynamic-qr",
		stages: []string{"generate-dynamic-qr answered 00", "a payment into its bill", "get-status-dynamic-qr of the bill after the payment answered 00"}}
	for i, rec := range o.records {
		if data, ok := rec.data(); ok && rec.op == "createVa" {
			va.reached = max(va.reached, o.followVA(fmt.Sprint(data["confirmId"]), o.records[i+1:]))
		}
		if data, ok := rec.data(); ok && rec.op == "generateDynamicQr" {
			qr.reached = max(qr.reached, o.followQR(fmt.Sprint(data["billId"]), rec, o.records[i+1:]))
		}
	}
	return []lifecycle{va, qr}
}

// followVA counts the stages of the VA flow that start with the create-va answered confirmId.
func (o *Observer) followVA(confirmID string, after []*record) int {
	stage, va, deleteID := 1, "", ""
	for _, rec := range after {
		data, ok := rec.data()
		if !ok {
			continue
		}
		switch {
		case stage == 1 && rec.op == "confirmVa" && field(rec.body, "confirmId") == confirmID:
			va, stage = fmt.Sprint(data["vaAccountNumber"]), 2
		case stage == 2 && rec.op == "getVaPaging":
			stage = 3
		case stage == 3 && rec.op == "deleteVa" && queryValue(rec.query, "vaAccountNumber") == va:
			deleteID, stage = fmt.Sprint(data["confirmId"]), 4
		case stage == 4 && rec.op == "confirmDeleteVa" && field(rec.body, "confirmId") == deleteID:
			return 5
		}
	}
	return stage
}

// followQR counts the stages of the QR flow of the bill billID.
func (o *Observer) followQR(billID string, gen *record, after []*record) int {
	var paidAt *payment
	for i, p := range o.payments {
		if p.billID == billID && p.at.After(gen.at) {
			paidAt = &o.payments[i]
			break
		}
	}
	if paidAt == nil {
		return 1
	}
	for _, rec := range after {
		if _, ok := rec.data(); ok && rec.op == "getStatusDynamicQr" && field(rec.body, "billId") == billID && !rec.at.Before(paidAt.at) {
			return 3
		}
	}
	return 2
}

func queryValue(q, name string) string {
	v, _ := url.ParseQuery(q)
	return v.Get(name)
}
