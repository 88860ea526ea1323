// Package term tells whether output goes to a terminal and colours words
// there: only on a terminal that is not TERM=dumb, and never when NO_COLOR is
// set (no-color.org).
package term

import (
	"io"

	xterm "golang.org/x/term"
)

// IsTerminal reports whether stream (an output or input) is a terminal: a
// file whose descriptor answers as a tty (golang.org/x/term), which
// /dev/null and pipes do not.
func IsTerminal(stream any) bool {
	f, ok := stream.(interface{ Fd() uintptr })
	return ok && xterm.IsTerminal(int(f.Fd()))
}

// Redraws reports whether w is a terminal that understands escape codes
// (a line redrawn in place): a terminal whose TERM is not "dumb".
func Redraws(w io.Writer, getenv func(string) string) bool {
	return understandsEscapes(IsTerminal(w), getenv)
}

// Colour reports whether to colour w: Redraws, and NO_COLOR unset or empty.
func Colour(w io.Writer, getenv func(string) string) bool {
	return colours(IsTerminal(w), getenv)
}

func understandsEscapes(terminal bool, getenv func(string) string) bool {
	return terminal && getenv("TERM") != "dumb"
}

func colours(terminal bool, getenv func(string) string) bool {
	return understandsEscapes(terminal, getenv) && getenv("NO_COLOR") == ""
}

// ANSI colours.
const (
	Red    = "\033[31m"
	Green  = "\033[32m"
	Yellow = "\033[33m"
	reset  = "\033[0m"
)

// Paint wraps s in colour when on, else returns it as is.
func Paint(on bool, colour, s string) string {
	if !on || colour == "" {
		return s
	}
	return colour + s + reset
}
