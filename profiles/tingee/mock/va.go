package mock

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// otpMethod is what create-va reports for an OTP bank: the bank texts the OTP.
const otpMethod = "SMSTTT"

// createVa starts linking a fixture account. An OTP bank "sends" the fixture's OTP; a redirect
// bank answers links and reports the result by webhook (redirect.go). Other banks answer 501.
func (s *server) createVa(c *call) result {
	b := c.bank()
	redirect := slices.Contains(redirectBanks, b.ShortName)
	if !redirect && !slices.Contains(otpBanks, b.ShortName) {
		return documented(http.StatusNotImplemented)
	}
	acct, ok := s.account(b, c.str("accountNumber"))
	if !ok {
		return business(errAccountNotLinked)
	}
	name := c.str("accountName")
	if name == "" {
		name = acct.AccountName
	}
	link := &pendingLink{
		bank:          b,
		accountType:   c.str("accountType"),
		accountNumber: acct.AccountNumber,
		accountName:   name,
		webhookURL:    c.str("webhookUrl"),
		shopID:        c.body["shopId"],
	}
	if redirect {
		id := s.startRedirect(&pendingRedirect{requestID: c.str("requestId"), link: link})
		return success(redirectLinks{DeepLink: deepLink(id), AuthorizeLink: authorizeLink(id)})
	}
	link.pendingOTP = pendingOTP{otp: fixedOTP(acct), bin: b.Bin}
	confirmID := newUUID()
	s.st.links[confirmID] = link
	return success(map[string]any{"confirmId": confirmID, "otpMethod": otpMethod})
}

// account finds the fixture account of a bank by number.
func (s *server) account(b bank, number string) (fixtures.Account, bool) {
	for _, a := range s.fixtures.Accounts {
		if (a.BankBin == b.Bin || a.BankName == b.ShortName) && a.AccountNumber == number && b.Bin != "" {
			return a, true
		}
	}
	return fixtures.Account{}, false
}

// fixedOTP is the OTP of a fixture account (New checked it is fixed:DIGITS).
func fixedOTP(a fixtures.Account) string {
	_, otp, _ := fixtures.ParseOTP(a.OTP)
	return otp
}

// confirmVa (6.2.2, either form) spends the OTP and, when right, activates a VA.
func (s *server) confirmVa(c *call) result {
	link, ok := s.st.links[c.str("confirmId")]
	if !ok {
		return business(errConfirmIDNotFound)
	}
	if c.bank().Bin != link.bin {
		return business(errBankMismatch)
	}
	if fault := link.attempt(c.str("otpNumber")); fault != nil {
		return business(*fault)
	}
	v := s.activate(link, c.now)
	return success(linked{v.accountType, v.bank.ShortName, v.accountNumber, v.number})
}

// activate turns a confirmed link into an active VA.
func (s *server) activate(link *pendingLink, now time.Time) *va {
	s.st.seq++
	v := &va{
		bank: link.bank, accountType: link.accountType, accountName: link.accountName,
		accountNumber: link.accountNumber, number: s.newVANumber(), status: "active",
		webhookURL: link.webhookURL, shopID: link.shopID, otp: link.otp, created: now, seq: s.st.seq,
	}
	s.st.vas[v.number] = v
	return v
}

// linked is the data of confirm-va, keys in the 6.2.2 page's order.
type linked struct {
	AccountType     string `json:"accountType"`
	BankName        string `json:"bankName"`
	AccountNumber   string `json:"accountNumber"`
	VAAccountNumber string `json:"vaAccountNumber"`
}

// newVANumber returns an unused vaAccountNumber: TNG and 11 digits, like TNG60716171228.
func (s *server) newVANumber() string {
	for {
		n := "TNG" + randomDigits(11)
		if _, taken := s.st.vas[n]; !taken {
			return n
		}
	}
}

// activeVA finds a VA by number and checks the bank the call names, if any.
func (s *server) activeVA(c *call, number string) (*va, *businessCode) {
	v, ok := s.st.vas[number]
	if !ok {
		return nil, &errVANotFound
	}
	if bin := c.str("bankBin"); bin != "" && bin != v.bank.Bin {
		return nil, &errBankMismatch
	}
	return v, nil
}

// registerNotify (ACB) asks the bank to notify an account's payments; answered by OTP.
func (s *server) registerNotify(c *call) result {
	v, fault := s.activeVA(c, c.str("vaAccountNumber"))
	if fault != nil {
		return business(*fault)
	}
	if v.bank.ShortName != "ACB" {
		return business(errNotACB)
	}
	confirmID := newUUID()
	s.st.notifys[confirmID] = &pendingOTP{otp: v.otp, bin: v.bank.Bin, vaNum: v.number}
	return success(notifyAnswer(confirmID))
}

// notifyData is the data of register-notify and confirm-register-notify.
type notifyData struct {
	ConfirmID     string `json:"confirmId"`
	AuthorizeLink string `json:"authorizeLink"`
}

