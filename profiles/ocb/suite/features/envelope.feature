Feature: OCB request and answer envelopes, and the 417 error
  Request {"trace":{"clientTransId","clientTimestamp":"yyyyMMddHHmmssSSS"},"data":{…}}; answer
  {"trace":{"clientTransId","bankRefNo","clientTimestamp"},"data":{…}}; business and validation failures are
  HTTP 417 {"trace","error":{"type","code","details","location"}} [obs].

  Background:
    Given the partner's app holds a token

  @must @src-obs @OCB-ENV-01 @uat-safe
  Scenario: the answer echoes the trace and adds a bankRefNo
    The probes file's accounts read names an account of the company's own (README): then the answer is 200.
    With the shipped placeholder account OCB's backend may answer 417 (an account the app does not own);
    a 200 or a 417 both reached the backend [apic], and a 417 is then checked as the 417 error [obs].
    When a signed read of the "accounts" package is sent
    Then the answer is 200, or 417 when the probe's account is the placeholder
    And a 200 echoes the clientTransId and has a bankRefNo
    And the answer matches the contract

  @should @src-unconfirmed @OCB-ENV-02 @uat-safe
  Scenario: a business failure is a 417 error
    Only a warning: 417 is the observed answer to a business failure [obs], but no source shows what
    accounts/details answers for an account it does not know (a 200 with no data is as likely) [?].
    When a signed read of the "accounts" package is sent for an unknown account
    Then the answer is a 417 error with type, code, details and location
    And the answer matches the contract

  @should @src-unconfirmed @OCB-ENV-03 @uat-safe
  Scenario: a call without trace is refused
    Only a warning: every observed request has a trace [obs], but no source shows OCB refusing one without [?].
    When a signed read of the "accounts" package is sent with no trace
    Then the call is refused

  @should @src-unconfirmed @OCB-ENV-04 @uat-safe
  Scenario: a reused clientTransId is refused
    Only a warning: clientTransId unique per request is the observed practice [obs]; no source shows OCB refusing a reuse [?].
    When a signed read of the "accounts" package is sent
    And the same read is sent again with the same clientTransId
    Then the call is refused

  @should @src-unconfirmed @OCB-ENV-05 @uat-safe
  Scenario: a clientTimestamp in another format is refused
    Only a warning: yyyyMMddHHmmssSSS is the observed format [obs]; no source shows OCB refusing another [?].
    When a signed read of the "accounts" package is sent with a clientTimestamp in ISO 8601
    Then the call is refused
