package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"time"

	"hezuo"
	"hezuo/report"
)

// The county report, in each of its formats.
var _ = addArea(area{Nav: "report", Path: "/report", Texts: "figures", ID: "nav-report", At: 130, Sees: Page.SeesReport,
	Routes: func(s *Server, m *http.ServeMux) {
		for _, f := range report.Formats {
			m.HandleFunc("GET /report."+f, s.page(s.reportDownload))
		}
	}})

// pdfTimeout bounds printing a report with Chromium.
const pdfTimeout = 2 * time.Minute

// reportView is the report page: the form (scope, as-of day, optional
// comparison day, language), a preview of the report (its headings,
// prose and table captions) and the download links.
type reportView struct {
	Page
	Scope     string
	AsOf      string
	Compare   string
	RLang     string
	Query     string // the form's query, for the download links
	Formats   []string
	Doc       *report.Document
	Preview   []previewSection
	HasChrome bool
}

// previewSection is one section of the preview.
type previewSection struct {
	Heading    string
	Level      int
	Paragraphs []report.Paragraph
	Captions   []string
}

// reportRequest reads the report's query: ?scope= (narrowed by the user's
// Access), ?as_of=, ?compare=, ?rlang= (the report's language, default the
// page's). Only roles whose reach is a whole division get reports: a
// report counts every org of its area, which a branch secretary, a
// department officer or an instructor may not see.
func (s *Server) reportRequest(r *http.Request) (report.Options, string, error) {
	a := accessOf(r)
	var o report.Options
	if !a.ByDivision() {
		return o, "", hezuo.Errorf(hezuo.EFORBIDDEN, "工作报告按区划统计，只对县、乡镇管理员和审计开放", "reports count whole divisions: they are for county and township officers and auditors")
	}
	req, err := scopeParam(r)
	if err != nil {
		return o, "", err
	}
	if o.Scope, err = a.Narrow(req); err != nil {
		return o, "", err
	}
	if o.AsOf, err = dayParam(r); err != nil {
		return o, "", err
	}
	if c := strings.TrimSpace(r.URL.Query().Get("compare")); c != "" {
		if o.Compare, err = hezuo.ParseDate(c); err != nil {
			return o, "", err
		}
	}
	o.Today = s.today()
	lang := r.URL.Query().Get("rlang")
	if lang != "en" && lang != "zh" {
		lang = langOf(r)
	}
	return o, lang, nil
}

// buildReport collects and builds the report a request asks for.
func (s *Server) buildReport(r *http.Request) (*report.Document, reportView, error) {
	v := reportView{Page: s.pageOf(r, "report", "report"), Formats: report.Formats, HasChrome: report.Chromium() != ""}
	o, lang, err := s.reportRequest(r)
	if err != nil {
		return nil, v, err
	}
	q := r.URL.Query()
	v.Scope, v.AsOf, v.RLang = q.Get("scope"), o.AsOf.String(), lang
	if !o.Compare.IsZero() {
		v.Compare = o.Compare.String()
	}
	in, err := report.Collect(r.Context(), s.db, o)
	if err != nil {
		return nil, v, err
	}
	doc := report.Build(in, lang)
	q.Set("as_of", v.AsOf)
	q.Set("rlang", lang)
	v.Query = q.Encode()
	return doc, v, nil
}

var _ = pageRoute("GET /report", (*Server).reportPage)

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) error {
	doc, v, err := s.buildReport(r)
	if err != nil {
		return err
	}
	v.Doc = doc
	for _, sec := range doc.Sections {
		p := previewSection{Heading: sec.Heading, Level: sec.Level}
		for _, b := range sec.Blocks {
			switch x := b.(type) {
			case *report.Paragraph:
				p.Paragraphs = append(p.Paragraphs, *x)
			case *report.Table:
				p.Captions = append(p.Captions, x.Caption)
			}
		}
		v.Preview = append(v.Preview, p)
	}
	return s.render(w, http.StatusOK, "report", v)
}

// reportDownload writes the report in the format its URL names
// (/report.md, .html, .docx, .pdf, .xlsx). The PDF is printed by the local
// Chromium; without one the answer is an error page saying so.
func (s *Server) reportDownload(w http.ResponseWriter, r *http.Request) error {
	format, err := report.FormatOf(r.URL.Path)
	if err != nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有这种格式", "no such format")
	}
	doc, v, err := s.buildReport(r)
	if err != nil {
		return err
	}
	if format == "pdf" && report.Chromium() == "" {
		// Not an internal error to hide: the officer (or the administrator
		// reading over their shoulder) needs to know what is missing.
		msg := "本服务器未安装 Chromium，无法生成 PDF（可下载 .html 用浏览器打印，或安装 chromium fonts-noto-cjk，或用 HEZUO_CHROMIUM 指明其路径）"
		if v.Lang == "en" {
			msg = "this server has no Chromium, so it cannot write PDF (download the .html and print it from a browser, or install chromium and fonts-noto-cjk, or set HEZUO_CHROMIUM)"
		}
		return s.render(w, http.StatusServiceUnavailable, "error", errorView{Page: v.Page, Status: http.StatusServiceUnavailable, Message: msg})
	}
	ctx, cancel := context.WithTimeout(r.Context(), pdfTimeout)
	defer cancel()
	// Written to memory first, so that a failure (no Chromium) is an error
	// page instead of half a file.
	var buf bytes.Buffer
	if err := report.Write(ctx, &buf, doc, format); err != nil {
		return err
	}
	name := "工作报告-" + v.AsOf
	if v.RLang == "en" {
		name = "report-" + v.AsOf
	}
	attach(w, report.ContentType(format), name+"."+format)
	_, err = buf.WriteTo(w)
	return err
}
