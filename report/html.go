package report

import (
	"embed"
	"html/template"
	"io"
	"strings"
)

//go:embed assets/report.html assets/report.css
var assets embed.FS

var (
	reportCSS  = mustAsset("assets/report.css")
	reportTmpl = template.Must(template.New("report.html").Funcs(template.FuncMap{
		"last": func(i int, rows [][]Cell) bool { return i == len(rows)-1 },
	}).Parse(mustAsset("assets/report.html")))
)

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// htmlView is the template's view of a document.
type htmlView struct {
	*Document
	CSS       template.CSS
	Masthead  string
	NoteLabel string
	Footer    string
	Sections  []htmlSection
}

type htmlSection struct {
	Section
	Appendix bool
	Blocks   []htmlBlock
}

// htmlBlock holds exactly one of its fields.
type htmlBlock struct {
	Para     *Paragraph
	Table    *Table
	Chart    *htmlChart
	Findings []htmlFinding
}

type htmlChart struct {
	Title string
	SVG   template.HTML
}

type htmlFinding struct {
	Finding
	Label string
	More  string
}

// WriteHTML writes d as one self-contained HTML page (styles inline, charts
// as inline SVG, no external request), laid out for screen and A4 print.
func WriteHTML(w io.Writer, d *Document) error {
	return reportTmpl.Execute(w, newHTMLView(d))
}

func newHTMLView(d *Document) *htmlView {
	en := d.Lang == "en"
	v := &htmlView{Document: d, CSS: template.CSS(reportCSS), Masthead: "农民专业合作组织党建工作统计报告", NoteLabel: "注：",
		Footer: "本报告由合作组织党建信息系统（hezuo）根据台账记录自动生成。"}
	if en {
		v.Masthead, v.NoteLabel, v.Footer = "Party-building in farmers' cooperative organizations", "Note: ",
			"Produced by the hezuo system from the registry records."
	}
	for _, s := range d.Sections {
		hs := htmlSection{Section: s, Appendix: isAppendix(s.Heading)}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *Paragraph:
				hs.Blocks = append(hs.Blocks, htmlBlock{Para: b})
			case *Table:
				hs.Blocks = append(hs.Blocks, htmlBlock{Table: b})
			case *Chart:
				hs.Blocks = append(hs.Blocks, htmlBlock{Chart: &htmlChart{Title: b.Title, SVG: template.HTML(SVG(b))}})
			case *Findings:
				var fs []htmlFinding
				for _, f := range b.Items {
					items, more := shownItems(d, f)
					f.Items = items
					fs = append(fs, htmlFinding{Finding: f, Label: severityLabel(d, f.Severity), More: more})
				}
				hs.Blocks = append(hs.Blocks, htmlBlock{Findings: fs})
			}
		}
		v.Sections = append(v.Sections, hs)
	}
	return v
}

// isAppendix reports whether a heading starts an appendix, which begins on a
// new printed page.
func isAppendix(h string) bool {
	return strings.HasPrefix(h, "附") || strings.HasPrefix(h, "Appendix")
}
