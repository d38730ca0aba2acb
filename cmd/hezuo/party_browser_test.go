package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// partyFixture returns, in the served demo database dsn, a cooperative of
// town existing today, the township's first village, and a party
// organization seated in the township.
func partyFixture(t *testing.T, dsn, town string) (org, village, partyOrg string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lo, hi := town+"000", town+"999"
	today := hezuo.Today(hezuo.China)
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT min(org_no) FROM orgs WHERE kind = 'cooperative' AND village BETWEEN ? AND ?
		AND founded <= ? AND dissolved IS NULL`), lo, hi, today).Scan(&org); err != nil || org == "" {
		t.Fatalf("no cooperative in %s: %v", town, err)
	}
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT min(code) FROM divisions WHERE level = 'village' AND code BETWEEN ? AND ?`), lo, hi).Scan(&village); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT min(no) FROM party_orgs WHERE seat BETWEEN ? AND ? AND valid_to IS NULL AND valid_from <= ?`),
		lo, hi, today.AddDays(-60)).Scan(&partyOrg); err != nil || partyOrg == "" {
		t.Fatalf("no party organization in %s: %v", town, err)
	}
	return org, village, partyOrg
}

// TestBrowserPartyMemberForms: a township officer created with `hezuo user
// add`, with forms only, on a phone-sized screen, registers a person as
// 中共党员 with 入党日期 and 转正日期, adds them to a cooperative of the
// township and sees the cooperative's 正式党员数 go up by one; then records
// the 组织关系转入 of another person from the person page. The forms'
// labels are bound to their fields, and the pages fit 390 px and 1366 px.
func TestBrowserPartyMemberForms(t *testing.T) {
	needChromium(t)
	const town, user, pw = "222424102", "party-town", "Party browser password 9"
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	if code, _, errs := hz(t, pw+"\n", "user", "add", user, "--role", "township_officer", "--scope", town, "--password-stdin", "--db", dsn); code != 0 {
		t.Fatalf("user add: %d %s", code, errs)
	}
	org, village, partyOrg := partyFixture(t, dsn, town)
	base, _ := serveIn(t, dsn, false)     // the officer exists: no administrator to create
	ctx := browserTab(t, 240*time.Second) // generous: the machine may be busy
	shot := screenshotTo(t, artifacts(t))
	run := stepper(t, ctx)
	start := time.Now()
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		run(what, steps...)
		t.Logf("%5.1fs %s", time.Since(start).Seconds(), what)
	}
	fits := func(what string, width int) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > width {
			t.Errorf("%s: the page is %d px wide at %d (%v)", what, w, width, err)
		}
	}
	labels := func(what string, want map[string]string) {
		t.Helper()
		for id, text := range want {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(
				`(() => { const l = document.querySelector('label[for=%q]'); return l && document.getElementById(%q) ? l.textContent.trim() : '' })()`, id, id)))
			if err != nil || got != text {
				t.Errorf("%s: label for #%s is %q, want %q bound to the field (%v)", what, id, got, text, err)
			}
		}
	}
	count := func(what string) int {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('full-members').textContent.trim()`))
		n, err2 := strconv.Atoi(s)
		if err != nil || err2 != nil {
			t.Fatalf("%s: 正式党员数 %q (%v %v)", what, s, err, err2)
		}
		return n
	}
	// waitFor waits for sel, and on failure saves a screenshot and names
	// the page it is on.
	waitFor := func(what, sel string) {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS(sel)))
		cancel()
		if err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + ' ' + document.body.innerText.slice(0, 400)`))
			chromedp.Do(ctx, shot("party-failed"))
			t.Fatalf("%s: %v; on %s", what, err, loc)
		}
	}
	today := hezuo.Today(hezuo.China)
	joined, full := today.AddDate(-6, 0, 0), today.AddDate(-5, 0, 0)

	step("sign in on a phone-sized screen",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Click(chromedp.CSS("#login-submit")),
		// The dashboard's deferred sections loaded: no query of it still
		// runs while the forms write.
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds")),
		chromedp.WaitNotPresent(chromedp.CSS("#todo-section[hx-get]")),
	)
	step("open the cooperative's page", chromedp.Navigate(base+"orgs/"+org), chromedp.WaitVisible(chromedp.CSS("#full-members")))
	before := count("before")

	step("open the new-person form from the people list",
		chromedp.Navigate(base+"people"),
		chromedp.WaitVisible(chromedp.CSS("#transfer-in")),
		chromedp.Click(chromedp.CSS("#new-person")),
		chromedp.WaitVisible(chromedp.CSS("#person-form")),
	)
	labels("person form", map[string]string{"political_status": "政治面貌", "joined_party": "入党日期", "full_member_since": "转正日期"})
	idNumber := hezuo.MakeIDNumber("222424", hezuo.DateOf(1975, time.April, 9), 917)
	step("fill it in: 中共党员 with both dates",
		chromedp.SendKeys(chromedp.CSS("#id_number"), idNumber),
		chromedp.SendKeys(chromedp.CSS("#name"), "党员测试"),
		chromedp.SetValue(chromedp.CSS("#village"), village),
		chromedp.SetValue(chromedp.CSS("#political_status"), hezuo.StatusFull),
		chromedp.SetValue(chromedp.CSS("#joined_party"), joined.String()),
		chromedp.SetValue(chromedp.CSS("#full_member_since"), full.String()),
		shot("party-1-personform-390"),
	)
	fits("the person form", 390)
	step("save",
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#edit-person")),
	)
	personPath, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('main').textContent`))
	if err != nil || !strings.Contains(status, "中共党员") {
		t.Errorf("the person page does not say 中共党员 (%v)", err)
	}
	step("join the cooperative",
		chromedp.SendKeys(chromedp.CSS("#join-org"), org),
		chromedp.Click(chromedp.CSS("#join-form button[type=submit]")),
	)
	waitFor("the join's answer", "#memberships a[href='/orgs/"+org+"'], #form-error, .invalid")
	step("see the person's page", shot("party-2-person-390"))
	if msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('#form-error, .field-error') || {textContent: ''}).textContent`)); err != nil || msg != "" {
		t.Fatalf("joining %s: %q (%v)", org, msg, err)
	}
	fits("the person page", 390)
	step("open the cooperative's page again",
		chromedp.Navigate(base+"orgs/"+org),
		chromedp.WaitVisible(chromedp.CSS("#full-members")),
		chromedp.ScrollIntoView(chromedp.CSS("#rule-result")),
		shot("party-3-org-390"),
	)
	if after := count("after"); after != before+1 {
		t.Errorf("正式党员数 of %s: %d before, %d after, want +1", org, before, after)
	}

	// Development steps are for new members: the step form says where a
	// member's dates belong.
	step("try a development step for the member",
		chromedp.Navigate(base+"development/steps/new?person="+strings.TrimPrefix(personPath, "/people/")),
		chromedp.WaitVisible(chromedp.CSS("#step-form")),
		chromedp.SetValue(chromedp.CSS("#status"), hezuo.StatusFull),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#err-status")),
		shot("party-3b-step-refused-390"),
	)
	fits("the step form", 390)
	if msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('err-status').textContent`)); err != nil ||
		!strings.Contains(msg, "已是中共党员") || !strings.Contains(msg, "人员信息") {
		t.Errorf("the step form's message: %q (%v)", msg, err)
	}

	// 组织关系转入 of another person, from the person page.
	step("register a second person (群众)",
		chromedp.Navigate(base+"people/new"),
		chromedp.WaitVisible(chromedp.CSS("#person-form")),
		chromedp.SendKeys(chromedp.CSS("#id_number"), hezuo.MakeIDNumber("222424", hezuo.DateOf(1980, time.May, 3), 925)),
		chromedp.SendKeys(chromedp.CSS("#name"), "转入测试"),
		chromedp.SetValue(chromedp.CSS("#village"), village),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#transfer-person")),
		chromedp.Click(chromedp.CSS("#transfer-person")),
		chromedp.WaitVisible(chromedp.CSS("#transfer-form")),
	)
	labels("transfer-in form", map[string]string{"political_status": "政治面貌", "joined_party": "入党日期", "full_member_since": "转正日期",
		"party_org": "接收党组织", "transfer_on": "转入日期", "origin": "转出党组织"})
	step("fill in the letter of transfer",
		chromedp.SetValue(chromedp.CSS("#political_status"), hezuo.StatusFull),
		chromedp.SetValue(chromedp.CSS("#joined_party"), "2009-07-01"),
		chromedp.SetValue(chromedp.CSS("#party_org"), partyOrg),
		chromedp.SetValue(chromedp.CSS("#transfer_on"), today.AddDays(-20).String()),
		chromedp.SendKeys(chromedp.CSS("#origin"), "和龙市西城镇某村党支部"),
		shot("party-4-transfer-390"),
	)
	fits("the transfer-in form", 390)
	step("see it at desktop width",
		chromedp.EmulateViewport(1366, 900),
		shot("party-5-transfer-1366"),
	)
	fits("the transfer-in form", 1366)
	step("save the transfer",
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#flash")),
		shot("party-6-transferred-1366"),
	)
	if main, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('main').textContent`)); err != nil || !strings.Contains(main, "中共党员") {
		t.Errorf("after the transfer the person page does not say 中共党员 (%v)", err)
	}
}
