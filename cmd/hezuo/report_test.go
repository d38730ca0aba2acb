package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestReportCommand writes the demo county's report in-process: Markdown
// with a comparison, English HTML, and the usage errors of cli.md.
func TestReportCommand(t *testing.T) {
	db := dbtest.SQLite(t)
	copyDemo(t, db)
	dir := t.TempDir()
	md := filepath.Join(dir, "汪清县报告.md")
	out := mustRun(t, "report", "--db", db, "--as-of", "2022-06-08", "--compare", "2021-06-08", "--out", md)
	if !strings.Contains(out, md) {
		t.Errorf("report says %q", out)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 汪清县农民专业合作组织党建工作情况报告", "截止到2022年6月8日，全县已建立各类农民专业合作组织168个。",
		"与2021年6月8日相比", "| 2021年6月8日 | 增减 |", "11.3%", "4.5%"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	html := filepath.Join(dir, "report.html")
	mustRun(t, "report", "--out", html, "--db", db, "--scope", "222424", "--as-of", "2022-06-08", "--lang", "en")
	if b, err := os.ReadFile(html); err != nil || !strings.Contains(string(b), `<html lang="en">`) || !strings.Contains(string(b), "11,532 registered members") {
		t.Errorf("English HTML report: %v", err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", "--db", db}, exitUsage, "--out"},
		{[]string{"report", "--db", db, "--out", filepath.Join(dir, "r.txt")}, exitUsage, ".docx"},
		{[]string{"report", "--db", db, "--out", md, "--compare", "2022-02-30"}, exitUsage, "--compare"},
		{[]string{"report", "--db", db, "--out", filepath.Join(dir, "no-such-dir", "r.md")}, exitRejected, "no-such-dir"},
		{[]string{"report", "--db", db, "--out", filepath.Join(dir, "r.md"), "--scope", "222424999"}, exitRejected, "222424999"},
	} {
		code, _, errs := hz(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("hezuo %s: exit %d, %q; want exit %d naming %q", strings.Join(c.args, " "), code, errs, c.code, c.msg)
		}
	}
	for _, name := range []string{"r.txt", "r.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("a rejected report left %s: %v", name, err)
		}
	}
}
