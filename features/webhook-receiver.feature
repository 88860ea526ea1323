@webhook-receiver
Feature: A partner's webhook receiver
  Tingee POSTs a payment notification to the partner's webhook URL, signed like a request:
  x-signature is hex HMAC-SHA512(secret, x-request-timestamp + ":" + raw body), with x-request-id.
  The receiver must verify the signature over the raw bytes it received, answer HTTP 200
  {"code":"00","message":"Success"} within 10 seconds, and treat a repeated transactionCode as already
  done. Whatever it does not acknowledge that way, Tingee delivers again. (notes, section Webhooks)

  @TG-WH-01 @doc-webhooks
  Scenario: A signed payment notification is acknowledged within the deadline
    Given a payment notification for a new transactionCode
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-02 @doc-webhooks
  Scenario: A repeated transactionCode is acknowledged as already done
    Given a payment notification for a new transactionCode
    And it is delivered signed over its raw bytes
    And the receiver acknowledges it within the deadline
    When the same notification is delivered again, freshly signed
    Then the receiver acknowledges it within the deadline

  @TG-WH-03 @doc-webhooks
  Scenario: The dashboard's unsigned connection test is answered
    When the dashboard's unsigned ping is delivered
    Then the receiver answers HTTP 200

  @TG-WH-04 @doc-webhooks
  Scenario: A notification signed with another secret is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered signed with another secret
    Then the receiver does not acknowledge it as success

  @TG-WH-05 @doc-webhooks
  Scenario: A notification whose body was changed after signing is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered with its amount changed after signing
    Then the receiver does not acknowledge it as success

  @TG-WH-06 @doc-webhooks
  Scenario: A notification without x-request-timestamp is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered without the x-request-timestamp header
    Then the receiver does not acknowledge it as success

  @TG-WH-07 @doc-webhooks
  Scenario: A notification with a malformed timestamp is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered signed with the timestamp "2025-12-01 09:30"
    Then the receiver does not acknowledge it as success

  @TG-WH-08 @doc-webhooks
  Scenario: A notification signed 11 minutes ago is not acknowledged
    Given a payment notification for a new transactionCode
    When it is delivered signed 11 minutes ago
    Then the receiver does not acknowledge it as success

  @TG-WH-09 @doc-webhooks
  Scenario: Malformed JSON does not take the receiver down
    Given a payment notification for a new transactionCode
    When a signed body that is not JSON is delivered
    Then the receiver answers
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-10 @doc-webhooks
  Scenario: Vietnamese text and "/" in content are verified as sent, unescaped
    Given a payment notification for a new transactionCode with content "Thanh toán đơn hàng 12/2025"
    When it is delivered signed over its raw bytes
    Then the receiver acknowledges it within the deadline

  @TG-WH-11 @doc-webhooks
  Scenario: The signature is checked over the bytes received, whatever their formatting
    Given a payment notification for a new transactionCode
    When it is delivered pretty-printed, signed over those bytes
    Then the receiver acknowledges it within the deadline
