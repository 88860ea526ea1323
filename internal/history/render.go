package history

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"time"
)

//go:embed history.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("history").Funcs(template.FuncMap{
	"verdictClass": verdictClass,
	"cellClass":    cellClass,
	"mul":          func(a, b int) int { return a * b },
	"add":          func(a, b int) int { return a + b },
	"pct":          func(c RateCell) string { return fmt.Sprintf("%.0f%%", 100*c.Rate()) },
	"rate":         func(c RateCell) string { return fmt.Sprintf("%.3f", c.Rate()) },
	"num":          func(v float64) string { return fmt.Sprintf("%.1f", v) },
}).Parse(pageSource))

// page is what the template renders.
type page struct {
	Trends
	Title     string
	Generated string
	Charts    []lineChart
	CellW     int
	CellH     int
	ChartH    int
	ChartPad  int
}

// Render writes the trends as one self-contained HTML page, titled title
// (e.g. "Tingee Open API conformance"), stamped with generated.
func Render(t Trends, title string, generated time.Time) ([]byte, error) {
	var buf bytes.Buffer
	err := pageTemplate.Execute(&buf, page{Trends: t, Title: title, Generated: generated.UTC().Format(dateLayout + " MST"),
		Charts: lineCharts(t), CellW: cellW, CellH: cellH, ChartH: chartH, ChartPad: chartPad})
	return buf.Bytes(), err
}
