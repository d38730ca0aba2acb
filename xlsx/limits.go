package xlsx

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// Limits on what a file may make the reader hold or do (issue 16). They
// are variables so that tests can lower them.
var (
	// MaxUnzipped bounds a .xlsx's parts added up once unzipped, and a CSV
	// file's size: 256 MB (about 300,000 rows of 20 columns).
	MaxUnzipped int64 = 256 << 20
	// MaxRows bounds the data rows of a table.
	MaxRows = 1_000_000
	// MaxCellChars bounds a cell's characters: Excel's own limit.
	MaxCellChars = 32767
)

const (
	// maxInMemory bounds the parts of a .xlsx excelize reads whole into
	// memory: all but the worksheets and the shared strings, which it
	// unpacks to a temporary file when large (styles, drawings, pictures
	// of a real workbook take a few MB).
	maxInMemory = 64 << 20
	// maxRatio bounds how many times larger than compressed a part over
	// ratioFrom bytes may be: deflate packs XML 5 to 50 times, a run of one
	// byte a thousand times.
	maxRatio  = 200
	ratioFrom = 1 << 20
	// maxParts bounds the number of parts of a .xlsx (a real one has tens).
	maxParts = 10000
	// unzipXMLInMemory is the largest worksheet excelize keeps in memory;
	// a larger one it unpacks to a temporary file and streams.
	unzipXMLInMemory = 16 << 20
)

// excelizeOptions are the options every .xlsx is opened with: the same
// bounds as checkZip (excelize's defaults allow 16 GB unzipped), and
// large worksheets unpacked to tmp ("" for the system's temporary directory).
func excelizeOptions(tmp string) excelize.Options {
	return excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: min(unzipXMLInMemory, MaxUnzipped), TmpDir: tmp}
}

// errZipBomb is the refusal of a .xlsx whose size or make-up is absurd.
func errZipBomb(path, zh, en string) error {
	return &hezuo.Error{Code: hezuo.EINVALID, ZH: path + " " + zh + "，拒绝读取（疑似压缩炸弹）", EN: path + ": " + en + ": refused (a zip bomb?)"}
}

// checkZip inspects a .xlsx before excelize opens it: the zip directory's
// sizes (MaxUnzipped in all, maxInMemory for the parts excelize holds in
// memory, maxRatio per part, maxParts), then it streams each worksheet and
// the shared strings through a reader limited to the size the directory
// declares (a directory can lie) and looks for a text or tag longer than any
// cell may be — all before anything is held in memory.
func checkZip(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return errUnreadable(path, err)
	}
	defer z.Close()
	if len(z.File) > maxParts {
		return errZipBomb(path, fmt.Sprintf("有 %d 个部件", len(z.File)), fmt.Sprintf("%d parts", len(z.File)))
	}
	var total, inMemory uint64
	var stream []*zip.File
	for _, f := range z.File {
		size := f.UncompressedSize64
		total += size
		if total > uint64(MaxUnzipped) {
			return errZipBomb(path, "解压后超过 "+sizeText(MaxUnzipped), "more than "+sizeText(MaxUnzipped)+" unzipped")
		}
		if size > ratioFrom && size/max(f.CompressedSize64, 1) > maxRatio {
			return errZipBomb(path, fmt.Sprintf("部件 %s 的压缩比为 %d 倍", f.Name, size/max(f.CompressedSize64, 1)),
				fmt.Sprintf("part %s is compressed %d times", f.Name, size/max(f.CompressedSize64, 1)))
		}
		if name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")); strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml" {
			stream = append(stream, f)
		} else if inMemory += size; inMemory > maxInMemory {
			return errZipBomb(path, "工作表以外的部件解压后超过 "+sizeText(maxInMemory), "parts other than worksheets are over "+sizeText(maxInMemory)+" unzipped")
		}
	}
	for _, f := range stream {
		if err := scanPart(path, f); err != nil {
			return err
		}
	}
	return nil
}

// scanPart streams one XML part, at most the size its directory entry
// declares, and refuses a text or a tag longer than a cell may be (in
// bytes: a character takes at most 4, an entity reference at most 10).
func scanPart(path string, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return errUnreadable(path, err)
	}
	defer rc.Close()
	limit := int64(f.UncompressedSize64)
	r := bufio.NewReaderSize(io.LimitReader(rc, limit+1), 1<<16)
	maxRun := 10*MaxCellChars + 64
	var n int64
	run := 0
	for {
		b, err := r.ReadByte()
		if errors.Is(err, io.EOF) {
			break
		}
		// archive/zip itself fails a read past the declared size
		// (zip.ErrFormat); the limit above is there in case it did not.
		if n++; err != nil || n > limit {
			return errZipBomb(path, fmt.Sprintf("部件 %s 已损坏或比声明的大", f.Name), fmt.Sprintf("part %s is damaged or larger than its directory says", f.Name))
		}
		if b == '<' || b == '>' {
			run = 0
		} else if run++; run > maxRun {
			return hezuo.Errorf(hezuo.EINVALID, "%s 的 %s 中有超过 %d 个字符的单元格", "%s: %s holds a cell of more than %d characters", path, f.Name, MaxCellChars)
		}
	}
	return nil
}

// sizeText writes a size limit: "256 MB", or bytes below a MB.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d B", n)
}

// checkCells refuses a row beyond MaxRows or a cell longer than
// MaxCellChars, naming the file, the row and the column.
func (s *Sheet) checkCells(row int, cells []string) error {
	if row-1 > MaxRows {
		return hezuo.Errorf(hezuo.EINVALID, "%s 的数据超过 %d 行", "%s holds more than %d rows of data", s.Path, MaxRows)
	}
	for i, c := range cells {
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if i < len(s.Header) && s.Header[i] != "" {
				col += " (" + s.Header[i] + ")"
			}
			return hezuo.Errorf(hezuo.EINVALID, "%s 第 %d 行第 %s 列的单元格超过 %d 个字符", "%s: row %d, column %s: the cell holds more than %d characters",
				s.Path, row, col, MaxCellChars)
		}
	}
	return nil
}
