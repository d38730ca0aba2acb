package xlsx_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/xlsx"
)

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>组织编号</t></is></c><c r="B1" t="inlineStr"><is><t>名称</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>ORG-1</t></is></c><c r="B2" t="inlineStr"><is><t>`
	sheetTail = `</t></is></c></row></sheetData></worksheet>`
)

// writeBook writes a real workbook (made by excelize) whose first sheet's
// XML is replaced: sheetHead, then body's bytes as the text of cell B2,
// then sheetTail. With raw, the sheet is stored as raw's deflate stream
// and directory sizes instead.
func writeBook(t testing.TB, path string, body func(w io.Writer), raw *zip.FileHeader, rawData []byte) {
	t.Helper()
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "组织编号")
	base, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	// Fastest deflate: a GB of zeros still packs into about 1.3 MB.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(e); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if raw != nil {
			w, err := zw.CreateRaw(raw)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(rawData)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, sheetHead)
		body(w)
		io.WriteString(w, sheetTail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// repeat writes n bytes of c.
func repeat(c byte, n int64) func(io.Writer) {
	return func(w io.Writer) {
		buf := bytes.Repeat([]byte{c}, 1<<20)
		for ; n > 0; n -= int64(len(buf)) {
			w.Write(buf[:min(n, int64(len(buf)))])
		}
	}
}

// letters writes n random lower-case letters (compressing about 1.6 times).
func letters(n int) func(io.Writer) {
	return func(w io.Writer) {
		r := rand.New(rand.NewPCG(1, 2))
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		w.Write(b)
	}
}

// refused asserts that opening path is EINVALID with a message holding want,
// and that it took well under 300 MB of memory.
func refused(t *testing.T, path, want string) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s, err := xlsx.Open(path, "")
	if err == nil {
		// The limits on rows and cells apply while reading.
		for err == nil {
			_, _, err = s.Next()
		}
		s.Close()
	}
	runtime.ReadMemStats(&after)
	if hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(hezuo.ErrorMessage(err, "zh")+hezuo.ErrorMessage(err, "en"), want) {
		t.Errorf("%s: %v, want EINVALID saying %q", path, err, want)
	}
	alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
	t.Logf("%s: %v; %d MB allocated", path, err, alloc)
	if alloc > 100 {
		t.Errorf("refusing %s allocated %d MB", path, alloc)
	}
}

// TestZipBombRefused: a workbook of about 1 MB that unzips to 1 GB is
// refused before excelize sees it, with a few MB of memory; so is one whose
// zip directory lies about a part's size, one with a cell longer than Excel
// allows (named by row and column), and one larger unzipped than MaxUnzipped.
func TestZipBombRefused(t *testing.T) {
	dir := t.TempDir()
	t.Run("1 GB", func(t *testing.T) {
		bomb := dir + "/bomb.xlsx"
		writeBook(t, bomb, repeat('0', 1<<30), nil, nil)
		fi, _ := os.Stat(bomb)
		t.Logf("bomb: %d KB zipped, 1 GB unzipped", fi.Size()>>10)
		refused(t, bomb, "more than 256 MB unzipped")
	})
	t.Run("ratio", func(t *testing.T) {
		// Under MaxUnzipped, but packed 800 times: one 200 MB cell.
		bomb := dir + "/ratio.xlsx"
		writeBook(t, bomb, repeat('0', 200<<20), nil, nil)
		refused(t, bomb, "is compressed")
	})
	t.Run("liar", func(t *testing.T) {
		// The directory says 64 KB; the stream inflates to 300 MB.
		var def bytes.Buffer
		crc := crc32.NewIEEE()
		fw, _ := flate.NewWriter(&def, flate.BestSpeed)
		w := io.MultiWriter(fw, crc)
		io.WriteString(w, sheetHead)
		repeat('0', 300<<20)(w)
		io.WriteString(w, sheetTail)
		fw.Close()
		liar := dir + "/liar.xlsx"
		writeBook(t, liar, nil, &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(def.Len()), UncompressedSize64: 64 << 10}, def.Bytes())
		refused(t, liar, "larger than its directory says")
	})
	long := dir + "/long.xlsx"
	writeBook(t, long, letters(2<<20), nil, nil)
	t.Run("long cell", func(t *testing.T) {
		// A 2 MB cell of letters: no absurd ratio, but no cell is that long.
		refused(t, long, "xl/worksheets/sheet1.xml holds a cell of more than 32767 characters")
	})
	t.Run("cell", func(t *testing.T) {
		// 40,000 characters: within the scan's byte bound, refused by Next.
		cell := dir + "/cell.xlsx"
		writeBook(t, cell, letters(40000), nil, nil)
		refused(t, cell, "第 2 行第 B (名称) 列的单元格超过 32767 个字符")
	})
	t.Run("total", func(t *testing.T) {
		defer func(m int64) { xlsx.MaxUnzipped = m }(xlsx.MaxUnzipped)
		xlsx.MaxUnzipped = 1 << 20
		refused(t, long, "more than 1 MB unzipped")
	})
}

// TestRowAndCellLimits: the row limit and the cell limit hold for CSV and
// .xlsx alike, naming file, row and column; a CSV larger than MaxUnzipped
// is refused.
func TestRowAndCellLimits(t *testing.T) {
	dir := t.TempDir()
	defer func(r int) { xlsx.MaxRows = r }(xlsx.MaxRows)
	xlsx.MaxRows = 3
	rows := [][]any{{"ORG-1", "甲"}, {"ORG-2", "乙"}, {"ORG-3", "丙"}, {"ORG-4", "丁"}}
	csvPath := dir + "/rows.csv"
	writeCSV(t, csvPath, []string{"组织编号", "名称"}, rows, "utf8")
	refused(t, csvPath, "rows.csv 的数据超过 3 行")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"组织编号", "名称"})
	for i, r := range rows {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &r)
	}
	book := dir + "/rows.xlsx"
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	refused(t, book, "more than 3 rows of data")
	xlsx.MaxRows = 4
	for _, p := range []string{csvPath, book} {
		s, err := xlsx.Open(p, "")
		if err != nil {
			t.Fatal(err)
		}
		for err == nil {
			_, _, err = s.Next()
		}
		s.Close()
		if err != io.EOF {
			t.Errorf("%s with 4 rows and a limit of 4: %v", p, err)
		}
	}

	cellPath := dir + "/cell.csv"
	writeCSV(t, cellPath, []string{"组织编号", "名称"}, [][]any{{"ORG-1", "甲"}, {"ORG-2", strings.Repeat("长", 32768)}}, "utf8")
	refused(t, cellPath, "row 3, column B (名称): the cell holds more than 32767 characters")
	writeCSV(t, cellPath, []string{"组织编号", "名称"}, [][]any{{"ORG-2", strings.Repeat("长", 32767)}}, "utf8")
	if s, err := xlsx.Open(cellPath, ""); err != nil {
		t.Error(err)
	} else if _, _, err := s.Next(); err != nil {
		t.Errorf("a cell of 32767 characters: %v", err)
	}

	defer func(m int64) { xlsx.MaxUnzipped = m }(xlsx.MaxUnzipped)
	xlsx.MaxUnzipped = 100
	refused(t, cellPath, "larger than 100 B")
}
