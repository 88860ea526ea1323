package vietqr

import (
	"strings"
	"testing"
)

func TestPurpose(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Thanh toán đơn 12/2025", "Thanh toan don 12/2025"},
		{"ĐẶNG THỊ HƯỜNG", "DANG THI HUONG"},
		{"Nguyễn Văn Ánh", "Nguyen Van Anh"},
		{"tab\there\nnewline", "tab here newline"},
		{"giá 50€", "gia 50 "},
		{strings.Repeat("ư", 40), strings.Repeat("u", MaxPurpose)},
		{"", ""},
	}
	for _, c := range cases {
		if got := Purpose(c.in); got != c.want {
			t.Errorf("Purpose(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Fifty Vietnamese characters, which the spec allows in content, still make a payload that parses.
func TestBuildWithLongVietnameseContent(t *testing.T) {
	content := strings.Repeat("Thanh toán đơn hàng ", 3)[:50]
	s, err := Build(Payload{BIN: "970448", Account: "0123456789", Amount: 10000, ReferenceLabel: "TNG12345678901", Content: content})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	p, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if p.Content != Purpose(content) {
		t.Errorf("content %q, want %q", p.Content, Purpose(content))
	}
}
