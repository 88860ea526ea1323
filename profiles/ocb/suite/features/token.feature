Feature: OCB token endpoint — OAuth 2.0 password grant
  POST /ocb-oauth-provider/oauth2/token, form-encoded [obs]; errors as RFC 6749 §5.2 [oauth].

  @must @src-obs @OCB-TOK-01 @uat-safe
  Scenario: the password grant gives an access token
    When the partner's app asks for a token
    Then the answer is 200
    And the token answer has an access token

  @should @src-unconfirmed @OCB-TOK-02 @uat-safe
  Scenario: the token answer says its type and lifetime
    Only a warning: token_type and expires_in are RFC 6749 §5.1's; OCB's observed answer shows only access_token [obs, ?].
    When the partner's app asks for a token
    Then the token answer says token_type Bearer and a positive expires_in

  @must @src-oauth @OCB-TOK-03
  Scenario Outline: a wrong token request is refused with the OAuth error
    RFC 6749 §5.2: invalid_client may be 400 when the client authenticated in the body (as here; 401 is
    required only for the Authorization header); a grant type the server does not support is
    unsupported_grant_type, or unauthorized_client when this client may not use it.
    When the partner's app asks for a token with <mistake>
    Then the answer is <status> with OAuth error <error>

    @uat-safe
    Examples:
      | mistake                                  | status     | error                                           |
      | a wrong client secret                    | 400 or 401 | "invalid_client"                                |
      | a grant type no server supports          | 400        | "unsupported_grant_type" or "unauthorized_client" |

    # Not @uat-safe: a wrong password may count towards locking the API user, so a live run leaves it out.
    Examples:
      | mistake                                  | status     | error                                           |
      | a wrong password                         | 400        | "invalid_grant"                                 |

  @must @src-apic @OCB-TOK-04 @uat-safe
  Scenario: a token the provider never issued is refused by the gateway
    Given the partner's app holds a token
    When a signed read of the "accounts" package is sent with an invalid token
    Then the answer is 401

  @must @src-apic @mock-only @OCB-TOK-05
  Scenario: an expired token is refused by the gateway
    Given the mock's "short-token" app holds a token
    And the token has expired
    When a signed read of the "accounts" package is sent
    Then the answer is 401
