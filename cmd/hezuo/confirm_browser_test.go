package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// TestConfirmBrowser: 注销组织 on an org's page first shows what will
// happen, with 确认 and 取消; 取消 leads back and the org stays active,
// 确认 dissolves it. The question fits a phone's screen (390×844) and a
// desktop's (1366×900). Then an import check of a file with a bad date in
// one row and an unknown org in another lists both in the page's table of
// problems beside the red workbook.
func TestConfirmBrowser(t *testing.T) {
	needChromium(t)
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	base, password := startServeAt(t, dsn)
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const orgNo = "WQ-HZ-001"
	today := hezuo.Today(hezuo.China)
	dissolved := func() hezuo.Date {
		t.Helper()
		d, err := db.GetOrg(context.Background(), hezuo.System, orgNo, today, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		return d.Dissolved
	}
	ctx := browserTab(t, 120*time.Second)
	shot := screenshotTo(t, artifacts(t))
	step := stepper(t, ctx)
	fits := func(what string, width int) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > width {
			t.Errorf("%s: the page is %d px wide at a %d px viewport (%v)", what, w, width, err)
		}
	}
	endButton := chromedp.CSS(`form[action="/orgs/` + orgNo + `/end"] button[type=submit]`)
	step("sign in",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("header")),
	)
	step("注销组织 asks first",
		chromedp.Navigate(base+"orgs/"+orgNo),
		chromedp.WaitVisible(endButton),
		chromedp.Click(endButton),
		chromedp.WaitVisible(chromedp.CSS("#confirm-question")),
		shot("confirm-1-question-1366"),
	)
	fits("the question at 1366", 1366)
	question, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#confirm-page")))
	if err != nil || !strings.Contains(question, "确认注销") || !strings.Contains(question, today.String()) {
		t.Errorf("the question does not say what will happen: %q %v", question, err)
	}
	if !dissolved().IsZero() {
		t.Fatal("asking dissolved the org")
	}
	step("the question on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.WaitVisible(chromedp.CSS("#confirm-yes")),
		shot("confirm-2-question-390"),
	)
	fits("the question at 390", 390)
	for _, sel := range []string{"#confirm-yes", "#confirm-cancel"} {
		h, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('`+sel+`').getBoundingClientRect().height`))
		if err != nil || h < 44 {
			t.Errorf("%s is %.0f px high on a phone, want at least 44 (%v)", sel, h, err)
		}
	}
	step("取消 leads back",
		chromedp.Click(chromedp.CSS("#confirm-cancel")),
		chromedp.WaitVisible(endButton),
	)
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/orgs/"+orgNo) {
		t.Errorf("取消 led to %s, not the org's page", loc)
	}
	if !dissolved().IsZero() {
		t.Fatal("取消 dissolved the org")
	}
	step("确认 dissolves it",
		chromedp.EmulateViewport(1366, 900),
		chromedp.Click(endButton),
		chromedp.WaitVisible(chromedp.CSS("#confirm-yes")),
		chromedp.Click(chromedp.CSS("#confirm-yes")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		shot("confirm-3-dissolved-1366"),
	)
	if got := dissolved(); got != today {
		t.Errorf("after 确认 the org's dissolution is %q, want %s", got, today)
	}

	// The import check's table of problems.
	dir := t.TempDir()
	path := filepath.Join(dir, "成员.csv")
	csv := "身份证号,姓名,组织编号,加入日期,政治面貌\n" +
		hezuo.MakeIDNumber("222424", hezuo.DateOf(1980, 3, 1), 901) + ",甲,WQ-HZ-002,2022-02-30,群众\n" +
		hezuo.MakeIDNumber("222424", hezuo.DateOf(1980, 3, 2), 902) + ",乙,ORG-999,2020-01-01,群众\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	step("an import check lists every problem",
		chromedp.Navigate(base+"import"),
		chromedp.WaitVisible(chromedp.CSS("#import-form")),
		chromedp.SetValue(chromedp.CSS("#kind"), "members"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}),
		chromedp.Click(chromedp.CSS("#import-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#import-problems")),
		shot("confirm-4-import-problems-1366"),
	)
	table, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#import-problems")))
	if err != nil || !strings.Contains(table, "2022-02-30") || !strings.Contains(table, "未知的组织编号 ORG-999") {
		t.Errorf("the table of problems lacks the bad date or the unknown org: %q %v", table, err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#import-problems tbody tr').length`)); err != nil || n != 2 {
		t.Errorf("the table has %d rows, want 2 (%v)", n, err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#error-workbook').length`)); err != nil || n != 1 {
		t.Errorf("no red workbook to download beside the table (%v)", err)
	}
	step("the table on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.WaitVisible(chromedp.CSS("#import-problems")),
		shot("confirm-5-import-problems-390"),
	)
	fits("the import page at 390", 390)
	// Each problem is read whole on the phone: no cell's text runs past its card or the screen.
	if cut, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('#import-problems td, #import-rejected, #import-templates'))
		.filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth + 1)
		.map(e => (e.textContent || '').trim().slice(0, 24)).join(' | ')`)); err != nil || cut != "" {
		t.Errorf("the import page at 390 cuts off text: %s (%v)", cut, err)
	}
	if small, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('#import-templates a'))
		.filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent).join(' ')`)); err != nil || small != "" {
		t.Errorf("template links under 44 px high on a phone: %s (%v)", small, err)
	}
}
