package mock

import (
	"crypto/rand"
	"fmt"
	"math/big"
)

// newUUID returns a random (version 4) UUID: confirmIds and redirect journeys are unguessable.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// randomDigits returns n random decimal digits.
func randomDigits(n int) string {
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	v, _ := rand.Int(rand.Reader, limit) // crypto/rand never fails (Go 1.24+)
	return fmt.Sprintf("%0*s", n, v.String())
}

// newBillID returns an unguessable billId (BILL and 21 random digits) that fits EMVCo's 25
// characters for the bill number its QR carries (tag 62/01).
func newBillID() string {
	return "BILL" + randomDigits(21)
}
