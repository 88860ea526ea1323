package preflight

import (
	"fmt"
	"io"
	"strings"

	"github.com/tingee-conformance/harness/internal/mask"
)

// Languages Render accepts.
const (
	LangBoth = "both"
	LangVI   = "vi"
	LangEN   = "en"
)

// marks are the checklist's symbols.
var marks = map[Status]string{Pass: "✓", Fail: "✗", Unchecked: "–", Warn: "⚠"}

// Render writes the checklist, one line per step, and under each ✗ what to do.
func Render(w io.Writer, r Result, lang string) {
	fmt.Fprintf(w, "OCB onboarding preflight — %s (client id %s)\n", r.Target, r.ClientID)
	for _, l := range r.Lines {
		title := l.TitleEN
		if lang == LangVI {
			title = l.TitleVI
		}
		step := "step " + l.Guide
		if l.Guide == "-" {
			step = "signature"
			if l.ID == "clock" {
				step = "clock"
			}
		}
		status := ""
		if l.Status == Unchecked {
			status = " — cannot be checked from outside"
			if lang == LangVI {
				status = " — không kiểm tra được từ bên ngoài"
			}
		}
		fmt.Fprintf(w, "%s [%s] %s%s: %s\n", marks[l.Status], step, title, status, mask.Digits(l.Why))
		if l.Status != Fail {
			continue
		}
		if lang != LangVI {
			fmt.Fprintf(w, "    what to do: %s\n", l.FixEN)
		}
		if lang != LangEN {
			for _, q := range strings.Split(l.FixVI, "\n") {
				fmt.Fprintf(w, "    cần làm: %s\n", q)
			}
		}
	}
	pass, fail, unchecked, warn := r.counts()
	fmt.Fprintf(w, "%d passed, %d failed, %d cannot be checked from outside, %d warnings\n", pass, fail, unchecked, warn)
}

func (r Result) counts() (pass, fail, unchecked, warn int) {
	for _, l := range r.Lines {
		switch l.Status {
		case Pass:
			pass++
		case Fail:
			fail++
		case Unchecked:
			unchecked++
		case Warn:
			warn++
		}
	}
	return
}

// Summary is the bundle's summary.md: the checklist in both languages.
func Summary(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# OCB onboarding preflight\n\nTarget: %s  \nClient id: %s  \nAt: %s\n\n```\n",
		r.Target, r.ClientID, r.At.Format("2006-01-02 15:04:05 UTC"))
	Render(&b, r, LangBoth)
	b.WriteString("```\n\nSources: [seed] OCB's registration guide; [obs] a working public integration; " +
		"[apic] IBM API Connect's documentation; [oauth] RFC 6749/9126/7636; [?] unconfirmed (only warns).\n")
	return b.String()
}