func notifyAnswer(confirmID string) notifyData {
	return notifyData{confirmID, authorizeLink(confirmID)}
}

// confirmRegisterNotify spends the register-notify OTP (a missing one counts as wrong).
func (s *server) confirmRegisterNotify(c *call) result {
	p, fault := s.pending(s.st.notifys, c)
	if fault != nil {
		return business(*fault)
	}
	if _, ok := s.st.vas[p.vaNum]; !ok {
		return business(errVANotFound)
	}
	return success(notifyAnswer(c.str("confirmId")))
}

// pending finds a confirmId, checks its bank and spends its OTP.
func (s *server) pending(m map[string]*pendingOTP, c *call) (*pendingOTP, *businessCode) {
	p, ok := m[c.str("confirmId")]
	if !ok {
		return nil, &errConfirmIDNotFound
	}
	if c.str("bankBin") != p.bin {
		return nil, &errBankMismatch
	}
	if fault := p.attempt(c.str("otpNumber")); fault != nil {
		return nil, fault
	}
	return p, nil
}

// deleteVa (query parameters, body {}) starts unlinking a VA: by OTP, or for a redirect bank as
// the notes say (VCB at once, {}; TPB through an authorizeLink), the result sent by webhook.
func (s *server) deleteVa(c *call) result {
	v, fault := s.activeVA(c, c.str("vaAccountNumber"))
	if fault != nil {
		return business(*fault)
	}
	switch v.bank.ShortName {
	case "VCB":
		s.notify(s.unlink(v))
		return success(map[string]any{})
	case "TPB":
		id := s.startRedirect(&pendingRedirect{unlink: v})
		return success(redirectLinks{AuthorizeLink: authorizeLink(id)})
	}
	confirmID := newUUID()
	s.st.deletes[confirmID] = &pendingOTP{otp: v.otp, bin: v.bank.Bin, vaNum: v.number}
	return success(map[string]any{"confirmId": confirmID})
}

// confirmDeleteVa spends the delete OTP and removes the VA.
func (s *server) confirmDeleteVa(c *call) result {
	p, fault := s.pending(s.st.deletes, c)
	if fault != nil {
		return business(*fault)
	}
	if _, ok := s.st.vas[p.vaNum]; !ok {
		return business(errVANotFound)
	}
	delete(s.st.vas, p.vaNum)
	return success(map[string]any{})
}

// vaItem is one row of get-va-paging.
type vaItem struct {
	BankName        string `json:"bankName"`
	BankBin         string `json:"bankBin"`
	AccountType     string `json:"accountType"`
	AccountName     string `json:"accountName"`
	AccountNumber   string `json:"accountNumber"`
	VAAccountNumber string `json:"vaAccountNumber"`
	ShopID          any    `json:"shopId,omitempty"`
	Status          string `json:"status"`
	CreationTime    string `json:"creationTime"`
}

// getVaPaging lists the VAs, oldest first, account numbers masked as live.
func (s *server) getVaPaging(c *call) result {
	var found []*va
	filter := strings.ToLower(c.str("filter"))
	for _, v := range s.st.vas {
		if (c.str("bankBin") == "" || c.str("bankBin") == v.bank.Bin) &&
			(c.str("accountType") == "" || c.str("accountType") == v.accountType) &&
			(filter == "" || strings.Contains(strings.ToLower(v.accountName+" "+v.accountNumber+" "+v.number), filter)) {
			found = append(found, v)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].seq < found[j].seq })
	items := []vaItem{}
	for _, v := range page(found, c) {
		items = append(items, vaItem{
			BankName: v.bank.ShortName, BankBin: v.bank.Bin, AccountType: v.accountType,
			AccountName: v.accountName, AccountNumber: mask(v.accountNumber), VAAccountNumber: v.number,
			ShopID: v.shopID, Status: v.status, CreationTime: v.created.In(signing.Vietnam).Format(time.RFC3339),
		})
	}
	return success(paged{TotalCount: len(found), Items: items})
}

// paged is the data of every paging answer.
type paged struct {
	TotalCount int `json:"totalCount"`
	Items      any `json:"items"`
}

// page cuts skipCount/maxResultCount out of a list.
func page[T any](list []T, c *call) []T {
	skip, size := int(c.int("skipCount")), int(c.int("maxResultCount"))
	if skip >= len(list) {
		return nil
	}
	return list[skip:min(skip+size, len(list))]
}

// mask hides all but the last four characters of an account number, as live (******6789).
func mask(number string) string {
	if len(number) <= 4 {
		return number
	}
	return strings.Repeat("*", len(number)-4) + number[len(number)-4:]
}

// getBanks answers a bare array, not the envelope (live).
func (s *server) getBanks(*call) result {
	return result{http.StatusOK, banksJSON}
}
