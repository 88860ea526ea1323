package mock

import "strings"

// bank is one row of get-banks, from the bank table of docs/tingee-api-notes.md.
type bank struct {
	Code               string `json:"code"`
	Name               string `json:"name"`
	ShortName          string `json:"shortName"`
	Bin                string `json:"bin"`
	URLLogo            string `json:"urlLogo"`
	TermsAndConditions terms  `json:"termsAndConditions"`
}

type terms struct {
	URL   string `json:"url"`
	URLVA string `json:"urlVA"`
}

// placeholderHost serves nothing: the mock's logo and terms links only need to be well-formed URLs.
const placeholderHost = "https://mock.tingee.invalid"

func newBank(short, bin, name string) bank {
	slug := strings.ToLower(short)
	return bank{
		Code: short, Name: name, ShortName: short, Bin: bin,
		URLLogo: placeholderHost + "/logos/" + slug + ".png",
		TermsAndConditions: terms{
			URL:   placeholderHost + "/terms/" + slug,
			URLVA: placeholderHost + "/terms/" + slug + "/va",
		},
	}
}

// banks are the banks of the notes that have a BIN (NEXTPAY has none).
var banks = []bank{
	newBank("OCB", "970448", "Ngân hàng TMCP Phương Đông"),
	newBank("BIDV", "970418", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
	newBank("MBB", "970422", "Ngân hàng TMCP Quân đội"),
	newBank("ACB", "970416", "Ngân hàng TMCP Á Châu"),
	newBank("VPB", "970432", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
	newBank("PGB", "970430", "Ngân hàng TMCP Thịnh vượng và Phát triển"),
	newBank("VIB", "970441", "Ngân hàng TMCP Quốc tế Việt Nam"),
	newBank("STB", "970403", "Ngân hàng TMCP Sài Gòn Thương Tín"),
	newBank("CTG", "970415", "Ngân hàng TMCP Công thương Việt Nam"),
	newBank("VCB", "970436", "Ngân hàng TMCP Ngoại thương Việt Nam"),
	newBank("AGRIBANK", "970405", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
	newBank("SHINHAN", "970424", "Ngân hàng TNHH MTV Shinhan Việt Nam"),
	newBank("COB", "970446", "Ngân hàng Hợp tác xã Việt Nam"),
	newBank("MSB", "970426", "Ngân hàng TMCP Hàng Hải Việt Nam"),
	newBank("TPB", "970423", "Ngân hàng TMCP Tiên Phong"),
}

// banksJSON is the get-banks answer, encoded once: the table never changes.
var banksJSON = mustEncode(banks)

// Enumerations of the notes.
var (
	bankNames      = []string{"OCB", "BIDV", "MBB", "ACB", "VPB", "PGB", "VIB", "STB", "CTG", "VCB", "AGRIBANK", "SHINHAN", "COB", "MSB", "NEXTPAY", "TPB"}
	confirmVaBanks = []string{"OCB", "MBB", "BIDV", "ACB", "VPB"} // the 6.2.2 page
	vietQrBanks    = []string{"OCB", "MBB", "BIDV", "ACB", "CTG", "PGB", "STB"}
	otpBanks       = confirmVaBanks         // create-va banks that link by OTP; the others answer 501
	redirectBanks  = []string{"VCB", "TPB"} // linked through a redirect, the result sent by webhook
	accountTypes   = []string{"personal-account", "business-account", "business-household-account"}
	qrCodeTypes    = []string{"dynamic-one-time-payment", "dynamic-recurring-payment"}
	bankBins       = binsOf(banks)
)

func binsOf(bs []bank) []string {
	bins := make([]string, len(bs))
	for i, b := range bs {
		bins[i] = b.Bin
	}
	return bins
}

// bankBy finds a bank by short name or BIN.
func bankBy(nameOrBin string) (bank, bool) {
	for _, b := range banks {
		if b.ShortName == nameOrBin || b.Bin == nameOrBin {
			return b, true
		}
	}
	return bank{}, false
}

// bankShortName is the short name of a bank named by BIN or short name, "" when unknown.
func bankShortName(nameOrBin string) string {
	b, _ := bankBy(nameOrBin)
	return b.ShortName
}
