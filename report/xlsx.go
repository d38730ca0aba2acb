package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes d as an Excel workbook: the prose on the first sheet,
// then every table on its own sheet (caption in row 1, heads in row 2, data
// from row 3, numbers stored as numbers with a number format), every chart's
// data on its own sheet with a native Excel chart, and the data-quality
// findings with every item on a row.
func WriteXLSX(w io.Writer, d *Document) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, d: d, used: map[string]bool{}}
	if err := x.styles(); err != nil {
		return err
	}
	steps := []func() error{x.prose}
	for _, t := range d.Tables() {
		steps = append(steps, func() error { return x.table(t) })
	}
	for _, c := range d.Charts() {
		steps = append(steps, func() error { return x.chart(c) })
	}
	steps = append(steps, x.findings)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	f    *excelize.File
	d    *Document
	used map[string]bool
	st   map[string]int // style ids: title, head, text, wrap, bold, and one per CellKind name
}

func (x *xlsxWriter) styles() error {
	x.st = map[string]int{}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	fmts := map[string]string{"int": "0", "share": "0.0%", "wan": "0.00", "change": "+0;-0;0"}
	defs := map[string]*excelize.Style{
		"title": {Font: &excelize.Font{Bold: true, Size: 14}},
		"head":  {Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "center"}},
		"text":  {Border: border},
		"textb": {Border: border, Font: &excelize.Font{Bold: true}},
		"wrap":  {Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		"bold":  {Font: &excelize.Font{Bold: true}},
		"note":  {Font: &excelize.Font{Italic: true, Color: "555555"}},
	}
	for k, nf := range fmts {
		nf := nf
		defs[k] = &excelize.Style{Border: border, CustomNumFmt: &nf}
		defs[k+"b"] = &excelize.Style{Border: border, CustomNumFmt: &nf, Font: &excelize.Font{Bold: true}}
	}
	for k, s := range defs {
		id, err := x.f.NewStyle(s)
		if err != nil {
			return err
		}
		x.st[k] = id
	}
	return nil
}

// sheet creates a sheet with a valid, unique name (the first one renames
// the default sheet).
func (x *xlsxWriter) sheet(name string) (string, error) {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '-'
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	base := name
	for i := 2; x.used[name]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	first := len(x.used) == 0
	x.used[name] = true
	if first {
		return name, x.f.SetSheetName("Sheet1", name)
	}
	_, err := x.f.NewSheet(name)
	return name, err
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// prose writes the title block and every paragraph down column A.
func (x *xlsxWriter) prose() error {
	d, f := x.d, x.f
	sh, err := x.sheet(map[bool]string{true: "Report", false: "正文"}[d.Lang == "en"])
	if err != nil {
		return err
	}
	f.SetColWidth(sh, "A", "A", 90)
	row := 1
	put := func(text, style string) {
		f.SetCellValue(sh, cellName(1, row), text)
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), x.st[style])
		if style == "wrap" {
			// Not every program fits wrapped rows on opening: give the height.
			f.SetRowHeight(sh, row, 15*float64(1+displayWidth(text)/86))
		}
		row++
	}
	put(d.Title, "title")
	put(d.Subtitle, "bold")
	for _, m := range d.Meta {
		put(m, "note")
	}
	for _, s := range d.Sections {
		var paras []*Paragraph
		for _, b := range s.Blocks {
			if p, ok := b.(*Paragraph); ok {
				paras = append(paras, p)
			}
		}
		if len(paras) == 0 {
			continue
		}
		row++
		put(s.Heading, "bold")
		for _, p := range paras {
			put(p.Lead+p.Text, "wrap")
		}
	}
	return nil
}

// table writes one table on its own sheet.
func (x *xlsxWriter) table(t *Table) error {
	f := x.f
	sh, err := x.sheet(t.Sheet)
	if err != nil {
		return err
	}
	f.SetCellValue(sh, "A1", t.Caption)
	f.SetCellStyle(sh, "A1", "A1", x.st["title"])
	for j, h := range t.Header {
		f.SetCellValue(sh, cellName(j+1, 2), h)
	}
	f.SetCellStyle(sh, cellName(1, 2), cellName(len(t.Header), 2), x.st["head"])
	for i, r := range t.Rows {
		bold := ""
		if t.Total && i == len(t.Rows)-1 {
			bold = "b"
		}
		for j, c := range r {
			ref := cellName(j+1, i+3)
			style := "text"
			switch c.Kind {
			case CellText:
				f.SetCellValue(sh, ref, c.Text)
			case CellInt, CellChange:
				f.SetCellValue(sh, ref, int64(c.Num))
				style = map[CellKind]string{CellInt: "int", CellChange: "change"}[c.Kind]
			case CellShare:
				f.SetCellValue(sh, ref, c.Num)
				style = "share"
			case CellWan:
				f.SetCellValue(sh, ref, c.Num)
				style = "wan"
			}
			f.SetCellStyle(sh, ref, ref, x.st[style+bold])
		}
	}
	row := len(t.Rows) + 4
	for _, n := range t.Notes {
		f.SetCellValue(sh, cellName(1, row), n)
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), x.st["note"])
		row++
	}
	f.SetColWidth(sh, "A", "A", 30)
	if len(t.Header) > 1 {
		f.SetColWidth(sh, "B", colName(len(t.Header)), 13)
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"})
}

// displayWidth is a text's width in character cells, a CJK character
// taking two.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2e80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func colName(n int) string {
	c, _ := excelize.ColumnNumberToName(n)
	return c
}
