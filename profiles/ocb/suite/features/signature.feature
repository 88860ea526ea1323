Feature: OCB X-Signature — detached JWS, RS256, over the exact body bytes
  X-Signature = base64url(RS256(key, base64url('{"alg":"RS256"}') + "." + base64url(body))), unpadded,
  signature segment only; X-Client-Certificate = the certificate, base64 DER, one line [obs].
  OCB's status for a refused signature is not public [?]: a refusal is any answer but 2xx.
  That OCB verifies X-Signature at all is inferred from the headers a working integration sends
  [? inferred]. The @must rows below are the mistakes no RS256 verifier accepts whatever certificate it
  uses (the one sent or the one registered for the app) and however it decodes base64url: the signature
  does not verify over these bytes with the app's key, or there is none. Every row that rests on how OCB
  reads the headers is @should.

  Background:
    Given the partner's app holds a token

  @must @src-obs @OCB-SIG-01 @uat-safe
  Scenario: a correctly signed call is accepted
    When a signed read of the "accounts" package is sent
    Then the call reached OCB's backend

  @must @src-obs @OCB-SIG-02 @uat-safe
  Scenario Outline: a call whose signature cannot verify is refused
    When a signed read of the "accounts" package is sent with <mistake>
    Then the call is refused

    Examples:
      | mistake                                    |
      | the body changed after signing             |
      | a signature made with another key          |
      | the protected header {"alg":"RS512"}       |
      | the protected header {"alg":"PS256"}       |
      | no X-Signature                             |

  @should @src-unconfirmed @OCB-SIG-04 @uat-safe
  Scenario Outline: a call whose headers are written wrongly is refused
    Only a warning: the notes say only that the partner sends these headers [obs]; that OCB verifies with
    the certificate sent (not the one registered for the app), requires it, parses it strictly, or decodes
    the signature strictly (Java's Base64.getUrlDecoder() accepts "=" padding) is [? inferred].
    When a signed read of the "accounts" package is sent with <mistake>
    Then the call is refused

    Examples:
      | mistake                                      |
      | a certificate that does not match the key    |
      | the signature padded with =                  |
      | the signature in base64 instead of base64url |
      | the whole compact JWS                        |
      | no X-Client-Certificate                      |
      | a PEM-armoured X-Client-Certificate          |

  @should @src-unconfirmed @OCB-SIG-03 @uat-safe
  Scenario: a refused signature is answered as a 417 error
    Only a warning: OCB's answer to a refused signature is not public [?].
    When a signed read of the "accounts" package is sent with the body changed after signing
    Then the answer is a 417 error with type, code, details and location
