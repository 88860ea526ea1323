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
	// /dev/null is a character device but no terminal: no colour there.
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if IsTerminal(dev) || Colour(dev, none) {
		t.Error("/dev/null is no terminal")
	}
	// On a terminal, TERM=dumb understands no escape code: no colour, no
	// redraw (review-13-14 N11); NO_COLOR turns colour off only.
	dumb := func(k string) string { return map[string]string{"TERM": "dumb"}[k] }
	noColor := func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }
	if !colours(true, none) || colours(true, dumb) || understandsEscapes(true, dumb) || colours(true, noColor) || !understandsEscapes(true, noColor) {
		t.Error("TERM=dumb: no colour, no redraw; NO_COLOR: no colour")
	}
	if Paint(false, Red, "failed") != "failed" || Paint(true, Red, "failed") != "\033[31mfailed\033[0m" {
		t.Error("Paint")
	}
}
