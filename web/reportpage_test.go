package web

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"hezuo/report"
)

// docxText returns the XML of a .docx's main document.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			x, _ := io.ReadAll(r)
			r.Close()
			return string(x)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestReportPage shows the report page and downloads the report in every
// format: the right content type, Chinese prose in each, the user's scope
// enforced.
func TestReportPage(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		admin := a.login(t, "admin")
		st, body := admin.get("/report?as_of=2022-06-08&compare=2021-06-08")
		if st != http.StatusOK || !strings.Contains(body, `id="report-preview"`) || !strings.Contains(body, "合作组织") ||
			!strings.Contains(body, `href="/report.docx?`) {
			t.Fatalf("report page: %d %.2000s", st, body)
		}
		q := "?as_of=2022-06-08&rlang=zh"
		for _, f := range []string{"md", "html", "docx", "xlsx"} {
			st, h, b := admin.raw("/report." + f + q)
			if st != http.StatusOK || h.Get("Content-Type") != report.ContentType(f) || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
				t.Fatalf("report.%s: %d %s %.300s", f, st, h.Get("Content-Type"), b)
			}
			var text string
			switch f {
			case "md", "html":
				text = string(b)
			case "docx":
				text = docxText(t, b)
			case "xlsx":
				text = strings.Join(xlsxRows(t, b)[0], " ")
				for _, r := range xlsxRows(t, b)[1:] {
					text += strings.Join(r, " ")
				}
			}
			if !strings.Contains(text, "合作组织") || !strings.Contains(text, "截") {
				t.Errorf("report.%s holds no Chinese report: %.500s", f, text)
			}
		}
		if st, _, b := admin.raw("/report.md?as_of=2022-06-08&rlang=en"); st != http.StatusOK || !strings.Contains(string(b), "cooperative") {
			t.Errorf("English report: %d %.300s", st, b)
		}
		if report.Chromium() != "" && !testing.Short() {
			st, h, b := admin.raw("/report.pdf" + q)
			if st != http.StatusOK || h.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(b, []byte("%PDF")) {
				t.Errorf("report.pdf: %d %s %.100q", st, h.Get("Content-Type"), b)
			}
		}
		t.Run("no chromium", func(t *testing.T) {
			saved := report.ChromiumPaths
			report.ChromiumPaths = nil
			t.Setenv("HEZUO_CHROMIUM", "")
			defer func() { report.ChromiumPaths = saved }()
			st, _, b := admin.raw("/report.pdf" + q)
			if st != http.StatusServiceUnavailable || !strings.Contains(string(b), "Chromium") {
				t.Errorf("PDF without Chromium: %d %.300s", st, b)
			}
		})

		// A township officer reports on its township only.
		tA := a.login(t, "townA")
		if st, _, b := tA.raw("/report.md" + q); st != http.StatusOK || !strings.Contains(string(b), "天桥岭镇") || strings.Contains(string(b), "罗子沟镇") {
			t.Errorf("townA report: %d %.500s", st, b)
		}
		for _, path := range []string{"/report?scope=" + townB, "/report.md?scope=" + townB, "/report.xlsx?scope=222425"} {
			if st, _, _ := tA.raw(path); st != http.StatusForbidden {
				t.Errorf("townA GET %s: %d, want 403", path, st)
			}
		}
		// Roles that reach orgs rather than divisions get no report.
		for _, user := range []string{"secretary", "dept", "instructor"} {
			if st, _, _ := a.login(t, user).raw("/report.md" + q); st != http.StatusForbidden {
				t.Errorf("%s downloads the report: %d", user, st)
			}
		}
		if st, _, _ := admin.raw("/report.md?as_of=not-a-day"); st != http.StatusUnprocessableEntity {
			t.Errorf("a bad day: %d", st)
		}
	})
}
