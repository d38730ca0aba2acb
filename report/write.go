package report

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"hezuo"
)

// Formats are the output formats, named by their file extensions.
var Formats = []string{"md", "html", "docx", "pdf", "xlsx"}

// FormatOf returns the format of an output file from its extension
// (case-insensitive; .htm and .markdown are accepted too).
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case "htm":
		ext = "html"
	case "markdown":
		ext = "md"
	}
	for _, f := range Formats {
		if f == ext {
			return f, nil
		}
	}
	return "", hezuo.Errorf(hezuo.EINVALID, "无法从文件名 %q 判断报告格式，扩展名应为 .md、.html、.docx、.pdf 或 .xlsx",
		"cannot tell the report format from %q: the extension must be .md, .html, .docx, .pdf or .xlsx", path)
}

// ContentType returns the MIME type of a format, for HTTP downloads.
func ContentType(format string) string {
	switch format {
	case "md":
		return "text/markdown; charset=utf-8"
	case "html":
		return "text/html; charset=utf-8"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "pdf":
		return "application/pdf"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/octet-stream"
}

// Write renders d in format ("md", "html", "docx", "pdf" or "xlsx") to w.
// Only "pdf" uses ctx: it prints the HTML with the local Chromium (see
// ChromiumPath) and gives up when ctx ends.
func Write(ctx context.Context, w io.Writer, d *Document, format string) error {
	switch format {
	case "md":
		return WriteMarkdown(w, d)
	case "html":
		return WriteHTML(w, d)
	case "docx":
		return WriteDOCX(w, d)
	case "pdf":
		return WritePDF(ctx, w, d)
	case "xlsx":
		return WriteXLSX(w, d)
	}
	return hezuo.Errorf(hezuo.EINVALID, "不支持的报告格式 %q", "unsupported report format %q", format)
}

// severityLabel names a finding's severity in the document's language.
func severityLabel(d *Document, sev string) string {
	zh := map[string]string{SevOK: "通过", SevInfo: "说明", SevWarning: "问题", SevError: "错误"}
	en := map[string]string{SevOK: "ok", SevInfo: "note", SevWarning: "problem", SevError: "error"}
	if d.Lang == "en" {
		return en[sev]
	}
	return zh[sev]
}

// printItems is how many of a finding's items the print formats show.
const printItems = 15

// shownItems returns the items a print format shows and a line saying how
// many more there are ("" when none).
func shownItems(d *Document, f Finding) ([]string, string) {
	if len(f.Items) <= printItems {
		return f.Items, ""
	}
	more := len(f.Items) - printItems
	if d.Lang == "en" {
		return f.Items[:printItems], "… and " + itoa(more) + " more (the .xlsx report lists all)"
	}
	return f.Items[:printItems], "……另有" + itoa(more) + "项（完整清单见 Excel 版报告）"
}

// chartTable returns a chart's data as a table, for formats that show
// charts as numbers (Markdown, Word).
func chartTable(d *Document, c *Chart) *Table {
	head := "项目"
	if d.Lang == "en" {
		head = "Item"
	}
	t := &Table{Sheet: c.Sheet, Caption: c.Title, Header: []string{head}}
	for _, s := range c.Series {
		t.Header = append(t.Header, s.Name)
	}
	for i, cat := range c.Categories {
		row := []Cell{txt(cat)}
		for _, s := range c.Series {
			v := s.Values[i]
			row = append(row, Cell{Text: itoa(int(v)), Num: v, Kind: CellInt})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func itoa(n int) string { return lang{}.n(n) }
