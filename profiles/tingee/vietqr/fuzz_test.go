package vietqr

import (
	"errors"
	"fmt"
	"testing"
)

// FuzzParseQR: any string (a target's qrCode) is parsed or refused with ErrMalformed or ErrCRC,
// never a panic. Inputs get a valid CRC appended half the time, so the fuzzer reaches the fields.
func FuzzParseQR(f *testing.F) {
	good, err := Build(Payload{BIN: "970448", Account: "TNG60716171228", Amount: 5000, BillNumber: "BILL1", Content: "x"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, false)
	f.Add("00020101-1abc", true)
	f.Add("", true)
	f.Fuzz(func(t *testing.T, s string, withCRC bool) {
		if withCRC {
			s += "6304"
			s += fmt.Sprintf("%04X", CRC16([]byte(s)))
		}
		if _, err := Parse(s); err != nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrCRC) {
			t.Fatalf("Parse(%q): %v is neither ErrMalformed nor ErrCRC", s, err)
		}
	})
}
