Feature: OCB gateway answers (IBM API Connect)
  Before a call reaches OCB's backend, API Connect may answer 401, 403, 404, 405, 429 or 503 [apic].

  Background:
    Given the partner's app holds a token

  @must @src-apic @OCB-GW-01 @uat-safe
  Scenario Outline: the gateway refuses a call before the backend
    When a signed read of the "accounts" package is sent with <mistake>
    Then the answer is <status>

    Examples:
      | mistake                        | status |
      | an unknown X-IBM-Client-Id     | 401    |
      | a wrong X-IBM-Client-Secret    | 401    |
      | the path /v1/no-such-api       | 404    |
      | the method GET                 | 405    |

  @should @src-apic @OCB-GW-02 @uat-safe
  Scenario: the gateway's refusal has API Connect's body
    Only a warning: this body is what API Connect gateways have been seen to send [apic]; a gateway may customise it.
    When a signed read of the "accounts" package is sent with an unknown X-IBM-Client-Id
    Then the answer is API Connect's error body with httpCode "401"

  @must @src-apic @mock-only @OCB-GW-03
  Scenario: a package the app is not subscribed to is refused with 403
    Given the mock's "accounts-only" app holds a token
    When a signed read of the "saving" package is sent
    Then the answer is 403

  @must @src-apic @mock-only @OCB-GW-04
  Scenario: an app that is not active is refused with 403
    Given the mock's "unapproved" app
    When a signed read of the "accounts" package is sent
    Then the answer is 403

  @must @src-apic @mock-only @OCB-GW-05
  Scenario: the plan's rate limit is answered with 429
    Given the mock's "rate-limited" app holds a token
    When the "utility" package is read 3 times
    Then the answer is 429
