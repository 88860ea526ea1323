@qr
Feature: VietQR codes
  generate-viet-qr (doc 6.3) answers a VietQR payload — EMVCo tag-length-value fields with the
  NAPAS GUID, the BIN and the account under tag 38 and a CRC-16/CCITT-FALSE in tag 63 — and the
  same code as a PNG data URL. Dynamic QR codes (doc 6.4) belong to a linked VA: generate, read
  their status, delete.

  @TG-QR-01 @must @src-doc @doc-6.3 @uat-safe
  Scenario: a VietQR is a valid EMVCo payload with a PNG image
    Given a valid "generateVietQr" request
    When it is sent correctly signed
    Then the target answers success with a qrCode
    And the qrCode is a VietQR payload with a valid CRC
    And the qrCodeImage is a PNG data URL

  @TG-QR-03 @should @src-unconfirmed @doc-6.3 @uat-safe
  Scenario: a VietQR carries the requested bank and account under tag 38
    Only a warning: the docs do not say whose account tag 38 names; a target may put a routing account there, and payers would still reach the partner.
    Given a valid "generateVietQr" request
    When it is sent correctly signed
    Then the qrCode carries the requested bank and account under tag 38

  @TG-QR-02 @must @src-doc @destructive @needs-otp
  Scenario: a dynamic QR of a linked VA is generated, read and deleted
    Given a linked VA
    And a valid "generateDynamicQr" request
    When it is sent correctly signed
    Then the target answers success with a billId
    And the target answers success with a qrAccount
    Given a valid "getStatusDynamicQr" request
    When it is sent correctly signed
    Then the answer's data.billInfo.billId is the saved billId
    Given a valid "deleteDynamicQr" request
    When it is sent correctly signed
    Then the target answers success
