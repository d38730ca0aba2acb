package xlsx

import (
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// ErrorBookPath returns where the error workbook of a file goes: beside
// it, named after it with "-errors.xlsx" (members.csv → members-errors.xlsx).
func ErrorBookPath(file string) string {
	return strings.TrimSuffix(file, filepath.Ext(file)) + "-errors.xlsx"
}

// noteHeader is the header of the error workbook's added column.
const noteHeader = "错误说明"

// WriteErrorBook writes the rejected file's rows to out, as they are in the
// file, with every bad cell filled red and a last column, 错误说明, giving
// each row's problems in lang. The officer corrects it and imports it again
// (the extra column is ignored). kind selects the date columns, whose date
// serials are shown as dates.
func WriteErrorBook(rej *Rejected, kind, out, lang string) error {
	sh, err := Open(rej.File, rej.Sheet)
	if err != nil {
		return err
	}
	defer sh.Close()
	byRow := map[int][]Problem{}
	for _, p := range rej.Problems {
		byRow[p.Row] = append(byRow[p.Row], p)
	}
	dates := map[int]bool{}
	if s := Lookup(kind); s != nil {
		b, _ := s.bind(sh.Header)
		for key, i := range b.idx {
			dates[i] = s.Column(key).Type == TDate
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	name := sh.Name
	if name == "" {
		name = "Sheet1"
	} else {
		f.SetSheetName("Sheet1", name)
	}
	st := newStyles(f)
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	noteCol := len(sh.Header) + 1
	sw.SetColWidth(noteCol, noteCol, 60)
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	write := func(num int, cells []string, header bool) error {
		probs := byRow[num]
		bad := map[int]bool{}
		for _, p := range probs {
			bad[p.col] = true
		}
		vals := make([]any, noteCol)
		for i := range noteCol - 1 {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			c := excelize.Cell{StyleID: st.text, Value: v}
			switch {
			case bad[i]:
				c.StyleID = st.bad
			case header:
				c.StyleID = st.header
			case dates[i]:
				if d, ok := parseSerial(Text(v), sh.Date1904); ok {
					c = excelize.Cell{StyleID: st.date, Value: d.Time()}
				}
			}
			vals[i] = c
		}
		var notes []string
		for _, p := range probs {
			notes = append(notes, p.Column+"："+p.Message(lang))
		}
		if header {
			vals[noteCol-1] = excelize.Cell{StyleID: st.header, Value: noteHeader + strings.Join(append([]string{""}, notes...), "\n")}
		} else {
			vals[noteCol-1] = excelize.Cell{StyleID: st.note, Value: strings.Join(notes, "\n")}
		}
		cell, _ := excelize.CoordinatesToCellName(1, num)
		return sw.SetRow(cell, vals)
	}
	if err := write(1, sh.Header, true); err != nil {
		return err
	}
	var rerr error
	for num, cells := range sh.Rows(&rerr) {
		if blankRow(cells) && len(byRow[num]) == 0 {
			continue
		}
		if err := write(num, cells, false); err != nil {
			return err
		}
	}
	if rerr != nil {
		return rerr
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := f.SaveAs(out); err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "无法写入错误工作簿 %s：%v", "cannot write the error workbook %s: %v", out, err)
	}
	return nil
}
