package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// The list downloads write their rows with excelize directly rather than
// through the xlsx package: xlsx's exporters write whole KINDs of a
// hezuo.Dataset for re-import, while a list download is what the page shows
// (its filters, its scope, masked personal data), one header row and one
// row per record.

// xlsxType is the MIME type of an .xlsx workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// maxDownloadRows bounds a list download; a list longer than this is
// EINVALID (narrow the filters or use hezuo export). A variable for tests.
var maxDownloadRows = 200000

// downloadPer is the page size the downloads read lists with (the store's
// largest).
const downloadPer = 500

// DownloadURL is the .xlsx download of the page's list with its current
// filters (and sort), without the page number.
func (p Page) DownloadURL() string {
	u, err := url.Parse(p.Path)
	if err != nil {
		return ""
	}
	q := u.Query()
	q.Del("page")
	q.Del("after") // list cursors (issue 7)
	q.Del("before")
	out := u.Path + ".xlsx"
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out
}

// sendXLSX writes a one-sheet workbook (bold frozen header, then rows) as an
// attachment named file. Values are written as they are: strings as text
// (so codes keep their leading zeros), ints as numbers, hezuo.Date as a
// date cell (blank when zero).
func (s *Server) sendXLSX(w http.ResponseWriter, file, sheet string, header []string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	day, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, h := range header {
		sw.SetColWidth(i+1, i+1, float64(min(max(len([]rune(h))*2+4, 12), 40)))
	}
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: head, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for n, r := range rows {
		cells := make([]any, len(r))
		for i, v := range r {
			switch x := v.(type) {
			case string:
				cells[i] = excelize.Cell{StyleID: text, Value: x}
			case hezuo.Date:
				if !x.IsZero() {
					cells[i] = excelize.Cell{StyleID: day, Value: x.Time()}
				}
			case bool:
				cells[i] = yesNo(x)
			default:
				cells[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	attach(w, xlsxType, file)
	_, err = buf.WriteTo(w)
	return err
}

// attach sets the headers of a file download named file.
func attach(w http.ResponseWriter, contentType, file string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q; filename*=UTF-8''%s",
		strings.Map(asciiOnly, file), url.PathEscape(file)))
}

// asciiOnly keeps a file name's printable ASCII for the plain filename
// parameter (browsers that read filename* use the UTF-8 one).
func asciiOnly(r rune) rune {
	if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
		return '_'
	}
	return r
}

// yesNo is a flag as the xlsx importers read it.
func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func ptr[T any](v T) *T { return &v }

// collect reads every page of a list (downloadPer rows at a time) through
// page, which returns one page's rows and the list's total.
func collect[T any](page func(n int) ([]T, int, error)) ([]T, error) {
	var all []T
	for n := 1; ; n++ {
		items, total, err := page(n)
		if err != nil {
			return nil, err
		}
		if total > maxDownloadRows {
			return nil, hezuo.Errorf(hezuo.EINVALID, "列表共 %d 行，超过下载上限 %d 行：请缩小范围，或用 hezuo export 导出",
				"the list has %d rows, more than the %d a download holds: narrow it, or use hezuo export", total, maxDownloadRows)
		}
		all = append(all, items...)
		if len(items) == 0 || len(all) >= total {
			return all, nil
		}
	}
}
