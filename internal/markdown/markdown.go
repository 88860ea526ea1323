// Package markdown makes text safe inside the Markdown the harness writes for
// CI job summaries (summary.md, conformance diff).
package markdown

import "strings"

var oneLine = strings.NewReplacer("\r", " ", "\n", " ", "<", "&lt;", ">", "&gt;")

// Text keeps text on one line and stops it from opening HTML in the summary.
func Text(s string) string { return oneLine.Replace(s) }

// Cell makes text safe inside a Markdown table cell.
func Cell(s string) string { return strings.ReplaceAll(Text(s), "|", `\|`) }
