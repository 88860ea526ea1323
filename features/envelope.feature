@envelope
Feature: The answer envelope
  Every answer is JSON (Content-Type application/json). A success is HTTP 200 with code "00" and a
  data object valid against the operation's schema in openapi.yaml; a business failure is also
  HTTP 200, with a code other than "00" and data null — a client must read code, not only the
  HTTP status (doc 6.2.2 "Response"; docs/tingee-api-notes.md "Answers"). get-banks answers a bare array.

  @TG-ENV-01 @must @src-doc @uat-safe
  Scenario: a success is code "00" with schema-valid data
    Given a valid "getVaPaging" request
    When it is sent correctly signed
    Then the target answers success
    And every answer is JSON

  @TG-ENV-02 @must @src-live @uat-safe
  Scenario: get-banks answers the banks, as a bare array or in the envelope
    Given a valid "getBanks" request
    When it is sent correctly signed
    Then the target answers success
    And every answer is JSON

  @TG-ENV-03 @must @src-live @uat-safe
  Scenario: a business error is a non-"00" code with data null
    When I confirm a link with an unknown confirmId
    Then the target answers a business error
    And every answer is JSON

  @TG-ENV-04 @must @src-live @uat-safe
  Scenario: a signature refusal (code 97, or HTTP 401) is JSON too
    Given a valid "getVaPaging" request
    When it is signed with another secret
    Then the request is refused as a bad signature: code 97, or HTTP 401
    And every answer is JSON

  @TG-ENV-05 @must @src-doc @destructive @needs-otp
  Scenario: get-va-paging honours skipCount and maxResultCount
    Given a linked VA
    Then get-va-paging honours skipCount and maxResultCount
