package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserFormErrorsAllAtOnce: on a phone and on a desktop, the
// training form submitted with its fields emptied shows an error beside
// every one of them at once, and the page still fits the screen.
func TestBrowserFormErrorsAllAtOnce(t *testing.T) {
	needChromium(t)
	base, password := startServe(t)
	ctx := browserTab(t, 90*time.Second)
	step := stepper(t, ctx)
	shot := screenshotTo(t, artifacts(t))
	step("sign in",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("header")),
	)
	for _, size := range []struct {
		w, h int64
		name string
	}{{390, 844, "390"}, {1366, 900, "1366"}} {
		step("the training form with every field emptied at "+size.name,
			chromedp.EmulateViewport(size.w, size.h),
			chromedp.Navigate(base+"trainings/new"),
			chromedp.WaitVisible(chromedp.CSS("#training-form")),
		)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`['held_on','topic','organizer','hours','place'].forEach(id => document.getElementById(id).value = ''); true`)); err != nil {
			t.Fatal(err)
		}
		step("save the emptied form at "+size.name,
			chromedp.Click(chromedp.CSS("#save")),
			chromedp.WaitVisible(chromedp.CSS("#err-topic")),
			shot("errs2-training-errors-"+size.name),
		)
		for _, id := range []string{"err-held_on", "err-topic", "err-organizer", "err-hours", "err-place"} {
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#`+id+`').length`))
			if err != nil || n != 1 {
				t.Errorf("%s: no %s beside its field (%d %v)", size.name, id, n, err)
			}
		}
		sw, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || int64(sw) > size.w {
			t.Errorf("%s: the form with its errors is %d px wide (%v)", size.name, sw, err)
		}
	}
}
