package vietqr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCRC16CheckVector(t *testing.T) {
	assert.Equal(t, uint16(0x29B1), CRC16([]byte("123456789")))
}

func TestBuildExactStatic(t *testing.T) {
	got, err := Build(Payload{BIN: "970448", Account: "0123456789"})
	require.NoError(t, err)
	body := "000201" + "010211" +
		"3854" + "0010A000000727" + "0124" + "0006970448" + "01100123456789" + "0208QRIBFTTA" +
		"5303704" + "5802VN" + "6304"
	assert.True(t, strings.HasPrefix(got, body), got)
	assert.Len(t, got, len(body)+4)
}

func TestRoundTrip(t *testing.T) {
	for _, p := range []Payload{
		{BIN: "970448", Account: "0123456789"},
		{BIN: "970422", Account: "TNG60716171228", Amount: 150000, Content: "Thanh toan don 42"},
		{BIN: "970416", Account: "123", Amount: 1, BillNumber: "b-1", ReferenceLabel: "REF1", Content: "x"},
	} {
		s, err := Build(p)
		require.NoError(t, err)
		back, err := Parse(s)
		require.NoError(t, err)
		assert.Equal(t, p, back)
		if p.Amount > 0 {
			assert.Contains(t, s, "010212")
		}
	}
}

func TestParseRejects(t *testing.T) {
	good, err := Build(Payload{BIN: "970448", Account: "0123456789", Amount: 5000})
	require.NoError(t, err)
	tampered := strings.Replace(good, "5000", "9000", 1)
	_, err = Parse(tampered)
	assert.ErrorIs(t, err, ErrCRC)
	_, err = Parse("000201")
	assert.ErrorIs(t, err, ErrMalformed)
	lower := good[:len(good)-4] + strings.ToLower(good[len(good)-4:])
	_, err = Parse(lower)
	assert.NoError(t, err, "hex case of the CRC does not matter")
}

func TestBuildRefusesLongValues(t *testing.T) {
	_, err := Build(Payload{BIN: "970448", Account: strings.Repeat("1", 120)})
	assert.Error(t, err)
}

func TestParseRefusesBadLengths(t *testing.T) {
	for _, body := range []string{
		"000201" + "01-1abc", // a negative length once sliced past the field
		"000201" + "01+1a",
		"000201" + "01 1a",
	} {
		s := body + "6304"
		s += fmt.Sprintf("%04X", CRC16([]byte(s)))
		assert.NotPanics(t, func() {
			_, err := Parse(s)
			assert.ErrorIs(t, err, ErrMalformed, body)
		}, body)
	}
}
