package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// planFixture prepares the served demo database for a plan: it ends today
// the joint branches and party groups seated in town (the demo covers every
// org, so there would be nothing to plan) and adds a township officer of
// town with password pw.
func planFixture(t *testing.T, dsn, town, pw string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, db.Rebind(`SELECT no, version FROM party_orgs WHERE form IN ('joint_branch', 'party_group')
		AND valid_to IS NULL AND seat BETWEEN ? AND ? ORDER BY no`), town+"000", town+"999")
	if err != nil {
		t.Fatal(err)
	}
	type po struct {
		no      string
		version int
	}
	var pos []po
	for rows.Next() {
		var p po
		rows.Scan(&p.no, &p.version)
		pos = append(pos, p)
	}
	rows.Close()
	for _, p := range pos {
		if _, err := db.EndPartyOrg(ctx, hezuo.System, p.no, hezuo.Today(hezuo.China), p.version, time.Now()); err != nil {
			t.Fatalf("end %s: %v", p.no, err)
		}
	}
	u := &hezuo.User{Name: "tianqiaoling", Role: hezuo.RoleTownshipOfficer, Scope: town}
	if err := db.CreateUser(ctx, u, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserPlan: a township officer reviews the joint-branch proposal in
// the browser, takes an org out and checks the change, puts it back,
// accepts, and the check page shows the orgs covered by joint branches.
func TestBrowserPlan(t *testing.T) {
	needChromium(t)
	const town, pw = "222424102", "Plan browser password 9"
	dsn := dbtest.SQLite(t)
	base, _ := startServeAt(t, dsn)
	planFixture(t, dsn, town, pw)
	shots := artifacts(t)
	ctx := browserTab(t, 90*time.Second)
	shot := screenshotTo(t, shots)
	step := stepper(t, ctx)
	step("sign in as the township officer",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "tianqiaoling"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Click(chromedp.CSS("#login-submit")),
		// The dashboard has shown and fetched its 待办 section (GET /todo),
		// so the page no longer changes under the next click.
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds")),
		chromedp.WaitNotPresent(chromedp.CSS("#todo-section[hx-get]")),
	)
	step("open the plan page",
		chromedp.Click(chromedp.CSS("#nav-plan")),
		chromedp.WaitVisible(chromedp.CSS("#branch-1")),
		shot("plan-1-proposal"),
	)
	branch1, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#branch-1 select')).map(s => s.name.slice(2))`))
	if err != nil || len(branch1) < 2 {
		t.Fatalf("branch 1: %v %v", branch1, err)
	}
	placed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#joint-form select')).filter(s => s.value !== '0').map(s => s.name.slice(2))`))
	if err != nil {
		t.Fatal(err)
	}
	// Take the first org of branch 1 out and check: the page says whether
	// the edit holds, with the reason when it does not.
	out := "#b-" + branch1[0]
	// Each check is a form post that loads a new page; mark the old one so
	// waits cannot be satisfied by its elements before it is replaced.
	markStale := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.body.dataset.stale = '1') === '1'`)); err != nil {
			t.Fatal(err)
		}
	}
	markStale()
	step("take an org out and check",
		chromedp.SetValue(chromedp.CSS(out), "0"),
		chromedp.Click(chromedp.CSS("#joint-check")),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-stale]) #joint-error, body:not([data-stale]) #joint-checked")),
		shot("plan-2-edited"),
	)
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+out+`').value`)); v != "0" {
		t.Errorf("the checked page lost the edit: %s = %q", out, v)
	}
	markStale()
	step("put it back and check",
		chromedp.SetValue(chromedp.CSS(out), "1"),
		chromedp.Click(chromedp.CSS("#joint-check")),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-stale]) #joint-checked")),
	)
	step("accept",
		chromedp.Click(chromedp.CSS("#joint-accept")),
		chromedp.WaitVisible(chromedp.CSS("#townships")),
		shot("plan-3-check"),
	)
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/check?scope="+town) {
		t.Errorf("after acceptance at %s", loc)
	}
	if flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash"))); err != nil || flash == "" {
		t.Errorf("no word of what was accepted: %v", err)
	}
	main, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, no := range placed {
		row, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var a=Array.from(document.querySelectorAll('main table tr')).find(tr => tr.cells.length > 4 && tr.cells[0].innerText.trim() === '`+no+`'); return a ? a.innerText : ''})()`))
		if err != nil || !strings.Contains(row, "联合党支部") {
			t.Errorf("%s on the check page: %q %v", no, row, err)
		}
	}
	if !strings.Contains(main, "联合党支部") {
		t.Error("the check page shows no joint branch")
	}
}
