package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// officersFixture adds a township officer of town with password pw to the
// served demo database and returns a branch seated in town with a secretary
// in office, and a full party member of the township (no 致富能手) who holds
// no post in it: the branch's number, the person's ID number and name.
func officersFixture(t *testing.T, dsn, town, pw string) (no, idNumber, name string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lo, hi := town+"000", town+"999"
	var poID int64
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT po.no, po.id FROM party_orgs po WHERE po.form = 'branch'
		AND po.seat BETWEEN ? AND ? AND po.valid_to IS NULL AND EXISTS (SELECT 1 FROM officers f
		WHERE f.party_org_id = po.id AND f.role = 'secretary' AND f.valid_to IS NULL) ORDER BY po.no`), lo, hi).Scan(&no, &poID); err != nil {
		t.Fatal(err)
	}
	var sealed string
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT p.id_sealed, p.name FROM people p
		JOIN party_status s ON s.person_id = p.id AND s.status = 'full' AND s.valid_to IS NULL AND s.valid_from < ?
		JOIN memberships m ON m.person_id = p.id JOIN orgs o ON o.id = m.org_id
		WHERE o.village BETWEEN ? AND ? AND p.leader_since IS NULL
		AND p.id NOT IN (SELECT person_id FROM officers WHERE party_org_id = ?) ORDER BY p.id`),
		hezuo.Today(hezuo.China).AddDays(-1), lo, hi, poID).Scan(&sealed, &name); err != nil {
		t.Fatal(err)
	}
	if idNumber, err = db.Keys().Open(sealed); err != nil {
		t.Fatal(err)
	}
	u := &hezuo.User{Name: "officers-town", Role: hezuo.RoleTownshipOfficer, Scope: town}
	if err := db.CreateUser(ctx, u, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
	return no, idNumber, name
}

// TestOfficersBrowser: on a phone-sized screen (390×844) a township officer
// adds a post on a branch's page, sees it listed, ends it through the
// confirmation page; the officers section fits the screen's width.
func TestOfficersBrowser(t *testing.T) {
	needChromium(t)
	const town, pw = "222424102", "Officers browser password 9"
	dsn := dbtest.SQLite(t)
	base, _ := startServeAt(t, dsn)
	no, id, name := officersFixture(t, dsn, town, pw)
	ctx := browserTab(t, 90*time.Second)
	shot := screenshotTo(t, artifacts(t))
	step := stepper(t, ctx)
	fits := func(what, sel string) {
		t.Helper()
		// Every element of the section ends inside the viewport.
		over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('`+sel+`, `+sel+` *')).filter(
			e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1).length`))
		if err != nil || over != 0 {
			t.Errorf("%s: %d elements of %s overflow 390 px (%v)", what, over, sel, err)
		}
	}
	step("sign in on a phone-sized screen",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "officers-town"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds")),
		chromedp.WaitNotPresent(chromedp.CSS("#todo-section[hx-get]")),
	)
	step("open the branch's page",
		chromedp.Navigate(base+"partyorgs/"+no+"/edit#officers"),
		chromedp.WaitVisible(chromedp.CSS("#officer-form")),
		chromedp.ScrollIntoView(chromedp.CSS("#officers")),
		shot("officers-1-page-390"),
	)
	fits("the page", "#officers")
	fits("the page", "main")
	yesterday := hezuo.Today(hezuo.China).AddDays(-1).String()
	step("add a post",
		chromedp.SendKeys(chromedp.CSS("#post_id_number"), id),
		chromedp.SetValue(chromedp.CSS("#post_role"), "宣传委员"),
		chromedp.SetValue(chromedp.CSS("#post_from"), yesterday),
		chromedp.Click(chromedp.CSS("#add-officer")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	li, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(
		`(Array.from(document.querySelectorAll('#officer-list li')).find(l => l.textContent.includes(%q)) || {id: ''}).id`, name)))
	if err != nil || li == "" {
		t.Fatalf("the new post is not listed (%v)", err)
	}
	step("see it listed", chromedp.ScrollIntoView(chromedp.CSS("#"+li)), shot("officers-2-added-390"))
	fits("after adding", "#officers")
	step("end it: the question first",
		chromedp.Click(chromedp.CSS("#"+li+" .end-post")),
		chromedp.WaitVisible(chromedp.CSS("#confirm-question")),
		shot("officers-3-confirm-390"),
	)
	fits("the question", "#confirm-form")
	step("confirm",
		chromedp.Click(chromedp.CSS("#confirm-end")),
		chromedp.WaitVisible(chromedp.CSS("#"+li+".past")),
		shot("officers-4-ended-390"),
	)
}
