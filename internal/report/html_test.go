package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseReport writes the synthetic bundle and parses its report.html.
func parseReport(t *testing.T) *html.Node {
	t.Helper()
	return parseHTML(t, filepath.Join(writeBundle(t, testOptions(t)), FileHTML))
}

func parseHTML(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	root, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// all lists the nodes under n (n included) for which keep is true, in document order.
func all(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if keep(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, all(c, keep)...)
	}
	return out
}

func element(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range all(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

func byID(root *html.Node, id string) *html.Node {
	found := all(root, func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") == id })
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

func TestHTMLReadsTopToBottom(t *testing.T) {
	root := parseReport(t)
	want := []string{"verdict", "run", "requirements", "warnings", "coverage", "drift", "latency", "failures", "evidence"}
	var got []string
	for _, n := range all(root, func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") != "" }) {
		got = append(got, attr(n, "id"))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sections in order %v, want %v", got, want)
	}
	if h1 := all(byID(root, "verdict"), element(atom.H1)); len(h1) != 1 || text(h1[0]) != NotConformant {
		t.Errorf("the verdict section does not open with <h1>%s</h1>", NotConformant)
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	root := parseReport(t)
	for _, a := range []atom.Atom{atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed} {
		if n := all(root, element(a)); len(n) > 0 {
			t.Errorf("report.html has <%s>", a)
		}
	}
	for _, n := range all(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, key := range []string{"src", "href", "srcset", "style"} {
			if v := attr(n, key); v != "" {
				t.Errorf("<%s %s=%q>: want no external or inline-attribute resources", n.Data, key, v)
			}
		}
	}
	styles := all(root, element(atom.Style))
	if len(styles) != 1 {
		t.Fatalf("%d <style> elements, want 1", len(styles))
	}
	css := text(styles[0])
	for _, bad := range []string{"url(", "@import", "@font-face"} {
		if strings.Contains(css, bad) {
			t.Errorf("CSS uses %s", bad)
		}
	}
	if !strings.Contains(css, "@media print") {
		t.Error("CSS has no print rules")
	}
}

func TestHTMLSections(t *testing.T) {
	root := parseReport(t)
	run := syntheticRun()

	reqRows := all(byID(root, "requirements"), element(atom.Tr))
	if len(reqRows) != 1+len(run.Scenarios) {
		t.Errorf("requirements table has %d rows, want a header and %d", len(reqRows), len(run.Scenarios))
	}
	if !strings.Contains(text(byID(root, "requirements")), "TG-SIG-02") {
		t.Error("requirements table lacks TG-SIG-02")
	}

	cov := byID(root, "coverage")
	if rows := all(cov, element(atom.Tr)); len(rows) != 1+3 {
		t.Errorf("coverage table has %d rows, want a header, confirmVa, getBanks and (no operation)", len(rows))
	}
	if bad := all(cov, func(n *html.Node) bool { return n.DataAtom == atom.Td && attr(n, "class") == "bad" }); len(bad) != 1 ||
		!strings.Contains(text(bad[0]), "1 of 2 failed") {
		t.Errorf("coverage should mark confirmVa × 200 as failed once")
	}

	drift := text(byID(root, "drift"))
	for _, want := range []string{"/0/logoV2", "HTTP 502"} {
		if !strings.Contains(drift, want) {
			t.Errorf("drift section lacks %s", want)
		}
	}

	failures := byID(root, "failures")
	articles := all(failures, element(atom.Article))
	if len(articles) != 1 {
		t.Fatalf("failures section has %d articles, want 1", len(articles))
	}
	a := text(articles[0])
	for _, want := range []string{"A body byte changed after signing is refused", "expected code 97", "/data/accountNumber", "curl -sS -X POST", "expires 10 minutes"} {
		if !strings.Contains(a, want) {
			t.Errorf("failure article lacks %q", want)
		}
	}
	if n := len(all(failures, element(atom.Details))); n != 0 {
		t.Errorf("failures are hidden in %d <details>; they must show at once", n)
	}

	evidence := byID(root, "evidence")
	details := all(evidence, element(atom.Details))
	if len(details) != len(run.Scenarios) {
		t.Errorf("%d <details> in all evidence, want one per scenario (%d)", len(details), len(run.Scenarios))
	}
	if curls := strings.Count(text(evidence), "curl -sS"); curls != 6 {
		t.Errorf("all evidence shows %d curl lines, want one per exchange (6)", curls)
	}
	if !strings.Contains(text(evidence), "SHA-256 of the string-to-sign") {
		t.Error("evidence lacks the string-to-sign digest")
	}
}

// TestLatencyShownInEveryOutput: README "Running nightly" (Latency) asks for p50/p95/max per operation
// in report.json, report.html and summary.md; the synthetic run's getBanks
// answers took 5 and 20 ms, so p50 5.0 and p95 20.0 (nearest rank).
func TestLatencyShownInEveryOutput(t *testing.T) {
	dir := writeBundle(t, testOptions(t))
	for name, want := range map[string]string{
		FileJSON:    `"operation": "getBanks",`,
		FileHTML:    "<td><code>getBanks</code></td><td>2</td><td>5.0 ms</td><td>20.0 ms</td><td>20.0 ms</td>",
		FileSummary: "| getBanks | 2 | 5.0 ms | 20.0 ms | 20.0 ms |",
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks the latency line %q", name, want)
		}
	}
}

// The client coverage's heading names the success code of the contract's
// answer rules, as it did when it was written in for Tingee's "00".
func TestClientCoverageHeadingNamesTheSuccessCode(t *testing.T) {
	doc := &Document{SuccessCode: "00", Client: &ClientCoverage{Operations: []OperationUse{{Operation: "getBanks", Requests: 1}}}}
	html, err := renderHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `<th>Answered "00"</th>`) {
		t.Errorf("report.html lacks the heading Answered \"00\"")
	}
}

// The requirements table's source legend is the profile's (Options.SourceLegend):
// another API's source words replace Tingee's, which the template hard-coded
// (review-final finding 10).
func TestSourceLegendIsTheProfiles(t *testing.T) {
	html, err := renderHTML(&Document{SourceLegend: "apic: IBM API Connect's gateway behaviour"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "its source (apic: IBM API Connect&#39;s gateway behaviour)") || strings.Contains(string(html), "6.2.2 page") {
		t.Errorf("report.html's requirements lead does not carry the profile's legend alone")
	}
}
