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
	// A character device (here /dev/null, which every machine has) with
	// TERM=dumb understands no escape code: no colour, no redraw (review-13-14 N11).
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if !Redraws(dev, none) {
		t.Fatal("a character device counts as a terminal")
	}
	if dumb := func(k string) string { return map[string]string{"TERM": "dumb"}[k] }; Colour(dev, dumb) || Redraws(dev, dumb) {
		t.Error("TERM=dumb: no colour, no redraw")
	}
	if Paint(false, Red, "failed") != "failed" || Paint(true, Red, "failed") != "\033[31mfailed\033[0m" {
		t.Error("Paint")
	}
}
