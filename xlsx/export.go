package xlsx

import (
	"bufio"
	"encoding/csv"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// Export writes kind's rows of ds to path, a .xlsx workbook (dates as date
// cells, codes as text) or a .csv file (UTF-8 with a BOM, which Excel needs
// to show Chinese), with the KIND's Chinese headers. Importing the file
// into the database ds came from changes nothing. It returns the number of
// rows written.
func Export(kind string, ds *hezuo.Dataset, today hezuo.Date, path string) (int, error) {
	s := Lookup(kind)
	if s == nil || s.export == nil {
		return 0, hezuo.Errorf(hezuo.EINVALID, "未知的数据类型 %q", "unknown KIND %q", kind)
	}
	rows := s.export(ds, today)
	switch Format(path) {
	case "xlsx":
		return len(rows), writeXLSX(s, rows, path)
	case "csv":
		return len(rows), writeCSV(s, rows, path)
	}
	return 0, hezuo.Errorf(hezuo.EINVALID, "文件 %s 应为 .xlsx 或 .csv", "file %s must be .xlsx or .csv", path)
}

func headers(s *Schema) []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.ZH
	}
	return out
}

func writeCSV(s *Schema, rows [][]any, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	bw.WriteString("\ufeff")
	w := csv.NewWriter(bw)
	w.Write(headers(s))
	rec := make([]string, len(s.Columns))
	for _, r := range rows {
		for i, v := range r {
			rec[i] = cellText(v)
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cellText writes a value as CSV text; text cells are made safe from
// formula injection (csvText), numbers and dates are written as they are.
func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return csvText(x)
	case int:
		return strconv.Itoa(x)
	case hezuo.Date:
		return x.String()
	}
	return ""
}

// styles are a workbook's cell styles.
type styles struct{ header, date, text, bad, note int }

func newStyles(f *excelize.File) styles {
	var st styles
	dateFmt, textFmt := "yyyy-mm-dd", "@"
	st.header, _ = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	st.date, _ = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	st.text, _ = f.NewStyle(&excelize.Style{CustomNumFmt: &textFmt})
	st.bad, _ = f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}, CustomNumFmt: &textFmt})
	st.note, _ = f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "C00000"}, Alignment: &excelize.Alignment{WrapText: true}})
	return st
}

// width is a column's width in characters, from its header and example.
func width(c Column) float64 {
	w := float64(len([]rune(c.ZH)))*2 + 2
	if e := float64(len(c.Example)) + 2; e > w {
		w = e
	}
	return min(max(w, 10), 40)
}

func writeXLSX(s *Schema, rows [][]any, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", s.Sheet)
	st := newStyles(f)
	sw, err := f.NewStreamWriter(s.Sheet)
	if err != nil {
		return err
	}
	for i, c := range s.Columns {
		sw.SetColWidth(i+1, i+1, width(c))
	}
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	head := make([]any, len(s.Columns))
	for i, h := range headers(s) {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	out := make([]any, len(s.Columns))
	for n, r := range rows {
		for i, v := range r {
			switch x := v.(type) {
			case hezuo.Date:
				if x.IsZero() {
					out[i] = nil
				} else {
					out[i] = excelize.Cell{StyleID: st.date, Value: x.Time()}
				}
			case string:
				out[i] = excelize.Cell{StyleID: st.text, Value: x}
			default:
				out[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, out); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
