package mask

import "testing"

func TestDigits(t *testing.T) {
	cases := map[string]string{
		`{"accountNumbers":["0123456789","0987654321"]}`: `{"accountNumbers":["******6789","******4321"]}`,
		`phone 0912345678, id 001099012345`:              `phone ******5678, id ********2345`,
		`"clientTimestamp":"20260101090000123"`:          `"clientTimestamp":"20260101090000123"`,
		`status 417, bankRefNo MOCK000000000001`:         `status 417, bankRefNo MOCK********0001`,
		`short 12345678`:                                 `short 12345678`,
	}
	for in, want := range cases {
		if got := Digits(in); got != want {
			t.Errorf("Digits(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
