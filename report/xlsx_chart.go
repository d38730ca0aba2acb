package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// chart writes a chart's data as a table on its own sheet and draws it with
// a native Excel chart beside the data.
func (x *xlsxWriter) chart(c *Chart) error {
	t := chartTable(x.d, c)
	if err := x.table(t); err != nil {
		return err
	}
	sh := lastSheet(x.f)
	n := len(c.Categories)
	if n == 0 {
		return nil
	}
	typ := map[string]excelize.ChartType{"bar": excelize.Col, "stacked": excelize.ColStacked, "donut": excelize.Doughnut}[c.Kind]
	ch := &excelize.Chart{Type: typ, Dimension: excelize.ChartDimension{Width: 640, Height: 340},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend: excelize.ChartLegend{Position: "bottom"}}
	for j := range c.Series {
		col := colName(j + 2)
		ch.Series = append(ch.Series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$2", sh, col),
			Categories: fmt.Sprintf("'%s'!$A$3:$A$%d", sh, n+2),
			Values:     fmt.Sprintf("'%s'!$%s$3:$%s$%d", sh, col, col, n+2),
		})
	}
	if c.Kind == "donut" {
		ch.HoleSize = 50
		ch.PlotArea = excelize.ChartPlotArea{ShowPercent: true}
	} else {
		ch.PlotArea = excelize.ChartPlotArea{ShowVal: c.Kind == "bar"}
	}
	return x.f.AddChart(sh, cellName(len(c.Series)+3, 2), ch)
}

// lastSheet returns the name of the sheet added last.
func lastSheet(f *excelize.File) string {
	l := f.GetSheetList()
	return l[len(l)-1]
}

// findings writes the data-quality findings: one row per finding, then one
// row per item it concerns.
func (x *xlsxWriter) findings() error {
	d, f := x.d, x.f
	en := d.Lang == "en"
	sh, err := x.sheet(map[bool]string{true: "Data quality", false: "数据质量"}[en])
	if err != nil {
		return err
	}
	head := []string{"结果", "检查项", "说明", "明细"}
	if en {
		head = []string{"Result", "Check", "Detail", "Item"}
	}
	for j, h := range head {
		f.SetCellValue(sh, cellName(j+1, 1), h)
	}
	f.SetCellStyle(sh, "A1", "D1", x.st["head"])
	row := 2
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			fs, ok := b.(*Findings)
			if !ok {
				continue
			}
			for _, it := range fs.Items {
				f.SetCellValue(sh, cellName(1, row), severityLabel(d, it.Severity))
				f.SetCellValue(sh, cellName(2, row), it.Title)
				f.SetCellValue(sh, cellName(3, row), it.Detail)
				row++
				for _, item := range it.Items {
					f.SetCellValue(sh, cellName(4, row), item)
					row++
				}
			}
		}
	}
	f.SetColWidth(sh, "A", "A", 8)
	f.SetColWidth(sh, "B", "B", 36)
	f.SetColWidth(sh, "C", "C", 60)
	f.SetColWidth(sh, "D", "D", 90)
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
