package report

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// esc escapes text for XML.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// docxBody accumulates WordprocessingML body elements.
type docxBody struct{ strings.Builder }

// para writes one paragraph of style with runs; pPr holds extra paragraph
// properties (pageBreakBefore, jc…).
func (b *docxBody) para(style, pPr string, runs ...string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>` + pPr + `</w:pPr>`)
	for _, r := range runs {
		b.WriteString(r)
	}
	b.WriteString(`</w:p>`)
}

// run returns a run of text with run properties rPr.
func run(rPr, text string) string {
	if text == "" {
		return ""
	}
	if rPr != "" {
		rPr = `<w:rPr>` + rPr + `</w:rPr>`
	}
	return `<w:r>` + rPr + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// documentXML renders the document body.
func documentXML(d *Document) string {
	var b docxBody
	b.para("Title", "", run("", d.Title))
	if d.Subtitle != "" {
		b.para("Subtitle", "", run("", d.Subtitle))
	}
	for _, m := range d.Meta {
		b.para("Meta", "", run("", m))
	}
	note := "注："
	if d.Lang == "en" {
		note = "Note: "
	}
	for _, s := range d.Sections {
		style, pPr := "Heading1", ""
		if s.Level > 1 {
			style = "Heading2"
		}
		if isAppendix(s.Heading) {
			pPr = `<w:pageBreakBefore/>`
		}
		b.para(style, pPr, run("", s.Heading))
		for _, blk := range s.Blocks {
			switch x := blk.(type) {
			case *Paragraph:
				b.para("Normal", "", run(`<w:rFonts w:eastAsia="楷体"/><w:b/>`, x.Lead), run("", x.Text))
			case *Table:
				b.table(x)
				for _, n := range x.Notes {
					b.para("Note", "", run("", note+n))
				}
				if len(x.Notes) == 0 {
					b.para("Note", "", "")
				}
			case *Chart:
				b.table(chartTable(d, x))
				b.para("Note", "", run("", map[bool]string{true: "(chart data; the HTML and PDF reports draw the chart)", false: "（图表数据；HTML 和 PDF 版报告绘有图形）"}[d.Lang == "en"]))
			case *Findings:
				for _, f := range x.Items {
					color := map[string]string{SevOK: "2E7D32", SevInfo: "1F4E79", SevWarning: "B26A00", SevError: "B22222"}[f.Severity]
					b.para("Finding", "", run(`<w:rFonts w:eastAsia="黑体"/><w:color w:val="`+color+`"/>`, "【"+severityLabel(d, f.Severity)+"】"),
						run(`<w:b/>`, f.Title), run("", spaced(f.Detail)))
					items, more := shownItems(d, f)
					for _, it := range items {
						b.para("Note", `<w:ind w:left="420"/>`, run("", "· "+it))
					}
					if more != "" {
						b.para("Note", `<w:ind w:left="420"/>`, run("", more))
					}
				}
			}
		}
	}
	return xmlPI + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + b.String() +
		fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="%d" w:h="%d"/>`+
			`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/>`+
			`</w:sectPr></w:body></w:document>`, pageW, pageH, marTop, marR, marBottom, marL)
}

func spaced(s string) string {
	if s == "" {
		return ""
	}
	return "　" + s
}

// table writes a captioned table; the head row repeats on every page and
// the widths follow the longest text of each column.
func (b *docxBody) table(t *Table) {
	b.para("Caption", "", run("", t.Caption))
	widths := colWidths(t)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + fmt.Sprint(docxTextW) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for j, h := range t.Header {
		b.cell(widths[j], `<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>`, `<w:jc w:val="center"/>`, run(`<w:rFonts w:eastAsia="黑体"/>`, h))
	}
	b.WriteString(`</w:tr>`)
	for i, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		rPr := ""
		if t.Total && i == len(t.Rows)-1 {
			rPr = `<w:b/>`
		}
		for j, c := range r {
			jc := ""
			if c.IsNum() {
				jc = `<w:jc w:val="right"/>`
			}
			if j < len(widths) {
				b.cell(widths[j], "", jc, run(rPr, c.Text))
			}
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

func (b *docxBody) cell(width int, tcPr, jc, runs string) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vAlign w:val="center"/></w:tcPr>`, width, tcPr)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/>` + jc + `</w:pPr>` + runs + `</w:p></w:tc>`)
}

// colWidths shares the text width among the columns in proportion to their
// longest text (a CJK character counting twice), within bounds.
func colWidths(t *Table) []int {
	n := len(t.Header)
	need := make([]int, n)
	measure := func(j int, s string) {
		w := 0
		for _, r := range s {
			if r >= 0x2e80 {
				w += 2
			} else {
				w++
			}
		}
		if w > need[j] {
			need[j] = w
		}
	}
	for j, h := range t.Header {
		measure(j, h)
	}
	for _, r := range t.Rows {
		for j, c := range r {
			if j < n {
				measure(j, c.Text)
			}
		}
	}
	total := 0
	for j := range need {
		need[j] = min(max(need[j], 4), 40)
		total += need[j]
	}
	out := make([]int, n)
	for j := range need {
		out[j] = docxTextW * need[j] / total
	}
	return out
}
