package main

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// englishKeys are the codes the Chinese UI must never show: every code of
// the domain's name tables (roles, org kinds, forms, the rules' verdicts,
// party statuses, meeting kinds, loan statuses…) and the audit actions.
func englishKeys() map[string]bool {
	keys := map[string]bool{}
	for _, m := range []map[string]string{hezuo.RoleNames, hezuo.KindNames, hezuo.FormNames, hezuo.RequiredNames,
		hezuo.ActualNames, hezuo.StatusLabels, hezuo.LevelNames, hezuo.StatusNames, hezuo.MeetingNames, hezuo.LoanStatusNames,
		hezuo.FulfilmentNames, hezuo.ModeNames, hezuo.SourceNames, hezuo.PovertyNames, hezuo.RateKindNames} {
		for k := range m {
			keys[k] = true
		}
	}
	for _, k := range []string{hezuo.ActionCreate, hezuo.ActionUpdate, hezuo.ActionEnd, hezuo.ActionView, hezuo.ActionLogin,
		hezuo.ActionUser, hezuo.ActionExport, "import", "org", "person", "session", "membership", "party_org", "ok", "created"} {
		keys[k] = true
	}
	return keys
}

// chartText is the script returning what a reader of the page sees: its
// text, and the names the drawn charts show (series, slices, axes, titles:
// the legends are drawn on a canvas, so they are read from the charts).
const chartText = `(() => {
  const out = [document.body.innerText];
  document.querySelectorAll('[data-drawn]').forEach(el => {
    const c = typeof echarts !== 'undefined' && echarts.getInstanceByDom(el);
    if (!c) { return; }
    const o = c.getOption();
    (o.title || []).forEach(t => out.push(t.text || ''));
    (o.legend || []).forEach(l => (l.data || []).forEach(d => out.push(typeof d === 'string' ? d : (d.name || ''))));
    (o.series || []).forEach(s => {
      out.push(s.name || '');
      (s.data || []).forEach(d => { if (d && typeof d === 'object' && d.name) { out.push(d.name); } });
    });
    (o.xAxis || []).concat(o.yAxis || []).forEach(a => { out.push(a.name || ''); (a.data || []).forEach(x => out.push(String(x))); });
  });
  return out.join('\n');
})()`

var browserWordRe = regexp.MustCompile(`[A-Za-z0-9_-]+`)

// TestZhBrowser: a county administrator reading in Chinese sees no code
// key on the dashboard (text and the charts' legends, axes and slices) nor
// in the audit log after a sign-in refused, users created and an org
// dissolved — at 1366×900 and 390×844.
func TestZhBrowser(t *testing.T) {
	needChromium(t)
	ctx0 := context.Background()
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	base, adminPW := startServeAt(t, dsn)
	db, err := sqldb.Open(ctx0, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users, err := db.Users(ctx0, hezuo.System)
	if err != nil {
		t.Fatal(err)
	}
	var admin *hezuo.User
	for _, u := range users {
		if u.Name == "admin" {
			admin = u
		}
	}
	if admin == nil {
		t.Fatal("no demo administrator")
	}
	now := time.Now()
	for _, u := range []*hezuo.User{{Name: "zhtown", Role: hezuo.RoleTownshipOfficer, Scope: "222424102"},
		{Name: "zhsec", Role: hezuo.RoleBranchSecretary, Scope: "222424102", Subject: "WQ-HZ-001"}} {
		if err := db.CreateUserBy(ctx0, admin.Access(), u, "Zh browser password 9", now); err != nil {
			t.Fatal(err)
		}
	}
	var version int
	if err := db.QueryRowContext(ctx0, `SELECT version FROM orgs WHERE org_no = 'WQ-HZ-009'`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EndOrg(ctx0, admin.Access(), "WQ-HZ-009", hezuo.Today(hezuo.China), version, now); err != nil {
		t.Fatal(err)
	}

	ctx := browserTab(t, 300*time.Second)
	shot := screenshotTo(t, artifacts(t))
	step := stepper(t, ctx)
	keys := englishKeys()
	noKeys := func(what string) string {
		t.Helper()
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](chartText))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		seen := map[string]bool{}
		for _, w := range browserWordRe.FindAllString(text, -1) {
			if keys[w] {
				seen[w] = true
			}
		}
		if len(seen) > 0 {
			var ws []string
			for w := range seen {
				ws = append(ws, w)
			}
			sort.Strings(ws)
			t.Errorf("%s shows code keys in Chinese: %s", what, strings.Join(ws, " "))
		}
		return text
	}
	step("a refused sign-in, then the administrator's",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), "not the password 1"),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("#login-error")),
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), adminPW),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds[data-drawn]")),
		chromedp.WaitVisible(chromedp.CSS("#chart-trend[data-drawn]")),
	)
	for _, size := range []struct{ w, h int64 }{{1366, 900}, {390, 844}} {
		sz := []string{"1366", "390"}[map[int64]int{1366: 0, 390: 1}[size.w]]
		step("the dashboard at "+sz,
			chromedp.EmulateViewport(size.w, size.h),
			chromedp.Navigate(base),
			chromedp.WaitVisible(chromedp.CSS("#chart-forms[data-drawn]")))
		// The overdue list comes after the page (htmx): read it too.
		for i := 0; ; i++ {
			loading, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('#todo-section[hx-get]')`))
			if err != nil || !loading {
				break
			}
			if i == 600 {
				t.Fatal("the overdue list did not load")
			}
			time.Sleep(100 * time.Millisecond)
		}
		step("the dashboard's screenshot", shot("zh-dashboard-"+sz))
		text := noKeys("the dashboard at " + sz)
		for _, want := range []string{"联合党支部", "合作社", "单独建党组织"} {
			if !strings.Contains(text, want) {
				t.Errorf("the dashboard's charts lack %q", want)
			}
		}
		step("the audit log at "+sz,
			chromedp.Navigate(base+"audit"),
			chromedp.WaitVisible(chromedp.CSS("table")),
			shot("zh-audit-"+sz))
		text = noKeys("the audit log at " + sz)
		for _, want := range []string{"注销", "合作组织", "县委组织部", "乡镇党委", "登录", "新建用户", "注销日期", "拒绝"} {
			if !strings.Contains(text, want) {
				t.Errorf("the audit log at %s lacks %q", sz, want)
			}
		}
	}
}
