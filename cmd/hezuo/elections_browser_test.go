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

// TestElectionsBrowser: on a phone-sized screen (390×844) a township
// officer opens a branch whose term has run out, records its election
// (登记换届) and sees it listed as the latest; the section fits the
// screen's width, and the desktop page (1366×900) is shot for review.
func TestElectionsBrowser(t *testing.T) {
	needChromium(t)
	const pw = "Elections browser password 9"
	dsn := dbtest.SQLite(t)
	base, _ := startServeAt(t, dsn)
	ctx0 := context.Background()
	db, err := sqldb.Open(ctx0, dsn)
	if err != nil {
		t.Fatal(err)
	}
	today := hezuo.Today(hezuo.China)
	var no, seat string
	if err := db.QueryRowContext(ctx0, db.Rebind(`SELECT no, seat FROM party_orgs WHERE form IN ('branch', 'joint_branch')
		AND valid_to IS NULL AND elected_on <= ? ORDER BY no`), today.AddPeriod(-3, 0)).Scan(&no, &seat); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateUser(ctx0, &hezuo.User{Name: "elections-town", Role: hezuo.RoleTownshipOfficer, Scope: seat[:9]}, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ctx := browserTab(t, 90*time.Second)
	dir := artifacts(t)
	shot := screenshotTo(t, dir)
	// part saves the section alone, for review at its real size.
	part := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			b, err := chromedp.Screenshot(chromedp.CSS("#elections"))(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
		})
	}
	step := stepper(t, ctx)
	fits := func(what, sel string) {
		t.Helper()
		over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('`+sel+`, `+sel+` *')).filter(
			e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1).length`))
		if err != nil || over != 0 {
			t.Errorf("%s: %d elements of %s overflow the width (%v)", what, over, sel, err)
		}
	}
	step("sign in on a phone-sized screen",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "elections-town"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds")),
		chromedp.WaitNotPresent(chromedp.CSS("#todo-section[hx-get]")),
	)
	step("open the branch's page",
		chromedp.Navigate(base+"partyorgs/"+no+"/edit#elections"),
		chromedp.WaitVisible(chromedp.CSS("#election-form")),
		chromedp.ScrollIntoView(chromedp.CSS("#elections")),
		shot("elections-1-page-390"), part("elections-1-section-390"),
	)
	fits("the page", "#elections")
	fits("the page", "main")
	day := today.AddDays(-1).String()
	step("record the election",
		chromedp.SetValue(chromedp.CSS("#election_on"), day),
		chromedp.SendKeys(chromedp.CSS("#election_note"), "选举产生新一届支部委员会"),
		chromedp.Click(chromedp.CSS("#register-election")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.ScrollIntoView(chromedp.CSS("#elections")),
		shot("elections-2-recorded-390"), part("elections-2-section-390"),
	)
	last, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(Array.from(document.querySelectorAll('#election-list li')).pop() || {textContent: ''}).textContent`))
	if err != nil || last == "" || !strings.Contains(last, day) || !strings.Contains(last, "选举产生新一届支部委员会") {
		t.Errorf("the last election listed is %q, want %s with its note (%v)", last, day, err)
	}
	latest, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#elected_on').value`))
	if err != nil || latest != day {
		t.Errorf("最近换届日期 reads %q, want %s (%v)", latest, day, err)
	}
	fits("after recording", "#elections")
	step("the desktop page",
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(base+"partyorgs/"+no+"/edit#elections"),
		chromedp.WaitVisible(chromedp.CSS("#election-form")),
		chromedp.ScrollIntoView(chromedp.CSS("#elections")),
		shot("elections-3-page-1366"), part("elections-3-section-1366"),
	)
	fits("the desktop page", "main")
}
