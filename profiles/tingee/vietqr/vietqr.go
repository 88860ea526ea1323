// Package vietqr builds and parses VietQR payloads: EMVCo merchant-presented
// QR data (tag-length-value fields) with the NAPAS bank-transfer account
// under tag 38 and a CRC-16/CCITT-FALSE checksum in tag 63.
package vietqr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// NAPAS identifiers carried under tag 38.
const (
	GUID           = "A000000727" // NAPAS application id
	ServiceAccount = "QRIBFTTA"   // inter-bank fast transfer to an account
)

// Payload is what a VietQR code says.
type Payload struct {
	BIN     string // the bank's NAPAS BIN, e.g. 970448
	Account string // the account (or VA) number
	Amount  int64  // VND; 0 makes a static QR (the payer types the amount)
	// Additional data (tag 62).
	BillNumber     string // 62/01
	ReferenceLabel string // 62/05
	Content        string // 62/08, the transfer's purpose; Build folds it with Purpose
}

// Errors of Parse.
var (
	ErrMalformed = errors.New("vietqr: malformed payload")
	ErrCRC       = errors.New("vietqr: CRC mismatch")
)

// Build encodes p as a VietQR string. Each value must be at most 99 bytes.
func Build(p Payload) (string, error) {
	var b strings.Builder
	initiation := "11" // static
	if p.Amount > 0 {
		initiation = "12" // dynamic: carries an amount
	}
	fields := []tlv{
		{"00", "01"},
		{"01", initiation},
		{"38", join(tlv{"00", GUID}, tlv{"01", join(tlv{"00", p.BIN}, tlv{"01", p.Account})}, tlv{"02", ServiceAccount})},
		{"53", "704"},
	}
	if p.Amount > 0 {
		fields = append(fields, tlv{"54", strconv.FormatInt(p.Amount, 10)})
	}
	fields = append(fields, tlv{"58", "VN"})
	if add := join(tlv{"01", p.BillNumber}, tlv{"05", p.ReferenceLabel}, tlv{"08", Purpose(p.Content)}); add != "" {
		fields = append(fields, tlv{"62", add})
	}
	for _, f := range fields {
		if len(f.value) > 99 {
			return "", fmt.Errorf("vietqr: tag %s is %d bytes, at most 99", f.tag, len(f.value))
		}
		b.WriteString(f.String())
	}
	b.WriteString("6304")
	return b.String() + fmt.Sprintf("%04X", CRC16([]byte(b.String()))), nil
}

// Parse decodes a VietQR string, checking its CRC and the NAPAS fields.
func Parse(s string) (Payload, error) {
	if len(s) < 8 || s[len(s)-8:len(s)-4] != "6304" {
		return Payload{}, fmt.Errorf("%w: no CRC (tag 63) at the end", ErrMalformed)
	}
	want := fmt.Sprintf("%04X", CRC16([]byte(s[:len(s)-4])))
	if !strings.EqualFold(s[len(s)-4:], want) {
		return Payload{}, fmt.Errorf("%w: got %s, want %s", ErrCRC, s[len(s)-4:], want)
	}
	top, err := split(s[:len(s)-8])
	if err != nil {
		return Payload{}, err
	}
	if top["00"] != "01" || top["53"] != "704" || top["58"] != "VN" {
		return Payload{}, fmt.Errorf("%w: want 00=01, 53=704, 58=VN", ErrMalformed)
	}
	mai, err := split(top["38"])
	if err != nil {
		return Payload{}, err
	}
	if mai["00"] != GUID || mai["02"] != ServiceAccount {
		return Payload{}, fmt.Errorf("%w: tag 38 is not a NAPAS account transfer", ErrMalformed)
	}
	acct, err := split(mai["01"])
	if err != nil {
		return Payload{}, err
	}
	add, err := split(top["62"])
	if err != nil {
		return Payload{}, err
	}
	p := Payload{BIN: acct["00"], Account: acct["01"], BillNumber: add["01"], ReferenceLabel: add["05"], Content: add["08"]}
	if amount, ok := top["54"]; ok {
		if p.Amount, err = strconv.ParseInt(amount, 10, 64); err != nil {
			return Payload{}, fmt.Errorf("%w: amount %q", ErrMalformed, amount)
		}
	}
	return p, nil
}

// tlv is one EMVCo field: a 2-digit tag, a 2-digit length, the value.
type tlv struct{ tag, value string }

func (f tlv) String() string { return fmt.Sprintf("%s%02d%s", f.tag, len(f.value), f.value) }

// join encodes the non-empty fields one after the other.
func join(fields ...tlv) string {
	var b strings.Builder
	for _, f := range fields {
		if f.value != "" {
			b.WriteString(f.String())
		}
	}
	return b.String()
}

// split decodes a run of TLV fields into tag → value.
func split(s string) (map[string]string, error) {
	out := map[string]string{}
	for len(s) > 0 {
		if len(s) < 4 {
			return nil, fmt.Errorf("%w: truncated field %q", ErrMalformed, s)
		}
		n, ok := twoDigits(s[2:4])
		if !ok || len(s) < 4+n {
			return nil, fmt.Errorf("%w: bad length in %q", ErrMalformed, s)
		}
		out[s[:2]] = s[4 : 4+n]
		s = s[4+n:]
	}
	return out, nil
}

// twoDigits reads an EMVCo length: exactly two decimal digits (no sign, no space).
func twoDigits(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}
