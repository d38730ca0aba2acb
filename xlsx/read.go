package xlsx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"hezuo"
)

// Sheet is one table read from a file: its header row (row 1) and a stream
// of data rows. Close it when done.
type Sheet struct {
	Path     string   // the file as given
	Name     string   // the worksheet's name ("" for CSV)
	Header   []string // row 1, each cell trimmed, as written
	Date1904 bool     // the workbook counts date serials from 1904
	Encoding string   // "UTF-8", "UTF-8 BOM" or "GB18030" for CSV; "" for .xlsx

	next     func() ([]string, error)
	close    func() error
	row      int
	sizeHint int // about how many rows the table has (0: unknown), to size what holds them
}

// Format returns "xlsx" or "csv" from path's extension, or "" for neither.
func Format(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".csv", ".txt":
		return "csv"
	}
	return ""
}

// errUnreadable wraps a failure to read path as a domain error.
func errUnreadable(path string, err error) error {
	return hezuo.Errorf(hezuo.EINVALID, "无法读取文件 %s：%v", "cannot read %s: %v", path, err)
}

// Open opens a .xlsx or .csv file and reads its header row. For a workbook
// it reads the sheet named sheet when there is one, else the first sheet
// that is not an instructions sheet. A file beyond the limits of limits.go
// (size unzipped, make-up of a .xlsx, rows, cell length) is EINVALID, from
// Open or from Next, before it is held in memory.
func Open(path, sheet string) (*Sheet, error) { return openIn(path, sheet, "") }

// openIn is Open with large worksheets unpacked to tmp ("" for the
// system's temporary directory).
func openIn(path, sheet, tmp string) (*Sheet, error) {
	var s *Sheet
	var err error
	switch Format(path) {
	case "xlsx":
		s, err = openXLSX(path, sheet, tmp)
	case "csv":
		s, err = openCSV(path)
	default:
		return nil, hezuo.Errorf(hezuo.EINVALID, "文件 %s 应为 .xlsx 或 .csv", "file %s must be .xlsx or .csv", path)
	}
	if err != nil {
		return nil, err
	}
	head, err := s.next()
	if errors.Is(err, io.EOF) || (err == nil && blankRow(head)) {
		s.Close()
		return nil, hezuo.Errorf(hezuo.EINVALID, "%s 第 1 行应为表头，但它是空的", "%s: row 1 must hold the headers but it is empty", path)
	} else if err != nil {
		s.Close()
		return nil, errUnreadable(path, err)
	}
	if err := s.checkCells(1, head); err != nil {
		s.Close()
		return nil, err
	}
	s.row = 1
	s.Header = make([]string, len(head))
	for i, h := range head {
		s.Header[i] = Text(h)
	}
	return s, nil
}

// Next returns the next data row and its spreadsheet row number (the header
// is row 1). It returns io.EOF after the last row. Cells are as stored: a
// date cell of a workbook is its raw serial, not its displayed text.
func (s *Sheet) Next() (int, []string, error) {
	cells, err := s.next()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			err = errUnreadable(s.Path, err)
		}
		return s.row, nil, err
	}
	s.row++
	if err := s.checkCells(s.row, cells); err != nil {
		return s.row, nil, err
	}
	return s.row, cells, nil
}

// Rows ranges over the data rows as Next returns them, to the last row or
// the first error, which it leaves in *err (nil at the end of the sheet).
func (s *Sheet) Rows(err *error) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		for {
			num, cells, e := s.Next()
			if e != nil {
				if !errors.Is(e, io.EOF) {
					*err = e
				}
				return
			}
			if !yield(num, cells) {
				return
			}
		}
	}
}

// Close releases the file.
func (s *Sheet) Close() error {
	if s.close == nil {
		return nil
	}
	err := s.close()
	s.close = nil
	return err
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if Text(c) != "" {
			return false
		}
	}
	return true
}

// instructionSheets are sheet names a reader skips when choosing the data sheet.
var instructionSheets = map[string]bool{"填写说明": true, "说明": true, "instructions": true, "Instructions": true}

func openXLSX(path, want, tmp string) (*Sheet, error) {
	if err := checkZip(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelizeOptions(tmp))
	if err != nil {
		return nil, errUnreadable(path, err)
	}
	name := ""
	for _, n := range f.GetSheetList() {
		if n == want {
			name = n
			break
		}
		if name == "" && !instructionSheets[n] {
			name = n
		}
	}
	if name == "" {
		f.Close()
		return nil, hezuo.Errorf(hezuo.EINVALID, "%s 中没有数据工作表", "%s has no data sheet", path)
	}
	rows, err := f.Rows(name)
	if err != nil {
		f.Close()
		return nil, errUnreadable(path, err)
	}
	props, _ := f.GetWorkbookProps()
	s := &Sheet{Path: path, Name: name, Date1904: props.Date1904 != nil && *props.Date1904}
	s.next, s.close = readAhead(func() ([]string, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return nil, err
			}
			return nil, io.EOF
		}
		return rows.Columns()
	}, func() error {
		rows.Close()
		return f.Close()
	})
	return s, nil
}

// openCSV reads the whole file, detects its encoding — a UTF-8 BOM, valid
// UTF-8, else GB18030 (a superset of GBK and GB2312, what Excel on Chinese
// Windows saves) — and its delimiter (comma, else tab or semicolon when the
// header line holds those and no comma).
func openCSV(path string) (*Sheet, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > MaxUnzipped {
		return nil, hezuo.Errorf(hezuo.EINVALID, "%s 超过 %s，拒绝读取", "%s is larger than %s: refused", path, sizeText(MaxUnzipped))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errUnreadable(path, err)
	}
	s := &Sheet{Path: path, Encoding: "UTF-8"}
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b, s.Encoding = b[3:], "UTF-8 BOM"
	case !utf8.Valid(b):
		if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
			return nil, hezuo.Errorf(hezuo.EINVALID, "%s 既不是 UTF-8 也不是 GB18030 编码", "%s is neither UTF-8 nor GB18030", path)
		}
		s.Encoding = "GB18030"
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true // a row's cells are used before the next row is read
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	if !bytes.ContainsRune(line, ',') {
		if bytes.ContainsRune(line, '\t') {
			r.Comma = '\t'
		} else if bytes.ContainsRune(line, ';') {
			r.Comma = ';'
		}
	}
	s.sizeHint = bytes.Count(b, []byte("\n")) + 1 // lines: rows, unless cells hold line breaks
	s.next = func() ([]string, error) {
		rec, err := r.Read()
		if err != nil && !errors.Is(err, io.EOF) {
			err = fmt.Errorf("CSV: %w", err)
		}
		for i, c := range rec {
			rec[i] = csvUntext(c) // what Export protected (csvsafe.go)
		}
		return rec, err
	}
	return s, nil
}
