Feature: OCB packages — one read per package (guide step 7)
  A 200 or a 417 reached OCB's backend, which proves the package is subscribed [apic].
  Only accounts/details has a public path [obs]; the others are named in the probes file [?].

  Background:
    Given the partner's app holds a token

  Scenario Outline: a signed read of each package reaches OCB's backend
    The accounts row is @must: its path is public [obs]. Only a warning: the four others' paths come from the
    probes file, and the shipped ones are the mock's [?].
    When a signed read of the "<package>" package is sent
    Then the call reached OCB's backend
    And the answer matches the contract

    @must @src-obs @OCB-PKG-01 @uat-safe
    Examples: the package with a public path
      | package  |
      | accounts |

    @should @src-unconfirmed @OCB-PKG-02 @uat-safe
    Examples: packages whose paths come from the probes file
      | package  |
      | transfer |
      | payment  |
      | saving   |
      | utility  |
