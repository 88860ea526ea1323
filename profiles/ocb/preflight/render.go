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
var marks = map[Status]string{Pass: "✓", Fail: "✗", Unchecked: "–", NotChecked: "·", Warn: "⚠"}

// words are the checklist's fixed texts: English, Vietnamese.
var words = map[string][2]string{
	"header":    {"OCB onboarding preflight — %s (client id %s)", "Kiểm tra đăng ký Open API OCB — %s (client id %s)"},
	"step":      {"step ", "bước "},
	"signature": {"signature", "chữ ký"},
	"clock":     {"clock", "đồng hồ"},
	"target":    {"target", "máy chủ"},
	"unchecked": {" — cannot be checked from outside", " — không kiểm tra được từ bên ngoài"},
	"totals": {"%d passed, %d failed, %d cannot be checked from outside, %d not checked yet, %d warnings",
		"%d đạt, %d không đạt, %d không kiểm tra được từ bên ngoài, %d chưa kiểm tra, %d cảnh báo"},
}

// word is key's text in lang (both: English, then Vietnamese when it differs).
func word(key, lang string) string {
	w := words[key]
	if lang == LangVI {
		return w[1]
	}
	return w[0]
}

// Render writes the checklist, one line per step, and under each ✗ what to
// do. --lang vi prints every text in Vietnamese; both prints the English line
// and the Vietnamese why and fix under it.
func Render(w io.Writer, r Result, lang string) {
	fmt.Fprintf(w, word("header", lang)+"\n", r.Target, r.ClientID)
	for _, l := range r.Lines {
		title, why := l.TitleEN, l.WhyEN
		if lang == LangVI {
			title, why = l.TitleVI, l.WhyVI
		}
		step := word("step", lang) + l.Guide
		if l.Guide == "-" {
			step = word("signature", lang)
			if l.ID == "clock" || l.ID == "target" {
				step = word(l.ID, lang)
			}
		}
		status := ""
		if l.Status == Unchecked {
			status = word("unchecked", lang)
		}
		fmt.Fprintf(w, "%s [%s] %s%s: %s\n", marks[l.Status], step, title, status, mask.AllNumbers(why))
		if lang == LangBoth && l.WhyVI != "" {
			fmt.Fprintf(w, "    %s: %s\n", l.TitleVI, mask.AllNumbers(l.WhyVI))
		}
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
	n := r.counts()
	fmt.Fprintf(w, word("totals", lang)+"\n", n[Pass], n[Fail], n[Unchecked], n[NotChecked], n[Warn])
	if lang == LangBoth {
		fmt.Fprintf(w, words["totals"][1]+"\n", n[Pass], n[Fail], n[Unchecked], n[NotChecked], n[Warn])
	}
}

// ReportWord is what the line naming the bundle starts with, in lang.
func ReportWord(lang string) string {
	if lang == LangVI {
		return "báo cáo"
	}
	return "report"
}

func (r Result) counts() map[Status]int {
	n := map[Status]int{}
	for _, l := range r.Lines {
		n[l.Status]++
	}
	return n
}
