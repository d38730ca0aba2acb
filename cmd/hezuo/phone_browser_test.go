package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// phoneUser adds a township officer of town with password pw to the served
// demo database.
func phoneUser(t *testing.T, dsn, name, town, pw string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u := &hezuo.User{Name: name, Role: hezuo.RoleTownshipOfficer, Scope: town}
	if err := db.CreateUser(ctx, u, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// phonePage is one page the phone test visits: its path and a short name
// for the screenshot files.
type phonePage struct{ name, path string }

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

// slug names a path for a screenshot file: /institutions/meetings/new → institutions-meetings-new.
func slug(path string) string {
	if path == "/" {
		return "dashboard"
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return strings.Trim(slugRe.ReplaceAllString(strings.ToLower(path), "-"), "-")
}

// phoneSizes are the two screens every page is checked on.
var phoneSizes = []struct {
	w, h  int64
	phone bool
}{{390, 844, true}, {1366, 900, false}}

// viewport emulates a phone (a touch screen with overlay scroll bars) or a laptop.
func viewport(w, h int64, phone bool) chromedp.Action[chromedp.Void] {
	if phone {
		return chromedp.EmulateViewport(w, h, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(w, h)
}

// TestBrowserPhone: the county administrator and a township officer visit
// every page of the nav and a sample of detail and form pages on a phone
// (390×844) and a laptop (1366×900): the page never scrolls sideways; on
// the phone the nav stays folded behind its 菜单 button until tapped, and
// the nav button, the submit buttons, the fields and the meeting roster's
// toggles are at least 44 px high; on the laptop the nav shows at once and
// stays one dense line. The meeting roster's 全选 ticks every attendee.
// Screenshots of both sizes go to artifacts(t) as phone-<user>-<page>-<width>.png.
func TestBrowserPhone(t *testing.T) {
	needChromium(t)
	const town, townPw = "222424102", "Phone browser password 9"
	dsn := dbtest.SQLite(t)
	base, adminPw := startServeAt(t, dsn)
	phoneUser(t, dsn, "phone-town", town, townPw)
	shots := artifacts(t)
	base = strings.TrimSuffix(base, "/")

	for _, u := range []struct{ name, pw, tag string }{{"admin", adminPw, "county"}, {"phone-town", townPw, "town"}} {
		t.Run(u.tag, func(t *testing.T) {
			ctx := browserTab(t, 15*time.Minute)
			shot := screenshotTo(t, shots)
			step := stepper(t, ctx)
			step("sign in",
				chromedp.EmulateViewport(1366, 900),
				chromedp.Navigate(base+"/login"),
				chromedp.SendKeys(chromedp.CSS("#username"), u.name),
				chromedp.SendKeys(chromedp.CSS("#password"), u.pw),
				chromedp.Click(chromedp.CSS("#login-submit")),
				chromedp.WaitVisible(chromedp.CSS("header nav")),
			)
			eval := func(js string) string {
				t.Helper()
				s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
				if err != nil {
					t.Fatalf("%s: %v", js, err)
				}
				return s
			}
			// Every page of the nav, read from the nav itself.
			navs := strings.Fields(eval(`Array.from(document.querySelectorAll('header nav a')).map(a => a.getAttribute('href')).join(' ')`))
			if len(navs) < 10 {
				t.Fatalf("only %d nav links: %v", len(navs), navs)
			}
			var pages []phonePage
			for _, p := range navs {
				pages = append(pages, phonePage{slug(p), p})
			}
			// A sample of detail and form pages, found through the lists.
			first := func(list, pattern string) string {
				t.Helper()
				step("open "+list, chromedp.Navigate(base+list))
				h := eval(fmt.Sprintf(`(Array.from(document.querySelectorAll('main a[href]')).map(a => a.getAttribute('href')).find(h => /%s/.test(h)) || '')`, pattern))
				if h == "" {
					t.Errorf("no link like %s on %s", pattern, list)
				}
				return h
			}
			add := func(name, path string) {
				if path != "" {
					pages = append(pages, phonePage{name, path})
				}
			}
			org := first("/orgs", `^\/orgs\/(?!new$)[^\/?]+$`)
			add("org", org)
			add("org-edit", org+"/edit")
			add("org-new", "/orgs/new")
			person := first("/people", `^\/people\/\d+$`)
			add("person", person)
			add("person-edit", person+"/edit")
			add("person-new", "/people/new")
			add("partyorg-edit", first("/partyorgs", `^\/partyorgs\/[^\/?]+\/edit$`))
			add("partyorg-new", "/partyorgs/new")
			add("loan", first("/loans", `^\/loans\/(?!new$|queue$|subsidies)[A-Za-z0-9-]+$`))
			add("loan-new", "/loans/new")
			add("loans-queue", "/loans/queue")
			add("meeting", first("/institutions", `^\/institutions\/meetings\/\d+$`))
			add("institutions-overdue", "/institutions/overdue")
			add("institutions-commitments", "/institutions/commitments")
			add("institutions-contacts", "/institutions/contacts")
			add("commitment-new", "/institutions/commitments/new")
			add("visit-new", "/institutions/visits/new")
			add("training", first("/trainings", `^\/trainings\/\d+$`))
			add("training-new", "/trainings/new")
			add("step-new", "/development/steps/new")
			// The meeting form with a roster: a branch of the user's scope.
			po := first("/partyorgs", `^\/partyorgs\/[^\/?]+\/edit$`)
			po = strings.TrimSuffix(strings.TrimPrefix(po, "/partyorgs/"), "/edit")
			add("meeting-new", "/institutions/meetings/new?party_org="+po)

			for _, p := range pages {
				for _, size := range phoneSizes {
					name := fmt.Sprintf("phone-%s-%s-%d", u.tag, p.name, size.w)
					step(name,
						viewport(size.w, size.h, size.phone),
						chromedp.Navigate(base+p.path),
						chromedp.WaitVisible(chromedp.CSS("main")),
					)
					if p.path == "/" {
						// The charts are drawn and the to-do list is loaded.
						if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.chart[data-drawn] canvas').length >= 4 && !document.querySelector('[hx-get="/todo"]')`,
							chromedp.WithPollingTimeout(30*time.Second))); err != nil {
							t.Errorf("%s: dashboard not ready: %v", name, err)
						}
					}
					wide := eval(`document.documentElement.scrollWidth + ' ' + window.innerWidth`)
					var sw, iw int
					fmt.Sscan(wide, &sw, &iw)
					if sw > iw || iw != int(size.w) {
						over := eval(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('table, .scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + (e.textContent || '').trim().slice(0, 20)).join(' | ')`)
						t.Errorf("%s: the page is %d px wide in a %d px window: %s", name, sw, iw, over)
					}
					if p.path == "/" {
						charts := eval(`Array.from(document.querySelectorAll('.chart canvas')).filter(c => c.getBoundingClientRect().right > window.innerWidth + 1).length + ''`)
						if charts != "0" {
							t.Errorf("%s: %s chart canvases are wider than the window", name, charts)
						}
					}
					if size.phone {
						small := eval(`Array.from(document.querySelectorAll('main button, main a.button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main label.check, #nav-menu'))
							.filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
							.filter(e => e.getBoundingClientRect().height < 44)
							.slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().height) + 'px ' + (e.textContent || e.name || '').trim().slice(0, 12)).join(' | ')`)
						if small != "" {
							t.Errorf("%s: touch targets under 44 px: %s", name, small)
						}
						// Names never wrap one character a line: no table cell of a name is narrower than two characters.
						narrow := eval(`Array.from(document.querySelectorAll('main td')).filter(td => td.textContent.trim().length > 2 && td.getClientRects().length && td.getBoundingClientRect().width < 40).slice(0, 3).map(td => td.textContent.trim().slice(0, 12)).join(' | ')`)
						if narrow != "" {
							t.Errorf("%s: table cells squeezed narrower than 40 px: %s", name, narrow)
						}
					}
					step(name+" screenshot", shot(name))
				}
			}

			// The nav on a phone: folded until 菜单 is tapped; on a laptop shown at once.
			visibleLinks := `Array.from(document.querySelectorAll('header nav a')).filter(a => a.getClientRects().length && a.getBoundingClientRect().height > 0).length + ''`
			step("the dashboard on a phone",
				viewport(390, 844, true),
				chromedp.Navigate(base+"/orgs"),
				chromedp.WaitVisible(chromedp.CSS("#nav-menu")),
			)
			if n := eval(visibleLinks); n != "0" {
				t.Errorf("on a phone %s nav links show before 菜单 is tapped", n)
			}
			hdr := eval(`Math.round(document.querySelector('header').getBoundingClientRect().height) + ''`)
			var hh int
			fmt.Sscan(hdr, &hh)
			if hh > 844/6 {
				t.Errorf("the folded header is %d px high on an 844 px phone", hh)
			}
			if label := eval(`document.querySelector('#nav-menu').textContent.trim()`); label != "菜单" {
				t.Errorf("the nav button says %q, want 菜单", label)
			}
			step("tap 菜单", chromedp.Click(chromedp.CSS("#nav-menu")), chromedp.WaitVisible(chromedp.CSS("header nav a")), shot("phone-"+u.tag+"-menu-open-390"))
			if n := eval(visibleLinks); n != fmt.Sprint(len(navs)) {
				t.Errorf("after tapping 菜单 %s of %d nav links show", n, len(navs))
			}
			small := eval(`Array.from(document.querySelectorAll('header nav a')).filter(a => a.getBoundingClientRect().height < 44).length + ''`)
			if small != "0" {
				t.Errorf("%s opened nav links are under 44 px high", small)
			}
			step("the nav on a laptop",
				chromedp.EmulateViewport(1366, 900),
				chromedp.Navigate(base+"/orgs"),
				chromedp.WaitVisible(chromedp.CSS("header nav a")),
			)
			if n := eval(visibleLinks); n != fmt.Sprint(len(navs)) {
				t.Errorf("on a laptop %s of %d nav links show", n, len(navs))
			}
			if v := eval(`getComputedStyle(document.querySelector('#nav-menu')).display`); v != "none" {
				t.Errorf("on a laptop the 菜单 button shows (display %s)", v)
			}
			// As dense as before: the nav on one line, the search and the user's line on a second.
			fmt.Sscan(eval(`Math.round(document.querySelector('header').getBoundingClientRect().height) + ''`), &hh)
			if hh > 90 {
				t.Errorf("on a laptop the header is %d px high", hh)
			}
			if n := eval(`Array.from(document.querySelectorAll('header nav a, main button')).filter(e => e.getBoundingClientRect().height >= 44).length + ''`); n != "0" {
				t.Errorf("on a laptop %s nav links or buttons are phone-sized", n)
			}

			// The meeting roster on a phone: large toggles and 全选.
			step("the meeting form on a phone",
				viewport(390, 844, true),
				chromedp.Navigate(base+"/institutions/meetings/new?party_org="+po),
				chromedp.WaitVisible(chromedp.CSS("#select-all")),
			)
			n := eval(`document.querySelectorAll('#attendees input[name=attendees]').length + ''`)
			if n == "0" {
				t.Fatalf("the roster of %s is empty", po)
			}
			step("tap 全选", chromedp.Click(chromedp.CSS("#select-all")), shot("phone-"+u.tag+"-roster-all-390"))
			if c := eval(`document.querySelectorAll('#attendees input[name=attendees]:checked').length + ''`); c != n {
				t.Errorf("全选 ticked %s of %s", c, n)
			}
			step("tap 全选 again", chromedp.Click(chromedp.CSS("#select-all")))
			if c := eval(`document.querySelectorAll('#attendees input[name=attendees]:checked').length + ''`); c != "0" {
				t.Errorf("全选 again left %s ticked", c)
			}
			step("tap one name", chromedp.Click(chromedp.CSS("#attendees label.check")))
			if c := eval(`document.querySelectorAll('#attendees input[name=attendees]:checked').length + ''`); c != "1" {
				t.Errorf("tapping a name ticked %s", c)
			}
		})
	}
}
