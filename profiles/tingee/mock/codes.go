package mock

// businessCode is a business failure: HTTP 200, a 4-digit code in 1001–1076 and data null.
// features/fixtures/mock.yaml lists the same codes under businessCodes (a test keeps them in step).
type businessCode struct{ code, message string }

var (
	errConfirmIDNotFound = businessCode{"1001", "confirmId not found"}
	errOTPWrong          = businessCode{"1002", "OTP is wrong"}
	errOTPSpent          = businessCode{"1003", "OTP already used"}
	errAccountNotLinked  = businessCode{"1004", "bank account cannot be linked"}
	errVANotFound        = businessCode{"1005", "VA not found"}
	errBankMismatch      = businessCode{"1006", "bank does not match"}
	errBillNotFound      = businessCode{"1007", "bill not found"}
	errNotACB            = businessCode{"1008", "register-notify is for ACB VAs only"}
	errTimeWindow        = businessCode{"1009", "time window longer than 10 days"}
)

// businessCodes lists every business code the mock answers with.
var businessCodes = []businessCode{
	errConfirmIDNotFound, errOTPWrong, errOTPSpent, errAccountNotLinked, errVANotFound,
	errBankMismatch, errBillNotFound, errNotACB, errTimeWindow,
}
