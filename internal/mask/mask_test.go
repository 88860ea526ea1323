package mask

import (
	"bytes"
	"strings"
	"testing"
)

func TestMaskText(t *testing.T) {
	for in, want := range map[string]string{
		`{"accountNumber":"0123456789"}`:           `{"accountNumber":"******6789"}`,
		`{"AccountNumber" : 84912345678}`:          `{"AccountNumber" : *******5678}`,
		`{"vaAccountNumber":"TNG60716171228"}`:     `{"vaAccountNumber":"TNG60716171228"}`,
		`{"mobile":null}`:                          `{"mobile":null}`,
		`/v1/x?accountNumber=0123456789&bankBin=1`: `/v1/x?accountNumber=******6789&bankBin=1`,
		`error: {\"identity\":\"079123456789\"}`:   `error: {\"identity\":\"********6789\"}`,
		`{"phone":"123"}`:                          `{"phone":"***"}`,
		`{"qrAccount":"0123456789"}`:               `{"qrAccount":"******6789"}`,
		`{"clientId":"acme-client-0042"}`:          `{"clientId":"************0042"}`,
	} {
		if got := Fixed(in); got != want {
			t.Errorf("Fixed(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestMaskFindingValue(t *testing.T) {
	for _, c := range []struct{ pointer, got, want string }{
		{"/data/accountNumber", `"0123456789"`, `"******6789"`},
		{"/data/mobile", "84912345678", "*******5678"},
		{"/data/accountNumber", "(missing)", "(missing)"}, // what spec reports for an absent field
		{"/data/accountNumber", "null", "null"},
		{"/data/bankName", `"VietinBank"`, `"VietinBank"`},
		{"/data", `{"identity":"079123456789"}`, `{"identity":"********6789"}`},
	} {
		if got := (&Masker{}).Found(c.pointer, c.got); got != c.want {
			t.Errorf("Found(%s, %s) = %s, want %s", c.pointer, c.got, got, c.want)
		}
	}
}

func TestMaskerText(t *testing.T) {
	m := &Masker{}
	m.Learn(`{"accountNumber":"0123456789","phone":"12345","mobile":null}`)
	for in, want := range map[string]string{
		// A copy inside a longer string is masked and marked.
		`{"ref":"FT0123456789X"}`: `{"ref":"` + CopyMark + `FT******6789X"}`,
		// A copy that is the whole string, or outside any string, is only masked.
		`{"other":"0123456789"} 0123456789`: `{"other":"******6789"} ******6789`,
		// Values shorter than MinCopyLength, and null, are not searched for.
		`{"pin":"12345","note":"null"}`: `{"pin":"12345","note":"null"}`,
		// An image data URL, with "/" escaped as JSON may, becomes a note.
		`"data:image/png;base64,iVBO\/w=="`: `"[PNG image, 4 bytes, not kept in evidence: it may encode an account number]"`,
	} {
		if got := m.Text(in); got != want {
			t.Errorf("text(%s) =\n%s, want\n%s", in, got, want)
		}
	}
}

// The console goes through Writer: a body printed in a step's error shows the
// masked fields as the report does, and a copy printed later is masked too
// (the console showed `"identity":"079123456789"` in full).
func TestWriterMasksLikeTheReport(t *testing.T) {
	var out bytes.Buffer
	w := Writer{W: &out, M: &Masker{}}
	w.Write([]byte(`sent POST /v1/create-va {"accountNumber":"1234567890","identity":"079123456789","mobile":"0912345678"}` + "\n"))
	w.Write([]byte("account 1234567890 was not linked\n"))
	got := out.String()
	for _, full := range []string{"1234567890", "079123456789", "0912345678"} {
		if strings.Contains(got, full) {
			t.Errorf("the console shows %s:\n%s", full, got)
		}
	}
	if want := `{"accountNumber":"******7890","identity":"********6789","mobile":"******5678"}` + "\naccount ******7890 was not linked\n"; !strings.HasSuffix(got, want) {
		t.Errorf("got\n%s\nwant it to end\n%s", got, want)
	}
}

// A client id header shows its last four characters whatever the API names
// it (Tingee's x-client-id, OCB's X-IBM-Client-Id), in headers and curl lines.
func TestClientIDHeadersAreMasked(t *testing.T) {
	m := &Masker{}
	h := m.Header(map[string][]string{"X-Client-Id": {"acme-client-0042"}, "X-Ibm-Client-Id": {"ocb-app-77771234"}, "Accept": {"application/json"}})
	if h["X-Client-Id"][0] != "************0042" || h["X-Ibm-Client-Id"][0] != "************1234" || h["Accept"][0] != "application/json" {
		t.Errorf("headers %v", h)
	}
	curl := m.Curl("curl -H 'x-client-id: acme-client-0042' -H 'X-IBM-Client-Id: ocb-app-77771234'")
	if strings.Contains(curl, "acme-client") || strings.Contains(curl, "ocb-app") {
		t.Errorf("curl line %s", curl)
	}
}

// Masked recognises what Fixed leaves, so that a body copied from a report is
// not taken for the one sent (review-13-14 S2); an unmasked body is not.
func TestMaskedRecognisesWhatFixedLeaves(t *testing.T) {
	sent := `{"accountType":"personal-account","accountNumber":"0123456789","mobile":"0912345678"}`
	if ok, field := Masked(Fixed(sent)); !ok || field != "accountNumber" {
		t.Errorf("Masked(Fixed(sent)) = %v %q", ok, field)
	}
	if ok, _ := Masked(Fixed("https://x/v1/get-va-paging?accountNumber=0123456789")); !ok {
		t.Error("a masked query parameter")
	}
	if ok, field := Masked(sent); ok {
		t.Errorf("an unmasked body taken as masked (%s)", field)
	}
}
