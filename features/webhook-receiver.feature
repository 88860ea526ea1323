@webhook-receiver
Feature: A partner's webhook receiver
  Tingee POSTs a payment notification to the partner's webhook URL, signed like a request:
  x-signature is hex HMAC-SHA512(secret, x-request-timestamp + ":" + raw body), with x-request-id.
  The receiver must verify the signature over the raw bytes it received, answer HTTP 200
  {"code":"00","message":"Success"} within 10 seconds, and treat a repeated transactionCode as already
  done. Whatever it does not acknowledge that way, Tingee delivers again. (notes, section Webhooks)

  @TG-WH-01 @must @src-doc
  Scenario: A signed payment notification is acknowledged within the deadline
    Given a payment notification for a new transactionCode
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-02 @must @src-doc
  Scenario: A repeated transactionCode is acknowledged as already done (code 00 or 02)
    Given a payment notification for a new transactionCode
    And it is delivered signed over its raw bytes
    And the receiver acknowledges it within the deadline
    When the same notification is delivered again, freshly signed
    Then the receiver acknowledges it as already done within the deadline

  @TG-WH-03 @should @src-live
  Scenario: The dashboard's unsigned connection test is answered
    Only a warning: a receiver that refuses the unsigned ping (as one built on the SDK verifier does) fails the dashboard's connection test, but loses no payment.
    When the dashboard's unsigned ping is delivered
    Then the receiver answers HTTP 200

  @TG-WH-04 @must @src-doc
  Scenario: A notification signed with another secret is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered signed with another secret
    Then the receiver does not acknowledge it as success

  @TG-WH-05 @must @src-doc
  Scenario: A notification whose body was changed after signing is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered with its amount changed after signing
    Then the receiver does not acknowledge it as success

  @TG-WH-06 @must @src-doc
  Scenario: A notification without x-request-timestamp is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered without the x-request-timestamp header
    Then the receiver does not acknowledge it as success

  @TG-WH-07 @must @src-doc
  Scenario: A notification with a malformed timestamp is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered signed with the timestamp "2025-12-01 09:30"
    Then the receiver does not acknowledge it as success

  @TG-WH-08 @should @src-unconfirmed
  Scenario: A notification signed 11 minutes ago is not acknowledged
    Only a warning: no doc asks for a timestamp window and no SDK verifier has one; accepting old timestamps lets a captured notification be replayed, while rejecting them risks dropping a genuine retry.
    Given a payment notification for a new transactionCode
    When it is delivered signed 11 minutes ago
    Then the receiver does not acknowledge it as success

  @TG-WH-09 @should @src-unconfirmed
  Scenario: Malformed JSON does not take the receiver down
    Only a warning: Tingee sends JSON, so only a forged or broken delivery is malformed; a receiver that then fails stops acknowledging genuine notifications until it recovers.
    Given a payment notification for a new transactionCode
    When a signed body that is not JSON is delivered
    Then the receiver answers
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-10 @must @src-doc
  Scenario: Vietnamese text and "/" in content are verified as sent, unescaped
    Given a payment notification for a new transactionCode with content "Thanh toán đơn hàng 12/2025"
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-11 @should @src-unconfirmed
  Scenario: The signature is checked over the bytes received, whatever their formatting
    Only a warning: the Node, Java and PHP SDK verifiers re-serialise the body, which matches Tingee's minified JSON; it breaks only if Tingee ever sends other formatting.
    Given a payment notification for a new transactionCode
    When it is delivered pretty-printed, signed over those bytes
    Then the receiver acknowledges it within the deadline
