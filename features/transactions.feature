@transactions
Feature: Transactions
  transaction/get-paging (doc 6.5) lists the payments into a partner's VAs. A payment is made here
  through the mock's control endpoint POST /_mock/transfers, so these scenarios run only against
  the mock (embedded, or standalone by URL).

  @TG-TXN-01 @must @src-doc @mock-only @destructive @needs-otp
  Scenario: a transfer into a linked VA is listed by transaction/get-paging
    Given a linked VA
    When the mock is told a transfer of 250000 VND reached the VA
    Then get-transaction-paging lists the transfer of 250000 VND to the VA
