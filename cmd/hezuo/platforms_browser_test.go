package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
)

// TestPlatformBrowser drives the platform pages with Debian's chromium:
// the dashboard draws the training trend and lists what is overdue; the
// meeting form refuses an attendance list for a meeting dated tomorrow with
// the reason beside the date, keeps the ticked attendee, and records the
// meeting once the date is today.
func TestPlatformBrowser(t *testing.T) {
	needChromium(t)
	base, password := startServe(t)
	ctx := browserTab(t, 60*time.Second)
	step := stepper(t, ctx)
	step("sign in",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("header")),
	)
	step("the dashboard's platform trend and overdue list",
		chromedp.Navigate(base+"?as_of=2022-06-08"),
		chromedp.WaitVisible(chromedp.CSS(`#chart-training[data-drawn="1"] canvas`)),
		chromedp.WaitVisible(chromedp.CSS("#todo-list")),
	)
	today := hezuo.Today(hezuo.China)
	step("a meeting dated tomorrow with its attendance",
		chromedp.Navigate(base+"institutions/meetings/new?party_org=B-WQ-HZ-009"),
		chromedp.WaitVisible(chromedp.CSS("#meeting-form")),
		chromedp.SetValue(chromedp.CSS("#meeting-form #held_on"), today.AddDays(1).String()),
		chromedp.SendKeys(chromedp.CSS("#topic"), "学习党的二十届四中全会精神"),
		chromedp.Click(chromedp.CSS(`#attendees input[type="checkbox"]`)),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#err-held_on")),
	)
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#err-held_on")))
	if err != nil || !strings.Contains(msg, "晚于今天") {
		t.Errorf("beside the date: %q %v", msg, err)
	}
	if checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#attendees input[type="checkbox"]').checked`)); err != nil || !checked {
		t.Errorf("the refused form lost the ticked attendee: %v %v", checked, err)
	}
	step("the same meeting today",
		chromedp.SetValue(chromedp.CSS("#meeting-form #held_on"), today.String()),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("table#attendees")),
	)
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('table#attendees tbody tr').length`))
	if err != nil || rows != 1 {
		t.Errorf("the meeting page lists %d attendees (%v), want 1", rows, err)
	}
}
