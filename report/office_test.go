package report_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hezuo/report"
)

// readZipPart returns one part of a zip package.
func readZipPart(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}

func TestDOCXIsAWordDocument(t *testing.T) {
	doc := report.Build(demoInput(t), "zh")
	path := write(t, doc, artifacts(t), "docx")
	for _, part := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/footer1.xml", "docProps/core.xml"} {
		body := readZipPart(t, path, part)
		if err := xml.Unmarshal([]byte(body), new(struct{})); err != nil {
			t.Errorf("%s is not well-formed XML: %v", part, err)
		}
	}
	body := readZipPart(t, path, "word/document.xml")
	dec := xml.NewDecoder(strings.NewReader(body))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
	}
	for _, s := range doc.Sections {
		style := "Heading1"
		if s.Level > 1 {
			style = "Heading2"
		}
		if !strings.Contains(body, `<w:pStyle w:val="`+style+`"/>`) || !strings.Contains(body, ">"+s.Heading+"<") {
			t.Errorf("document.xml lacks the heading %q", s.Heading)
		}
	}
	if n, want := strings.Count(body, "<w:tbl>"), len(doc.Tables())+len(doc.Charts()); n != want {
		t.Errorf("document.xml has %d tables, want %d", n, want)
	}
	for _, want := range []string{"截止到2022年6月8日，全县已建立各类农民专业合作组织168个。", "注册会员11532人", "<w:tblHeader/>", "汪清县农民专业合作组织党建工作情况报告"} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}

func TestXLSXHoldsNumbers(t *testing.T) {
	doc := report.Build(demoInput(t), "zh")
	path := write(t, doc, artifacts(t), "xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if want := 2 + len(doc.Tables()) + len(doc.Charts()); len(sheets) != want {
		t.Errorf("%d sheets %v, want %d (prose, each table, each chart, findings)", len(sheets), sheets, want)
	}
	for i, tb := range doc.Tables() {
		sh := sheets[i+1]
		if v, _ := f.GetCellValue(sh, "A1"); v != tb.Caption {
			t.Errorf("sheet %s: caption %q, want %q", sh, v, tb.Caption)
		}
		for r, row := range tb.Rows {
			for c, cell := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+3)
				typ, _ := f.GetCellType(sh, ref)
				raw, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				if !cell.IsNum() {
					if raw != cell.Text {
						t.Errorf("%s!%s = %q, want %q", sh, ref, raw, cell.Text)
					}
					continue
				}
				v, err := strconv.ParseFloat(raw, 64)
				if (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) || err != nil || math.Abs(v-cell.Num) > 1e-9 {
					t.Errorf("%s!%s holds %q (type %v), want the number %v", sh, ref, raw, typ, cell.Num)
				}
			}
		}
	}
	key := sheets[1]
	if v, _ := f.GetCellValue(key, "C3", excelize.Options{RawCellValue: true}); v != "168" {
		t.Errorf("key figures C3 = %q, want 168", v)
	}
	if v, _ := f.GetCellValue(sheets[0], "A1"); !strings.Contains(v, "汪清县") {
		t.Errorf("the first sheet starts %q", v)
	}
}

func TestPDFHasAChineseTextLayer(t *testing.T) {
	if report.Chromium() == "" {
		t.Skip("no Chromium (apt-get install -y chromium fonts-noto-cjk)")
	}
	dir := artifacts(t)
	start := time.Now()
	path := write(t, report.Build(demoInput(t), "zh"), dir, "pdf")
	t.Logf("PDF printed in %v", time.Since(start).Round(time.Millisecond))
	text := pdfText(t, path)
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"汪清县农民专业合作组织党建工作情况报告", "截止到2022年6月8日，全县已建立各类农民专业合作组织168个", "注册会员11532人", "表1", "数据质量检查"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text layer lacks %q", want)
		}
	}
	// The first page as a picture, for a person to look at (kept with $HEZUO_ARTIFACTS).
	if ppm, err := exec.LookPath("pdftoppm"); err == nil {
		if out, err := exec.Command(ppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "report-zh-page1")).CombinedOutput(); err != nil {
			t.Errorf("pdftoppm: %v: %s", err, out)
		}
	}
}

// TestOfficeOpensTheDocuments converts the .docx and .xlsx to PDF with
// LibreOffice headless, as a check that an office suite opens them.
func TestOfficeOpensTheDocuments(t *testing.T) {
	soffice := tool(t, "soffice", "apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui")
	doc := report.Build(demoInput(t), "zh")
	dir := t.TempDir()
	for _, c := range []struct{ format, want string }{{"docx", "截止到2022年6月8日"}, {"xlsx", "汪清县农民专业合作组织党建工作情况报告"}} {
		src := write(t, doc, dir, c.format)
		cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "pdf", "--outdir", filepath.Join(dir, c.format), src)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice could not convert the %s: %v: %s", c.format, err, out)
		}
		pdf := filepath.Join(dir, c.format, strings.TrimSuffix(filepath.Base(src), "."+c.format)+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("LibreOffice wrote no PDF for the %s: %v", c.format, err)
		}
		if flat := strings.Join(strings.Fields(pdfText(t, pdf)), ""); !strings.Contains(flat, c.want) {
			t.Errorf("the %s converted by LibreOffice lacks %q", c.format, c.want)
		}
	}
}
