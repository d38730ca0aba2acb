package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// instructionsSheet is the name of a template's instructions sheet; readers
// skip it.
const instructionsSheet = "填写说明"

// WriteTemplate writes the empty template of kind to path (.xlsx): a data
// sheet with the headers (required ones marked in orange), a note on every
// header, dropdowns for enumerated and yes/no columns, code columns
// formatted as text (so that Excel keeps an ID number's 18 digits) and date
// columns as yyyy-mm-dd; then an instructions sheet with the accepted forms,
// a table of the columns and an example row. The data sheet holds no data
// row, so the example is never imported by mistake.
func WriteTemplate(kind, path string) error {
	s := Lookup(kind)
	if s == nil {
		return hezuo.Errorf(hezuo.EINVALID, "未知的数据类型 %q", "unknown KIND %q", kind)
	}
	if Format(path) != "xlsx" {
		return hezuo.Errorf(hezuo.EINVALID, "模板文件 %s 应为 .xlsx", "template %s must be .xlsx", path)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", s.Sheet)
	st := newStyles(f)
	required, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}})
	for i, c := range s.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := col + "1"
		f.SetCellStr(s.Sheet, cell, c.ZH)
		style := st.header
		if c.Required {
			style = required
		}
		f.SetCellStyle(s.Sheet, cell, cell, style)
		f.SetColWidth(s.Sheet, col, col, width(c))
		switch {
		case c.Text || c.Type == TID || c.Type == TCode || c.Type == TKey || c.Type == TList:
			f.SetColStyle(s.Sheet, col, st.text)
		case c.Type == TDate:
			f.SetColStyle(s.Sheet, col, st.date)
		}
		f.SetCellStyle(s.Sheet, cell, cell, style)
		note := c.NoteZH + "\n" + c.NoteEN
		if c.Required {
			note = "必填列 / required\n" + note
		}
		f.AddComment(s.Sheet, excelize.Comment{Author: "hezuo", Cell: cell, Text: note, Width: 240, Height: 90})
		if len(c.Choices) > 0 {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = col + "2:" + col + "1048576"
			dv.SetDropList(c.Choices)
			dv.SetError(excelize.DataValidationErrorStyleWarning, c.ZH, "请从下拉列表中选择 / choose from the list")
			if err := f.AddDataValidation(s.Sheet, dv); err != nil {
				return err
			}
		}
	}
	f.SetPanes(s.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := instructions(f, s, st); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SaveAs(path); err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "无法写入 %s：%v", "cannot write %s: %v", path, err)
	}
	return nil
}

// instructions writes the instructions sheet.
func instructions(f *excelize.File, s *Schema, st styles) error {
	sh := instructionsSheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	lines := []string{
		fmt.Sprintf("%s导入模板 / %s import template", s.ZH, s.EN),
		fmt.Sprintf("1. 在“%s”工作表中每行填写一条记录，第 1 行表头不要改动；列的顺序可以调整，多余的列会被忽略。橙色表头为必填列。", s.Sheet),
		fmt.Sprintf("2. 以“%s”识别记录：再次导入同一%s即更新原记录，内容相同的行不做任何改动。", s.KeyZH, s.KeyZH),
		"3. 日期可写 2022-06-08、2022/6/8、2022.6.8、2022年6月8日，或使用 Excel 日期单元格。",
		"4. 是否类的列可写 是/否、Y/N、1/0；全角数字和字母、前后空格、身份证号末位小写 x 都可以。",
		"5. 全部行都正确才会导入；有任何错误时一行也不写入，并列出每个错误的行号和列名，同时生成标红的错误工作簿，改正后可直接再次导入。",
		"One record a row; headers in row 1 (Chinese or English names), any order. All rows import or none.",
	}
	for i, l := range lines {
		f.SetCellStr(sh, fmt.Sprintf("A%d", i+1), l)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	f.SetCellStyle(sh, "A1", "A1", bold)
	row := len(lines) + 2
	f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &[]any{"列名", "英文名 / English", "必填", "说明", "Notes"})
	f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("E%d", row), st.header)
	for _, c := range s.Columns {
		row++
		req := ""
		if c.Required {
			req = "是"
		}
		f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &[]any{c.ZH, c.Key, req, c.NoteZH, c.NoteEN})
	}
	row += 2
	f.SetCellStr(sh, fmt.Sprintf("A%d", row), "示例行（仅供参考，请在“"+s.Sheet+"”工作表中填写）/ example row")
	row++
	head, example := make([]any, len(s.Columns)), make([]any, len(s.Columns))
	for i, c := range s.Columns {
		head[i], example[i] = c.ZH, c.Example
	}
	last, _ := excelize.ColumnNumberToName(len(s.Columns))
	f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &head)
	f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.header)
	f.SetSheetRow(sh, fmt.Sprintf("A%d", row+1), &example)
	f.SetCellStyle(sh, fmt.Sprintf("A%d", row+1), fmt.Sprintf("%s%d", last, row+1), st.text)
	f.SetColWidth(sh, "A", "A", 22)
	f.SetColWidth(sh, "B", last, 18)
	return nil
}
