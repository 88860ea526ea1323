// Package term tells whether output goes to a terminal and colours words
// there: only on a terminal that is not TERM=dumb, and never when NO_COLOR is
// set (no-color.org).
package term

import (
	"io"
	"os"
)

// IsTerminal reports whether stream (an output or input) is a terminal (a
// character device).
func IsTerminal(stream any) bool {
	f, ok := stream.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Redraws reports whether w is a terminal that understands escape codes
// (a line redrawn in place): a terminal whose TERM is not "dumb".
func Redraws(w io.Writer, getenv func(string) string) bool {
	return IsTerminal(w) && getenv("TERM") != "dumb"
}

// Colour reports whether to colour w: Redraws, and NO_COLOR unset or empty.
func Colour(w io.Writer, getenv func(string) string) bool {
	return Redraws(w, getenv) && getenv("NO_COLOR") == ""
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
