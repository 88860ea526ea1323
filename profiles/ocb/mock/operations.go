package mock

import (
	"encoding/json"
	"fmt"
)

// operation answers a package's call with its data, or a business failure.
// accounts/details is the one operation with a public shape [obs]; the other
// packages' probes answer an empty result [?].
func (m *Mock) operation(pkg string, data json.RawMessage) (any, *failure) {
	if pkg != "accounts" {
		return map[string]any{}, nil
	}
	var req struct {
		AccountNumbers []string `json:"accountNumbers"`
	}
	if json.Unmarshal(data, &req) != nil || len(req.AccountNumbers) == 0 {
		return nil, &failure{"MISSING_ACCOUNT_NUMBERS", "data.accountNumbers must list at least one account", "data.accountNumbers"}
	}
	accounts := make([]map[string]string, 0, len(req.AccountNumbers))
	for i, n := range req.AccountNumbers {
		if !m.accounts[n] {
			return nil, &failure{"ACCOUNT_NOT_FOUND", "no such account for this customer", fmt.Sprintf("data.accountNumbers[%d]", i)}
		}
		accounts = append(accounts, map[string]string{
			"accountNumber": n, "accountName": "CONG TY TEST (MOCK)", "currency": "VND", "availableBalance": "100000000",
		})
	}
	return map[string]any{"accounts": accounts}, nil
}
