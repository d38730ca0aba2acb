package xlsx

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func readAll(t *testing.T, path string) (*Sheet, [][]string) {
	t.Helper()
	s, err := Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rows [][]string
	for {
		num, cells, err := s.Next()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if num != len(rows)+2 {
			t.Errorf("row number %d, want %d", num, len(rows)+2)
		}
		rows = append(rows, slices.Clone(cells))
	}
	return s, rows
}

func TestReadCSVEncodingsAndDelimiters(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("姓名,组织编号\n张三,甲社\n")
	for _, c := range []struct{ name, data, enc string }{
		{"utf8", "姓名,组织编号\n张三,甲社\n", "UTF-8"},
		{"bom", "\ufeff姓名,组织编号\r\n张三,甲社\r\n", "UTF-8 BOM"},
		{"gb18030", gb, "GB18030"},
		{"tabs", "姓名\t组织编号\n张三\t甲社\n", "UTF-8"},
		{"semicolons", "姓名;组织编号\n张三;甲社\n", "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.csv")
			os.WriteFile(path, []byte(c.data), 0o644)
			s, rows := readAll(t, path)
			if s.Encoding != c.enc || !slices.Equal(s.Header, []string{"姓名", "组织编号"}) ||
				len(rows) != 1 || !slices.Equal(rows[0], []string{"张三", "甲社"}) {
				t.Errorf("encoding %s, header %q, rows %q", s.Encoding, s.Header, rows)
			}
		})
	}
}

func TestReadWorkbook(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "a.xlsx")
		f := excelize.NewFile()
		f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904})
		f.NewSheet("填写说明")
		f.SetSheetName("Sheet1", "名单")
		// The instructions sheet comes first: the reader must skip it.
		f.MoveSheet("填写说明", "名单")
		f.SetSheetRow("名单", "A1", &[]any{" 加入日期 ", "身份证号"})
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("名单", "A2", time.Date(2022, 6, 8, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("名单", "A2", "A2", style)
		f.SetCellStr("名单", "B2", "22242419800101022x")
		f.SetCellStr("名单", "B4", "后面一行")
		f.SaveAs(path)
		f.Close()
		s, rows := readAll(t, path)
		if s.Name != "名单" || s.Date1904 != date1904 || !slices.Equal(s.Header, []string{"加入日期", "身份证号"}) {
			t.Fatalf("sheet %q 1904 %v header %q", s.Name, s.Date1904, s.Header)
		}
		if len(rows) != 3 || rows[0][1] != "22242419800101022x" || !blankRow(rows[1]) {
			t.Fatalf("rows %q", rows)
		}
		// The date cell is read as its serial, not as its displayed text.
		if d, ok := ParseDate(rows[0][0], s.Date1904); !ok || d.String() != "2022-06-08" {
			t.Errorf("1904=%v: date cell %q read as %v", date1904, rows[0][0], d)
		}
	}
}

func TestOpenRejects(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	blank := filepath.Join(dir, "blank.csv")
	os.WriteFile(blank, []byte(" , \n1,2\n"), 0o644)
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	for _, p := range []string{empty, blank, bad, filepath.Join(dir, "none.csv"), filepath.Join(dir, "a.ods")} {
		if _, err := Open(p, ""); err == nil {
			t.Errorf("%s opened", p)
		}
	}
}
