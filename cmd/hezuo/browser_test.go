package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

const chromium = "/usr/bin/chromium"

// syncBuffer is an io.Writer the server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

var (
	urlRe      = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	passwordRe = regexp.MustCompile(`password: (\S+)`)
)

// startServe runs `hezuo serve --demo --addr 127.0.0.1:0` in-process and
// returns its URL and the demo administrator's password.
func startServe(t *testing.T) (string, string) {
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn) // --demo then only creates the administrator
	return startServeAt(t, dsn)
}

// startServeAt is startServe on the database dsn.
func startServeAt(t *testing.T, dsn string) (string, string) {
	return serveIn(t, dsn, true)
}

// serveIn runs `hezuo serve` on dsn in-process (with --demo when demo is
// set) and returns its URL and, with --demo, the administrator's password.
func serveIn(t *testing.T, dsn string, demo bool) (string, string) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan int, 1)
	args := []string{"serve", "--db", dsn, "--addr", "127.0.0.1:0"}
	if demo {
		args = append(args, "--demo")
	}
	go func() {
		done <- run(ctx, args, strings.NewReader(""), out, out)
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d: %s", code, out.String())
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		s := out.String()
		if u, p := urlRe.FindString(s), passwordRe.FindStringSubmatch(s); u != "" && p != nil {
			return u, p[1]
		} else if u != "" && !demo {
			return u, ""
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, s)
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start: %s", out.String())
	return "", ""
}

// artifacts returns the directory for screenshots: $HEZUO_ARTIFACTS when
// set (CI keeps it), else the test's temporary directory.
func artifacts(t *testing.T) string {
	dir := os.Getenv("HEZUO_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// creditCode returns a valid unified social credit code unknown to the demo.
func creditCode() string {
	for i := 7100; ; i++ {
		if c := hezuo.MakeCreditCode("93", "222424", fmt.Sprintf("%08d", i)); c != "" {
			return c
		}
	}
}

// chromeOptions are the launch flags of Debian's chromium for the browser
// tests, with a fresh user-data directory.
func chromeOptions(t *testing.T) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1366, 900),
	}
}

// TestBrowser drives the real server with Debian's chromium: sign in, see
// the dashboard charts drawn, create an org with a bad credit code and see
// the error beside the field, fix it, find the org on the check page, sign
// out — and every request the pages made went to 127.0.0.1.
func TestBrowser(t *testing.T) {
	needChromium(t)
	base, password := startServe(t)
	shots := artifacts(t)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromeOptions(t)...)
	defer cancelAlloc()
	var mu sync.Mutex
	var requested []string
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requested = append(requested, e.Request.URL)
			mu.Unlock()
		}
	}))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	shot := screenshotTo(t, shots)
	step := stepper(t, ctx)
	step("open the sign-in page", chromedp.Navigate(base+"login"), shot("0-login"))
	step("type the user name", chromedp.SendKeys(chromedp.CSS("#username"), "admin"))
	step("type the password", chromedp.SendKeys(chromedp.CSS("#password"), password))
	step("submit", chromedp.Click(chromedp.CSS("#login-submit")))
	step("see the header", chromedp.WaitVisible(chromedp.CSS("header")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/") {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("after sign-in at %s: %s", loc, text)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.chart[data-drawn] canvas').length >= 4`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || !drawn {
		t.Fatalf("dashboard charts not drawn: %v", err)
	}
	step("dashboard screenshot", shot("1-dashboard"))
	cards, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil || !strings.Contains(cards, "168") {
		t.Errorf("dashboard does not show 168 orgs: %v", err)
	}

	name := "浏览器测试黑木耳专业合作社"
	step("new org with a bad credit code",
		chromedp.Navigate(base+"orgs/new"),
		chromedp.SendKeys(chromedp.CSS("#org_id"), "BROWSER-1"),
		chromedp.SendKeys(chromedp.CSS("#name"), name),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(function(){var s=document.querySelector('#village'); s.selectedIndex=1; return true})()`)(ctx, tg)
			return err
		}),
		chromedp.SetValue(chromedp.CSS("#registered_on"), "2024-03-01"),
		chromedp.SetValue(chromedp.CSS("#founded"), "2024-02-01"),
		chromedp.SendKeys(chromedp.CSS("#credit_code"), "91222424MA00000000"),
		chromedp.SendKeys(chromedp.CSS("#industry"), "黑木耳"),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#err-credit_code")),
		shot("2-credit-code-error"),
	)
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#err-credit_code")))
	if err != nil || msg == "" {
		t.Errorf("no error beside the credit code: %q %v", msg, err)
	}
	step("fix the credit code",
		chromedp.SetValue(chromedp.CSS("#credit_code"), creditCode()),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#rule-result")),
		chromedp.Navigate(base+"check"),
		chromedp.WaitVisible(chromedp.CSS("#townships")),
		shot("3-check"),
	)
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#townships")))
	if err != nil || !strings.Contains(body, name) {
		t.Errorf("the new org is not on the check page: %v", err)
	}
	step("sign out",
		chromedp.Click(chromedp.CSS("#logout")),
		chromedp.WaitVisible(chromedp.CSS("#login-submit")),
	)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "/login") {
		t.Errorf("after sign-out at %s", loc)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(requested) < 10 {
		t.Errorf("only %d requests seen", len(requested))
	}
	for _, r := range requested {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Hostname() != "127.0.0.1") {
			t.Errorf("request to another host: %s", r)
		}
	}
}
