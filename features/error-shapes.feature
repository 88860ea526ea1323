@error-shapes
Feature: Documented HTTP error bodies
  The 6.2.2 page documents the body of every HTTP error, NestJS style:
  {"message": …, "error": …, "statusCode": N} for 400, 401, 403, 404, 500 and 501. Each one the
  target can be made to produce is produced here and its body validated against openapi.yaml.
  400, 401 and 404 can always be produced. 403, 500 and 501 need a request that the target's
  fixtures name (fixtures: triggers); where they name none the scenario is skipped, with the
  reason, and never counted as passed.

  @TG-ERR-01 @must @src-seed @doc-6.2.2 @uat-safe
  Scenario: a body that is not JSON answers the documented 400 body
    Given a "getVaPaging" request whose body is not JSON
    When it is sent correctly signed
    Then the target answers HTTP 400 with the documented body

  @TG-ERR-02 @must @src-seed @doc-6.2.2 @uat-safe
  Scenario: an unknown client answers the documented 401 body, or HTTP 200 with a code other than "00"
    Given a valid "getVaPaging" request
    When it is sent with an unknown client id
    Then the target answers HTTP 401 with the documented body, or HTTP 200 with a code other than "00" and data null

  @TG-ERR-03 @must @src-seed @doc-6.2.2 @uat-safe
  Scenario: an unknown path answers the documented 404 body
    Given a request to the unknown path "/v1/conformance-no-such-operation"
    When it is sent correctly signed
    Then the target answers HTTP 404 with the documented body

  @TG-ERR-04 @should @src-unconfirmed @uat-safe
  Scenario: a documented path with the wrong method answers the documented 404 body, or a gateway's 405
    Only a warning: the page documents the 404 body, not what answers a wrong method; a gateway in front may answer 405, which the harness accepts too.
    Given a "getVaPaging" request sent with the method "GET"
    When it is sent correctly signed
    Then the target answers HTTP 404 with the documented body, or a gateway's HTTP 405

  @TG-ERR-05 @must @src-seed @doc-6.2.2 @destructive
  Scenario Outline: the fixtures' trigger for HTTP <status> answers the documented <status> body
    Given the fixtures' trigger for HTTP <status>
    When it is sent correctly signed
    Then the target answers HTTP <status> with the documented body

    Examples:
      | status |
      | 403    |
      | 500    |
      | 501    |
