@validation
Feature: Request validation
  A request that breaks its operation's schema is refused with HTTP 400 and the documented body (doc
  6.2.2 "400: Bad Request"); a message naming the field (NestJS ValidationPipe) is noted, not required.
  The negative data is not listed here: it is GENERATED from openapi.yaml at run time. For the
  operation of each row, the step walks the request schema (body properties, allOf merged, the
  anyOf/oneOf branch the sample satisfies, nested objects; and query parameters) and derives from
  a valid sample one case per required field left out, per field given a value of another JSON
  type, and per enum field given a value outside it. A field added to openapi.yaml therefore gains
  its cases with no edit to this file. Rows are per operation so that each is reported on its own
  and split @uat-safe / @destructive; an operation that gains its first field of a kind needs a
  row, and `go test` (TestValidationRowsCoverTheSpec) fails until it has one. A row whose
  operation has no field of that kind any more is skipped with that reason, never passed.
  The signature is correct, so the target's validation, not its guard, answers.

  @TG-VAL-01 @must @src-live @doc-6.2.2
  Scenario Outline: <operation> refuses each required field left out
    Given the "missing" cases generated from openapi.yaml for "<operation>"
    When each case is sent correctly signed
    Then every answer is HTTP 400 with the documented body, a message naming its field noted

    @uat-safe
    Examples: operations that change no state
      | operation            |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @destructive
    Examples: operations that change state when accepted
      | operation             |
      | createVa              |
      | confirmVa             |
      | registerNotify        |
      | confirmRegisterNotify |
      | deleteVa              |
      | confirmDeleteVa       |
      | generateDynamicQr     |
      | deleteDynamicQr       |

  @TG-VAL-02 @should @src-unconfirmed
  Scenario Outline: <operation> refuses each field given a value of the wrong type
    Only a warning: refusing a wrongly typed field with 400 is what a NestJS ValidationPipe does, but no source documents it; a server that coerces the value still serves correct clients.
    Given the "wrong type" cases generated from openapi.yaml for "<operation>"
    When each case is sent correctly signed
    Then every answer is HTTP 400 with the documented body, a message naming its field noted

    @uat-safe
    Examples: operations that change no state
      | operation            |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @destructive
    Examples: operations that change state when accepted
      | operation             |
      | createVa              |
      | confirmVa             |
      | registerNotify        |
      | confirmRegisterNotify |
      | deleteVa              |
      | confirmDeleteVa       |
      | generateDynamicQr     |
      | deleteDynamicQr       |

  @TG-VAL-03 @should @src-unconfirmed
  Scenario Outline: <operation> refuses each enum field given a value outside it
    Only a warning: no source documents a 400 for a value outside an enum; a server may answer a business error instead.
    Given the "outside enum" cases generated from openapi.yaml for "<operation>"
    When each case is sent correctly signed
    Then every answer is HTTP 400 with the documented body, a message naming its field noted

    @uat-safe
    Examples: operations that change no state
      | operation      |
      | getVaPaging    |
      | generateVietQr |

    @destructive
    Examples: operations that change state when accepted
      | operation         |
      | createVa          |
      | confirmVa         |
      | generateDynamicQr |
