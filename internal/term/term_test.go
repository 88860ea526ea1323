package term

import (
	"bytes"
	"os"
	"testing"
)

func TestColourOnlyOnATerminalWithoutNoColor(t *testing.T) {
	none := func(string) string { return "" }
	if Colour(&bytes.Buffer{}, none) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Colour(f, none) {
		t.Error("a file is not a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil { // only where a terminal exists
		defer tty.Close()
		if !Colour(tty, none) || Colour(tty, func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }) {
			t.Error("/dev/tty: colour on a terminal, off with NO_COLOR")
		}
	}
	if Paint(false, Red, "failed") != "failed" || Paint(true, Red, "failed") != "\033[31mfailed\033[0m" {
		t.Error("Paint")
	}
}
