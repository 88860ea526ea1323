@bank-link
Feature: Linking a bank account as a VA
  create-va starts a link and the bank sends the account holder an OTP; confirm-va (doc 6.2.2)
  takes that OTP in either of its documented forms — the 6.2.2 page's (bankName, confirmId,
  otpNumber) or the newer docs' (bankBin, confirmId, otpNumber) — and answers the new
  vaAccountNumber; get-va-paging lists it; delete-va (query parameters, signed body "{}") and
  confirm-delete-va unlink it. An OTP is spent by its first attempt, right or wrong; an unknown
  confirmId is a business error (HTTP 200, a non-"00" code, data null). The account and how its
  OTP arrives come from the target's fixtures: without an account the scenarios are skipped, with
  the reason.

  @TG-LINK-01 @must @src-doc @doc-6.2.2 @destructive @needs-otp
  Scenario Outline: a VA goes through its whole life with confirm-va in the <form> form
    Given the fixtures name an account to link
    When I start linking the account with create-va
    Then the target answers success with a confirmId
    When I confirm the link with the bank's OTP in the <form> form
    Then the target answers success with a vaAccountNumber
    And the VA is listed by get-va-paging
    When I start unlinking the VA with delete-va
    Then the target answers success with a confirmId
    When I confirm the unlink with the bank's OTP
    Then the target answers success
    And the VA is no longer listed by get-va-paging

    Examples:
      | form     |
      | bankName |
      | bankBin  |

  @TG-LINK-02 @must @src-live @destructive @needs-otp
  Scenario: a wrong OTP is a business error
    Given the fixtures name an account to link
    When I start linking the account with create-va
    Then the target answers success with a confirmId
    When I confirm the link with a wrong OTP
    Then the target answers a business error

  @TG-LINK-03 @must @src-live @destructive @needs-otp
  Scenario: an OTP is spent by its first attempt, right or wrong
    Given the fixtures name an account to link
    When I start linking the account with create-va
    Then the target answers success with a confirmId
    When I confirm the link with a wrong OTP
    Then the target answers a business error
    When I confirm the link with the bank's OTP in the bankBin form
    Then the target answers a business error

  @TG-LINK-04 @must @src-live @uat-safe
  Scenario: an unknown confirmId is a business error
    When I confirm a link with an unknown confirmId
    Then the target answers a business error
