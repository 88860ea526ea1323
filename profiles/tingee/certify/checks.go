package certify

import "github.com/tingee-conformance/harness/internal/evidence"

// Level says what a broken check costs: MUST fails the certification, SHOULD only warns.
type Level string

// The two levels (see docs/certify-client.md, "Levels and sources").
const (
	Must   Level = "MUST"
	Should Level = "SHOULD"
)

// Check is one rule a partner's client is graded on, with the source that makes it a rule.
type Check struct {
	ID        string
	Statement string
	Level     Level
	Source    string // one of evidence.Sources: seed, doc, live, sdk, unconfirmed
	Basis     string // what the source says, or what the rule is inferred from
}

// The checks made on every request (docs/certify-client.md lists them with their sources).
var (
	checkPath        = Check{"CC-PATH-01", "the path is an operation of the contract, /v1/<action> or /v1/bank/<action>, with its method", Must, "doc", "openapi.yaml; /v1/bank/ is what all four official SDKs call"}
	checkHeaders     = Check{"CC-HDR-01", "x-client-id, x-request-timestamp and x-signature are sent", Must, "doc", "Request signing"}
	checkClientID    = Check{"CC-HDR-02", "x-client-id is the partner's client id", Must, "doc", "Request signing"}
	checkContentType = Check{"CC-HDR-03", "a request with a body sends Content-Type: application/json", Must, "doc", "Request signing"}
	checkCTBodyless  = Check{"CC-HDR-04", "a request without a body still sends Content-Type: application/json", Should, "unconfirmed", "the docs list it on every call; nothing shows a bodyless call refused without it"}
	checkTSFormat    = Check{"CC-TS-01", "x-request-timestamp is yyyyMMddHHmmssSSS, 17 digits", Must, "doc", "Request signing"}
	checkTSWindow    = Check{"CC-TS-02", "x-request-timestamp is Vietnam time (UTC+7) within ±10 minutes of the server's clock", Must, "doc", "Java and C# SDK comments; live: code 90 outside the window"}
	checkSignature   = Check{"CC-SIG-01", `x-signature is HMAC-SHA512 over "timestamp:" + the exact body bytes sent ("{}" when there is none)`, Must, "doc", `Request signing; live: "" is refused`}
	checkLowerHex    = Check{"CC-SIG-02", "x-signature is lower-case hex", Should, "unconfirmed", "the docs say lower case; whether Tingee refuses upper case is unconfirmed"}
	checkBody        = Check{"CC-BODY-01", "the body is a JSON object the contract accepts: required fields, types, enums", Must, "doc", "openapi.yaml"}
	checkExtraFields = Check{"CC-BODY-02", "the body sends only documented fields", Should, "unconfirmed", "the docs do not say an unknown field is refused"}
	checkMinified    = Check{"CC-BODY-03", `the body is minified JSON with "/" unescaped, as the official SDKs send it (JSON.stringify)`, Should, "sdk", "JSON.stringify output; a body signed as sent verifies either way"}
	checkDeleteVa    = Check{"CC-DEL-01", `delete-va sends its parameters in the query string and signs the body "{}"`, Must, "doc", "delete-va; live"}
	checkActsOnData  = Check{"CC-FLT-05", "a confirm call uses a confirmId (or billId) a \"00\" answer gave, not one after a non-\"00\" answer", Must, "doc", "confirm-va takes the confirmId create-va returned"}
)

// The checks made on the client's moves after a fault drill.
var (
	checkResign   = Check{"CC-FLT-01", "after code 90 the client re-signs with a fresh timestamp (or does not retry)", Should, "unconfirmed", "inference: the same timestamp can only be refused again"}
	checkNoLoop97 = Check{"CC-FLT-02", "after code 97 the client does not repeat the request again and again", Should, "unconfirmed", "good practice: 97 is a wrong secret or body, a retry cannot fix it"}
	checkNoBlind  = Check{"CC-FLT-03", "after a timeout or a 500 the client does not repeat a write blindly (same request, no read in between)", Must, "doc",
		"an inference from [doc] each create-va answers a new confirmId (a repeat opens a second link) and [live] an OTP is spent by its first attempt: no source states the rule itself"}
	checkNoBlind503 = Check{"CC-FLT-06", "after a 503 the client does not repeat a write blindly (same request, no read in between)", Should, "unconfirmed",
		"a 503 from a gateway usually means the request was not carried out (and the drill carried out nothing), so a repeat is likely harmless"}
	checkBackoff = Check{"CC-FLT-04", "after a timeout or a 5xx the client waits before it retries a read", Should, "unconfirmed", "good practice"}
)

// The checks on flows and webhooks.
var (
	checkLifecycle = Check{"CC-FLOW-01", "the client completed the lifecycle", Should, "doc", "the operations' order; a lifecycle not exercised is not certified"}
	checkWebhook   = Check{"CC-WH-01", `the partner's receiver acknowledged each payment webhook with HTTP 200 and code "00"`, Must, "doc", "Webhooks: only 200 + code 00 counts as delivered"}
)

// tags are the check's tags in the report, as a feature's scenario carries them: the requirement,
// the level and the source.
func (c Check) tags() []string {
	level := "@" + evidence.LevelMust
	if c.Level == Should {
		level = "@" + evidence.LevelShould
	}
	return []string{"@" + c.ID, level, "@src-" + c.Source}
}

// label is the check as a step reads it: id, level, source and basis, statement.
func (c Check) label() string {
	return c.ID + " [" + string(c.Level) + " · " + c.Source + ": " + c.Basis + "] " + c.Statement
}

// outcome is one check applied to one thing the client did.
type outcome struct {
	check  Check
	ok     bool
	detail string // what was seen; for a broken check, the cause
}

// broken reports whether the outcome fails the certification.
func (o outcome) broken() bool { return !o.ok && o.check.Level == Must }

// warns reports whether the outcome is a warning.
func (o outcome) warns() bool { return !o.ok && o.check.Level == Should }
