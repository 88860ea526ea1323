@signing
Feature: Request signing
  Every call carries x-client-id, x-request-timestamp (yyyyMMddHHmmssSSS, 17 digits, Vietnam
  time) and x-signature: the lowercase hex HMAC-SHA512 of "timestamp:body" keyed with the secret
  token, over the exact bytes sent; a call without a body signs the literal "{}" and query
  parameters are not signed (doc 6.2.2, headers table; docs/tingee-api-notes.md "Request signing").
  A target must refuse what is not signed that way: code 97 for a bad signature, code 90 or 91 for a
  timestamp more than 10 minutes from its clock, the 401 body (or HTTP 200, another code) for a
  missing header or an unknown client; an HTTP 401 is a refusal too. Each rule runs against every operation of openapi.yaml; the rows that change
  state when the target accepts them are tagged @destructive, the others @uat-safe (get-banks
  sends no body to change after signing: its bodyless signature is TG-SIG-10). Upper-case hex is
  not what the docs specify; how a target treats it is recorded as an observation, never failed.

  Scenario Outline: a correctly signed <operation> request is accepted
    Given a valid "<operation>" request
    When it is sent correctly signed
    Then the signature is accepted

    @TG-SIG-01 @must @src-seed @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-01 @must @src-seed @doc-6.2.2 @destructive
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

  Scenario Outline: <operation>: one body byte changed after signing is refused (code 97, or HTTP 401)
    Given a valid "<operation>" request
    When it is sent with one body byte changed after signing
    Then the request is refused as a bad signature: code 97, or HTTP 401

    @TG-SIG-02 @must @src-live @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation            |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-02 @must @src-live @doc-6.2.2 @destructive
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

  Scenario Outline: <operation>: a request signed with another secret is refused (code 97, or HTTP 401)
    Given a valid "<operation>" request
    When it is signed with another secret
    Then the request is refused as a bad signature: code 97, or HTTP 401

    @TG-SIG-03 @must @src-live @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-03 @must @src-live @doc-6.2.2 @destructive
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

  Scenario Outline: <operation>: an unknown client id is refused (the documented 401 body, or HTTP 200 with a code other than "00")
    Given a valid "<operation>" request
    When it is sent with an unknown client id
    Then the target answers HTTP 401 with the documented body, or HTTP 200 with a code other than "00" and data null

    @TG-SIG-04 @must @src-doc @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-04 @must @src-doc @doc-6.2.2 @destructive
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

  Scenario Outline: <operation>: a request missing any of the three signing headers is refused (the documented 401 body, or HTTP 200 with a code other than "00")
    Given a valid "<operation>" request
    When it is sent without each signing header in turn
    Then the target answers HTTP 401 with the documented body, or HTTP 200 with a code other than "00" and data null

    @TG-SIG-05 @must @src-doc @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-05 @must @src-doc @doc-6.2.2 @destructive
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

  Scenario Outline: <operation>: a timestamp 11 minutes old is refused (code 90 or 91, or HTTP 401)
    Given a valid "<operation>" request
    When it is signed with a timestamp 11 minutes old
    Then the request is refused as a bad timestamp: code 90 or 91, or HTTP 401

    @TG-SIG-06 @must @src-doc @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-06 @must @src-doc @destructive
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

  Scenario Outline: <operation>: a timestamp 11 minutes ahead is refused (code 90 or 91, or HTTP 401)
    Given a valid "<operation>" request
    When it is signed with a timestamp 11 minutes ahead
    Then the request is refused as a bad timestamp: code 90 or 91, or HTTP 401

    @TG-SIG-07 @must @src-doc @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-07 @must @src-doc @destructive
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

  Scenario Outline: <operation>: a timestamp 9 minutes old is accepted
    Given a valid "<operation>" request
    When it is signed with a timestamp 9 minutes old
    Then the signature is accepted

    @TG-SIG-08 @must @src-doc @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-08 @must @src-doc @destructive
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

  Scenario Outline: <operation>: a malformed timestamp is refused (code 90 or 91, or HTTP 401)
    Only a warning: no source says which answer a malformed timestamp gets; codes 90 and 91 and HTTP 401 are all taken as a refusal, and only accepting it is reported.
    Given a valid "<operation>" request
    When it is signed with the timestamp "2025-01-01T12:00:00"
    Then the request is refused as a bad timestamp: code 90 or 91, or HTTP 401

    @TG-SIG-09 @should @src-unconfirmed @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-09 @should @src-unconfirmed @destructive
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

  Scenario Outline: <operation>: upper-case hex in x-signature is observed, never failed
    Only a warning: the docs specify lower-case hex and say nothing of upper case, so the answer is recorded, never judged.
    Given a valid "<operation>" request
    When its signature is sent in upper-case hex
    Then the target's answer to upper-case hex is recorded as an observation

    @TG-SIG-12 @should @src-unconfirmed @uat-safe
    Examples: operations that change no state
      | operation            |
      | getBanks             |
      | getVaPaging          |
      | generateVietQr       |
      | getStatusDynamicQr   |
      | getTransactionPaging |

    @TG-SIG-12 @should @src-unconfirmed @destructive
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

  Scenario Outline: <operation>: a signature with its last hex digit changed is refused (code 97, or HTTP 401)
    Given a valid "<operation>" request
    When its signature is sent with its last hex digit changed
    Then the request is refused as a bad signature: code 97, or HTTP 401

    @TG-SIG-13 @must @src-seed @doc-6.2.2 @uat-safe
    Examples: operations that change no state
      | operation      |
      | getBanks       |
      | getVaPaging    |
      | generateVietQr |

  @TG-SIG-10 @must @src-live
  Scenario Outline: <operation>: the empty string signed instead of "{}" for a bodyless call is refused (code 97, or HTTP 401)
    Given a valid "<operation>" request
    When it is signed over the empty string instead of "{}"
    Then the request is refused as a bad signature: code 97, or HTTP 401

    @uat-safe
    Examples: a GET without a body
      | operation |
      | getBanks  |

    @destructive
    Examples: a POST whose parameters are in the query string
      | operation |
      | deleteVa  |

  @TG-SIG-11 @must @src-doc @destructive
  Scenario: delete-va's query parameters are left out of the signature, and the request is accepted
    Given a valid "deleteVa" request
    When it is sent with its query parameters outside the signature
    Then the signature is accepted
