package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"hezuo"
	"hezuo/demo"
	"hezuo/report"
	"hezuo/sqldb"
)

// The demo county's report, built once for all tests of this file.
var (
	demoOnce sync.Once
	demoIn   *report.Input
	demoErr  error
	demoDir  string
)

// demoInput loads the demo county into a fresh SQLite database and collects
// its report input as of the seed article's date.
func demoInput(t *testing.T) *report.Input {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "hezuo-report-test-")
		if demoErr != nil {
			return
		}
		ctx := context.Background()
		db, err := sqldb.Open(ctx, filepath.Join(demoDir, "demo.db"))
		if err != nil {
			demoErr = err
			return
		}
		defer db.Close()
		if demoErr = db.Load(ctx, demo.County(demo.SeedTargets().Day), hezuo.MustDate("2026-01-01")); demoErr != nil {
			return
		}
		demoIn, demoErr = report.Collect(ctx, db, report.Options{Scope: hezuo.AllScope, AsOf: hezuo.MustDate("2022-06-08"),
			Compare: hezuo.MustDate("2021-06-08"), Today: hezuo.MustDate("2022-06-10")})
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoIn
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// artifacts is where the written reports stay: $HEZUO_ARTIFACTS when set
// (CI keeps it), else the test's temporary directory.
func artifacts(t *testing.T) string {
	dir := os.Getenv("HEZUO_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// write renders doc in format into dir and returns the file's path.
func write(t *testing.T, doc *report.Document, dir, format string) string {
	t.Helper()
	path := filepath.Join(dir, "report-"+doc.Lang+"."+format)
	var buf bytes.Buffer
	if err := report.Write(context.Background(), &buf, doc, format); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// seedTexts are the seed article's figures as the Chinese report writes
// them, with the platform figures the demo holds (whatever they are).
func seedTexts(s *hezuo.Stats) []string {
	out := []string{"全县已建立各类农民专业合作组织168个", "农民专业合作社69个", "注册会员11532人", "党员354人",
		fmt.Sprintf("带动农户%d户", s.Cooperatives.HouseholdsDriven), "产业协会发展到99个", "吸纳会员17653人", "党员409人",
		"党支部25个", "联合支部75个", "党小组108个", "共向55个专业合作组织下派党建工作指导员55名", "发展党员2名", "入党积极分子32名",
		"763名党员", "538名农村专业技术人才", "11.3%", "4.5%", "29185"}
	if a := s.Assistance; a.Units > 0 {
		out = append(out, fmt.Sprintf("%d个单位参与包村活动", a.Units), fmt.Sprintf("包扶农民专业合作组织%d个", a.OrgsAssisted))
	}
	if a := s.Assistance; a.HouseholdsPaired > 0 {
		out = append(out, fmt.Sprintf("结对帮扶%d户", a.HouseholdsPaired), fmt.Sprintf("帮助%d人实现脱贫致富", a.PeopleOutOfPoverty))
	}
	if l := s.Loans; l.TotalFen > 0 {
		out = append(out, "党员农贷资金"+strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", float64(l.TotalFen)/1e6), "0"), ".")+"万元")
	}
	if tr := s.Training; tr.Sessions > 0 {
		out = append(out, fmt.Sprintf("培训班%d次", tr.Sessions), fmt.Sprintf("%d人次", tr.Attendances))
	}
	return out
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// onePage is the Chinese characters of a page of 正文: an A4 page at 14 pt
// holds about 30 characters a line and 28 lines.
const onePage = 840

func TestDemoReportCarriesTheSeedFigures(t *testing.T) {
	in := demoInput(t)
	if in.Area.Name != "汪清县" || len(in.Parts) != 9 {
		t.Fatalf("area %+v with %d parts; want 汪清县 and its 9 townships", in.Area, len(in.Parts))
	}
	doc := report.Build(in, "zh")
	prose := strings.Join(doc.Paragraphs(), "\n")
	if n := hanCount(prose); n < onePage {
		t.Errorf("the prose has %d Chinese characters, less than a page (%d)", n, onePage)
	} else {
		t.Logf("prose: %d Chinese characters", n)
	}
	dir := artifacts(t)
	for _, format := range []string{"md", "html"} {
		b, err := os.ReadFile(write(t, doc, dir, format))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, want := range seedTexts(in.Stats) {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks the seed figure %q", format, want)
			}
		}
		for _, want := range []string{"表1　主要指标", "分乡镇合作组织和会员情况", "东光镇", "附件：数据质量检查", "本报告正文采用此口径", "与2021年6月8日相比"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report-zh.html"))
	if n := strings.Count(string(html), "<svg"); n != len(doc.Charts()) || n < 4 {
		t.Errorf("html has %d inline charts, want %d (at least 4)", n, len(doc.Charts()))
	}
	for _, external := range []string{"<script", "<link", "src=\"http", "url(http", "@import"} {
		if strings.Contains(string(html), external) {
			t.Errorf("html is not self-contained: it has %q", external)
		}
	}
}

func TestDemoReportInEnglish(t *testing.T) {
	doc := report.Build(demoInput(t), "en")
	b, err := os.ReadFile(write(t, doc, artifacts(t), "md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"As of 8 June 2022, 168 farmers' cooperative organizations", "11,532 registered members", "Appendix: data quality",
		"11.3% of the 11,532 members of professional cooperatives, but 4.5% of all 29,185 members"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("English report lacks %q", want)
		}
	}
}

// tool returns the path of a command-line tool, skipping the test without it.
func tool(t *testing.T, name, install string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (%s)", name, install)
	}
	return p
}

// pdfText extracts the text layer of a PDF with poppler's pdftotext.
func pdfText(t *testing.T, path string) string {
	out, err := exec.Command(tool(t, "pdftotext", "apt-get install -y poppler-utils"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
