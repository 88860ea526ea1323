Feature: OCB request and answer envelopes, and the 417 error
  Request {"trace":{"clientTransId","clientTimestamp":"yyyyMMddHHmmssSSS"},"data":{…}}; answer
  {"trace":{"clientTransId","bankRefNo","clientTimestamp"},"data":{…}}; business and validation failures are
  HTTP 417 {"trace","error":{"type","code","details","location"}} [obs].

  Background:
    Given the partner's app holds a token

  @must @src-obs @OCB-ENV-01
  Scenario: the answer echoes the trace and adds a bankRefNo
    When a signed read of the "accounts" package is sent
    Then the answer is 200
    And the answer echoes the clientTransId and has a bankRefNo
    And the answer matches the contract

  @must @src-obs @OCB-ENV-02
  Scenario: a business failure is a 417 error
    When a signed read of the "accounts" package is sent for an unknown account
    Then the answer is a 417 error with type, code, details and location
    And the answer matches the contract

  @must @src-obs @OCB-ENV-03
  Scenario: a call without trace is refused
    When a signed read of the "accounts" package is sent with no trace
    Then the call is refused

  @should @src-unconfirmed @OCB-ENV-04
  Scenario: a reused clientTransId is refused
    When a signed read of the "accounts" package is sent
    And the same read is sent again with the same clientTransId
    Then the call is refused

  @should @src-unconfirmed @OCB-ENV-05
  Scenario: a clientTimestamp in another format is refused
    When a signed read of the "accounts" package is sent with a clientTimestamp in ISO 8601
    Then the call is refused
