package vietqr

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxPurpose is the most characters tag 62/08 (purpose of transaction) holds in EMVCo.
const MaxPurpose = 25

// Purpose folds a transfer's content to what tag 62/08 can carry, as banking
// apps do: Vietnamese letters lose their diacritics (đ becomes d), any other
// character outside printable ASCII becomes a space, and the result is cut
// to MaxPurpose characters. "Thanh toán đơn 12/2025" → "Thanh toan don 12/2025".
func Purpose(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining mark: the diacritic of the letter before
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		case r < ' ' || r > '~':
			r = ' '
		}
		if b.Len() == MaxPurpose {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}
