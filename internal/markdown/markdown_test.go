package markdown

import "testing"

func TestCellIsOneSafeLine(t *testing.T) {
	if got, want := Cell("a|b\n<script>"), `a\|b &lt;script&gt;`; got != want {
		t.Errorf("Cell = %q, want %q", got, want)
	}
}
