package main

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestLeadBrowser drives "lead somewhere" with Debian's chromium at
// 1366×900 and 390×844: a dashboard figure leads to its list, filtered, of
// as many rows as the figure says, on the dashboard's day; a slice of the
// coverage chart leads to the check's list; an overdue row's 登记会议 opens
// the meeting form filled from the row, and once saved it returns to the
// overdue list, which has lost the row.
func TestLeadBrowser(t *testing.T) {
	needChromium(t)
	base, password := startServe(t)
	ctx := browserTab(t, 120*time.Second)
	step := stepper(t, ctx)
	dir := artifacts(t)
	shot := screenshotTo(t, dir)
	const day = "2022-06-08" // the seed's day: its figures and overdue items stay the seed's
	step("sign in",
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("header")),
	)
	text := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	// Figures: the cooperatives, the blank spots, the branches.
	for _, fig := range []struct{ sel, path, param string }{
		{`a.card-link[href*="kind=cooperative"]`, "/orgs", "kind=cooperative"},
		{`a.card-link[href*="status=should_build"]`, "/check", "status=should_build"},
		{`a.card-link[href*="form=branch"]`, "/partyorgs", "form=branch"},
	} {
		step("the dashboard of "+day,
			chromedp.EmulateViewport(1366, 900),
			chromedp.Navigate(base+"?as_of="+day),
			chromedp.WaitVisible(chromedp.CSS(fig.sel)),
		)
		want := strings.TrimSpace(text(`document.querySelector('` + fig.sel + ` .v').textContent`))
		step("click the figure "+fig.param,
			chromedp.Click(chromedp.CSS(fig.sel)),
			chromedp.WaitVisible(chromedp.CSS("#total")),
		)
		u, err := url.Parse(text(`location.href`))
		if err != nil || u.Path != fig.path || !strings.Contains(u.RawQuery, fig.param) || u.Query().Get("as_of") != day {
			t.Errorf("the figure %s led to %v", fig.param, u)
		}
		if got := strings.TrimSpace(text(`document.querySelector('#total').textContent`)); got != want {
			t.Errorf("the figure %s is %s, its list shows %s", fig.param, want, got)
		}
		if fig.path == "/check" {
			step("the check list at 1366", shot("lead-check-1366"))
			step("the check list at 390", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#check-lists")), shot("lead-check-390"))
		}
	}
	// A slice of the coverage chart leads to the check's list of its class.
	step("the coverage chart",
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(base+"?as_of="+day),
		chromedp.WaitVisible(chromedp.CSS(`#chart-coverage[data-links="1"] canvas`)),
		chromedp.WaitVisible(chromedp.CSS("#todo-list")), // the 待办 section, fetched after, moves the charts down
		chromedp.ScrollIntoView(chromedp.CSS("#chart-coverage")),
		chromedp.Sleep(300*time.Millisecond),
		shot("lead-dashboard-1366"),
	)
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(function(){var r=document.querySelector('#chart-coverage').getBoundingClientRect();return [r.left+r.width/2, r.top+r.height/2];})()`))
	if err != nil || len(box) != 2 {
		t.Fatalf("the coverage chart's box: %v %v", box, err)
	}
	step("click a slice",
		chromedp.MouseClickXY(box[0]+20, box[1]+20),
		chromedp.WaitVisible(chromedp.CSS("#check-lists")),
	)
	if u := text(`location.pathname + location.search`); !strings.HasPrefix(u, "/check?") || !strings.Contains(u, "status=") {
		t.Errorf("the slice led to %s", u)
	}
	step("the dashboard at 390", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"?as_of="+day),
		chromedp.WaitVisible(chromedp.CSS("#todo-list")), shot("lead-dashboard-390"))

	// An overdue theme day: 登记会议 opens the form filled from the row.
	overdue := base + "institutions/overdue?as_of=" + day + "&kind=theme_day"
	step("the overdue theme days",
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(overdue),
		chromedp.WaitVisible(chromedp.CSS("#overdue tbody tr a.act")),
		shot("lead-overdue-1366"),
	)
	po := text(`document.querySelector('#overdue tbody tr td:nth-child(2) a').textContent`)
	if label := text(`document.querySelector('#overdue tbody tr a.act').textContent`); label != "登记会议" {
		t.Errorf("the overdue theme day's action is %q", label)
	}
	step("登记会议",
		chromedp.Click(chromedp.CSS("#overdue tbody tr a.act")),
		chromedp.WaitVisible(chromedp.CSS("#meeting-form")),
	)
	// The picker shows the party organization's name; the form sends its number.
	if got := text(`new FormData(document.querySelector('#meeting-form')).get('party_org')`); got != po {
		t.Errorf("the meeting form's party organization is %q, want %q", got, po)
	}
	if got := text(`document.querySelector('#meeting-form #kind').value`); got != "theme_day" {
		t.Errorf("the meeting form's kind is %q", got)
	}
	step("the form at 390", chromedp.EmulateViewport(390, 844), shot("lead-meetingform-390"), chromedp.EmulateViewport(1366, 900))
	step("save the theme day held that day",
		chromedp.SetValue(chromedp.CSS("#meeting-form #held_on"), day),
		chromedp.SendKeys(chromedp.CSS("#topic"), "主题党日：学习党章"),
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#flash")),
	)
	if u := text(`location.pathname + location.search`); !strings.HasPrefix(u, "/institutions/overdue?") || !strings.Contains(u, "kind=theme_day") {
		t.Errorf("saved, the form returned to %s, not the overdue list", u)
	}
	step("the overdue list after saving", chromedp.WaitVisible(chromedp.CSS("#total")), shot("lead-overdue-saved-1366"))
	if left := text(`Array.from(document.querySelectorAll('#overdue tbody tr td:nth-child(2) a')).map(function(a){return a.textContent}).join(",")`); strings.Contains(","+left+",", ","+po+",") {
		t.Errorf("%s is still overdue for a theme day: %s", po, left)
	}
}
