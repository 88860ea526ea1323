Feature: OCB X-Signature — detached JWS, RS256, over the exact body bytes
  X-Signature = base64url(RS256(key, base64url('{"alg":"RS256"}') + "." + base64url(body))), unpadded,
  signature segment only; X-Client-Certificate = the certificate, base64 DER, one line [obs].
  OCB's status for a refused signature is not public [?]: a refusal is any answer but 2xx.

  Background:
    Given the partner's app holds a token

  @must @src-obs @OCB-SIG-01
  Scenario: a correctly signed call is accepted
    When a signed read of the "accounts" package is sent
    Then the call reached OCB's backend

  @must @src-obs @OCB-SIG-02
  Scenario Outline: a call signed wrongly is refused
    When a signed read of the "accounts" package is sent with <mistake>
    Then the call is refused

    Examples:
      | mistake                                    |
      | the body changed after signing             |
      | a signature made with another key          |
      | a certificate that does not match the key  |
      | the protected header {"alg":"RS512"}       |
      | the protected header {"alg":"PS256"}       |
      | the signature padded with =                |
      | the signature in base64 instead of base64url |
      | the whole compact JWS                      |
      | no X-Signature                             |
      | no X-Client-Certificate                    |
      | a PEM-armoured X-Client-Certificate        |

  @should @src-unconfirmed @OCB-SIG-03
  Scenario: a refused signature is answered as a 417 error
    When a signed read of the "accounts" package is sent with the body changed after signing
    Then the answer is a 417 error with type, code, details and location
