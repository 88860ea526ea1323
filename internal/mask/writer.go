package mask

import "io"

// Writer masks everything written to w by all three rules: each write first
// teaches m the values of the masked fields it shows, then goes out masked.
// The console and the CI log of a run get their output through it, so they
// show what the report shows.
type Writer struct {
	W io.Writer
	M *Masker
}

// Write masks p (a whole line or prompt, as fmt writes them) and writes it;
// it reports len(p) written when w took all of the masked text.
func (w Writer) Write(p []byte) (int, error) {
	s := string(p)
	w.M.Learn(s)
	if _, err := io.WriteString(w.W, w.M.Text(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}
