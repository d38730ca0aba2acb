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

// TestLoanBrowser drives the new-loan form with Debian's chromium: a loan
// whose guarantor would stand for more than the cap is refused with the
// reason beside the guarantor, then saved once the guaranteed amount is
// lowered, and its page shows the application waiting in the queue.
func TestLoanBrowser(t *testing.T) {
	needChromium(t)
	dsn := dbtest.SQLite(t)
	base, password := startServeAt(t, dsn)
	// A party member of WQ-HZ-001 and the guarantor standing for fewest
	// loans, read through the store (ID numbers are sealed at rest).
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.Dump(context.Background(), hezuo.Scope{Prefix: "222424"})
	if err == nil {
		err = db.DumpPlatforms(context.Background(), hezuo.Scope{Prefix: "222424"}, ds)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	full := map[string]bool{}
	for _, s := range ds.PartyStatus {
		if s.Status == hezuo.StatusFull && s.To.IsZero() && s.From.Before(hezuo.DateOf(2020, 1, 1)) {
			full[s.IDNumber] = true
		}
	}
	var borrower, guarantor string
	for _, m := range ds.Memberships {
		if m.OrgNo == "WQ-HZ-001" && m.To.IsZero() && full[m.IDNumber] {
			borrower = m.IDNumber
			break
		}
	}
	n := map[string]int{}
	for _, g := range ds.Guarantees {
		n[g.IDNumber]++
	}
	for _, g := range ds.Guarantors {
		if guarantor == "" || n[g.IDNumber] < n[guarantor] {
			guarantor = g.IDNumber
		}
	}
	if borrower == "" || guarantor == "" {
		t.Fatalf("no borrower (%q) or guarantor (%q) in the demo", borrower, guarantor)
	}

	shots := artifacts(t)
	ctx := browserTab(t, 60*time.Second)
	shot := screenshotTo(t, shots)
	step := stepper(t, ctx)
	step("sign in",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("header")),
	)
	applied := hezuo.Today(hezuo.China).AddDays(-3).String()
	step("a loan whose guarantor stands for more than the cap",
		chromedp.Navigate(base+"loans"),
		chromedp.Click(chromedp.CSS("#new-loan")),
		chromedp.WaitVisible(chromedp.CSS("#loan-form")),
		chromedp.SendKeys(chromedp.CSS("#no"), "BROWSER-DK-1"),
		chromedp.SendKeys(chromedp.CSS("#borrower"), borrower),
		chromedp.SendKeys(chromedp.CSS("#org_id"), "WQ-HZ-001"),
		chromedp.SendKeys(chromedp.CSS("#purpose"), "扩大黑木耳种植"),
		chromedp.SendKeys(chromedp.CSS("#lender"), "农村信用社"),
		chromedp.SendKeys(chromedp.CSS("#amount"), "400000"),
		chromedp.SendKeys(chromedp.CSS("#rate"), "4.35"),
		chromedp.SetValue(chromedp.CSS("#applied_on"), applied),
		chromedp.SendKeys(chromedp.CSS("#guarantor_a"), guarantor),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#err-guarantor_a")),
		shot("loan-1-guarantor-over-cap"),
	)
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#err-guarantor_a")))
	if err != nil || !strings.Contains(msg, "超过每名公职人员同时担保上限") {
		t.Errorf("beside the guarantor: %q %v", msg, err)
	}
	// The form keeps what was typed.
	if v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#amount"))); err != nil || v != "400000" {
		t.Errorf("the amount typed is gone: %q %v", v, err)
	}
	step("the guarantor stands for 20,000 yuan",
		chromedp.SendKeys(chromedp.CSS("#guarantee_a"), "20000"),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#loan-status")),
		shot("loan-2-saved"),
	)
	page, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil || !strings.Contains(page, "已申请") || !strings.Contains(page, "400,000.00") || !strings.Contains(page, "20,000.00") ||
		!strings.Contains(page, "三个优先") {
		t.Errorf("the loan's page: %v\n%s", err, page)
	}
}
