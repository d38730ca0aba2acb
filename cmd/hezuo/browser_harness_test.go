package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// needChromium skips a browser test where Debian's chromium is missing.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("browser tests need Debian's chromium at " + chromium + " (apt-get install -y chromium fonts-noto-cjk)")
	}
}

// browserTab starts a headless chromium and returns its tab's context,
// cancelled after timeout or when the test ends.
func browserTab(t *testing.T, timeout time.Duration) context.Context {
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromeOptions(t)...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// stepper returns step: it runs browser actions in the tab and fails the
// test naming the step.
func stepper(t *testing.T, ctx context.Context) func(what string, steps ...chromedp.Action[chromedp.Void]) {
	return func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
}

// screenshotTo returns shot: an action saving a full-page screenshot as
// NAME.png in dir.
func screenshotTo(t *testing.T, dir string) func(name string) chromedp.Action[chromedp.Void] {
	return func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			b, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			p := filepath.Join(dir, name+".png")
			t.Logf("screenshot %s", p)
			return os.WriteFile(p, b, 0o644)
		})
	}
}
