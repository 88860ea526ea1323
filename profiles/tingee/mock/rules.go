package mock

// The request rules of each operation, from the operations table of docs/tingee-api-notes.md
// (a `*` there is required here). Anything not listed is rejected.

var (
	merchantID     = field{name: "merchantId", kind: kInt}
	bankBinField   = field{name: "bankBin", kind: kString, enum: bankBins}
	bankBinNeeded  = field{name: "bankBin", kind: kString, enum: bankBins, required: true}
	confirmIDField = field{name: "confirmId", kind: kString, required: true}
	otpField       = field{name: "otpNumber", kind: kString, required: true}
	skipCount      = field{name: "skipCount", kind: kInt, required: true}
	maxResultCount = field{name: "maxResultCount", kind: kInt, required: true, min: 1, max: 1000}
	eitherBank     = [][]string{{"bankBin", "bankName"}}
)

var createVaRules = rules{fields: []field{
	{name: "accountType", kind: kString, required: true, enum: accountTypes},
	bankBinField,
	{name: "bankName", kind: kString, enum: bankNames},
	{name: "accountNumber", kind: kString, required: true},
	{name: "accountName", kind: kString},
	{name: "identity", kind: kString},
	{name: "mobile", kind: kString, format: validMobile},
	{name: "isNotifyAccountNumber", kind: kBool},
	{name: "webhookUrl", kind: kString, format: validURL("webhookUrl")},
	{name: "appType", kind: kString},
	{name: "redirectUrl", kind: kString, format: validURL("redirectUrl")},
	{name: "requestId", kind: kString},
	merchantID,
	{name: "shopId", kind: kAny},
	{name: "otpMethod", kind: kString, enum: []string{"SMSTTT", "SmartOTP", "mCode"}},
	{name: "vaPrefix", kind: kString},
	{name: "vaSuffix", kind: kString},
}, oneOf: eitherBank}

// confirmVaRules accept both forms: the 6.2.2 page (bankName, otpNumber required) and the
// newer docs (bankBin; otpNumber optional, a missing one is a wrong OTP).
var confirmVaRules = rules{fields: []field{
	{name: "bankName", kind: kString, enum: confirmVaBanks},
	bankBinField, confirmIDField, {name: "otpNumber", kind: kString}, merchantID,
}, oneOf: eitherBank, needs: map[string]string{"bankName": "otpNumber"}}

var registerNotifyRules = rules{fields: []field{
	{name: "vaAccountNumber", kind: kString, required: true}, bankBinField, merchantID,
}}

// confirmRegisterNotifyRules: otpNumber is optional in the docs; a missing one is a wrong OTP.
var confirmRegisterNotifyRules = rules{fields: []field{
	bankBinNeeded, confirmIDField, {name: "otpNumber", kind: kString}, merchantID,
}}

// deleteVaQuery: delete-va carries its parameters in the query string and signs the body {}.
var deleteVaQuery = rules{fields: []field{
	{name: "bankBin", kind: kString, enum: bankBins},
	{name: "vaAccountNumber", kind: kString, required: true},
	{name: "merchantId", kind: kDigits},
}}

var confirmDeleteVaRules = rules{fields: []field{bankBinNeeded, confirmIDField, otpField, merchantID}}

var getVaPagingRules = rules{fields: []field{
	skipCount, maxResultCount,
	{name: "filter", kind: kString},
	{name: "sorting", kind: kString},
	bankBinField,
	{name: "accountType", kind: kString, enum: accountTypes},
	merchantID,
}}

var generateVietQrRules = rules{fields: []field{
	{name: "bankName", kind: kString, enum: vietQrBanks},
	bankBinField,
	{name: "accountNumber", kind: kString, required: true, format: maxLen("accountNumber", 19)},
	{name: "amount", kind: kInt},
	{name: "content", kind: kString, format: maxLen("content", 50)},
}, oneOf: eitherBank}

var generateDynamicQrRules = rules{fields: []field{
	{name: "vaAccountNumber", kind: kString, required: true},
	{name: "qrCodeType", kind: kString, required: true, enum: qrCodeTypes},
	bankBinNeeded,
	{name: "amount", kind: kInt, required: true},
	{name: "expireInMinute", kind: kInt, required: true, min: 1, max: 43200},
	{name: "purpose", kind: kString, format: maxLen("purpose", 50)},
	{name: "extraInfo", kind: kAny},
	merchantID,
}}

// billRules serve delete-dynamic-qr and get-status-dynamic-qr.
var billRules = rules{fields: []field{
	{name: "qrAccount", kind: kString, required: true},
	{name: "billId", kind: kString, required: true},
	merchantID,
}}

var getTransactionPagingRules = rules{fields: []field{
	skipCount, maxResultCount,
	{name: "startTime", kind: kString, format: validTime("startTime")},
	{name: "endTime", kind: kString, format: validTime("endTime")},
	{name: "vaAccountNumbers", kind: kStrings},
	bankBinField,
	{name: "billId", kind: kString},
	merchantID,
}}
