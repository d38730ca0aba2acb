package main

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// pickerFixture adds a township officer of town with password pw to the
// demo database dsn and returns a resident of the township (database id,
// name, the last four characters of the ID number) and an org of the
// township the resident does not belong to (number, name).
func pickerFixture(t *testing.T, dsn, town, pw string) (personID int64, person, tail, orgNo, org string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lo, hi := town+"000", town+"999"
	var sealed string
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT pe.id, pe.name, pe.id_sealed FROM people pe WHERE pe.village BETWEEN ? AND ?
		AND length(pe.name) >= 2 ORDER BY pe.id LIMIT 1`), lo, hi).Scan(&personID, &person, &sealed); err != nil {
		t.Fatal(err)
	}
	number, err := db.Keys().Open(sealed)
	if err != nil {
		t.Fatal(err)
	}
	tail = number[len(number)-4:]
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT o.org_no, o.name FROM orgs o WHERE o.village BETWEEN ? AND ? AND o.dissolved IS NULL
		AND o.id NOT IN (SELECT m.org_id FROM memberships m WHERE m.person_id = ?) ORDER BY o.org_no LIMIT 1`), lo, hi, personID).Scan(&orgNo, &org); err != nil {
		t.Fatal(err)
	}
	u := &hezuo.User{Name: "picker-town", Role: hezuo.RoleTownshipOfficer, Scope: town}
	if err := db.CreateUser(ctx, u, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
	return
}

// TestPickerBrowser: on a phone-sized screen (390×844) a township officer
// records a membership with forms only, finding the person by part of the
// name and the org by part of its name in the pickers (no number typed);
// the list of choices fits the screen, and the membership is saved.
func TestPickerBrowser(t *testing.T) {
	needChromium(t)
	const town, pw = "222424102", "Picker browser password 9"
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	base, _ := startServeAt(t, dsn)
	personID, person, tail, orgNo, org := pickerFixture(t, dsn, town, pw)
	ctx := browserTab(t, 120*time.Second)
	shot := screenshotTo(t, artifacts(t))
	step := stepper(t, ctx)
	fits := func(what string) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil || w > 0 {
			t.Errorf("%s: the page is %d px wider than the screen (%v)", what, w, err)
		}
	}
	// choose waits for the option of the picker #sel whose text holds
	// want and taps it.
	choose := func(what, sel, want string) {
		t.Helper()
		var id string
		for i := 0; i < 50 && id == ""; i++ {
			var err error
			id, err = chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(function(){
				var list = document.getElementById(document.querySelector(%q).getAttribute('aria-controls'));
				if (!list || list.hidden) { return ''; }
				var o = Array.from(list.querySelectorAll('[role=option]')).find(li => li.textContent.includes(%q));
				return o ? o.id : '';
			})()`, sel, want)))
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if id == "" {
				time.Sleep(100 * time.Millisecond)
			}
		}
		if id == "" {
			t.Fatalf("%s: no choice holding %q", what, want)
		}
		step(what, chromedp.Click(chromedp.CSS("#"+id)))
	}
	step("sign in on a phone-sized screen",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "picker-town"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Click(chromedp.CSS("#login-submit")),
		chromedp.WaitVisible(chromedp.CSS("#chart-kinds")),
	)
	step("open the membership form from the people list",
		chromedp.Navigate(base+"people"),
		chromedp.Click(chromedp.CSS("#new-membership")),
		chromedp.WaitVisible(chromedp.CSS("#membership-new-form")),
		chromedp.WaitVisible(chromedp.CSS(`#person[role=combobox]`)),
	)
	// Part of the name: all but its first character (the surname).
	part := string([]rune(person)[1:])
	step("type part of the person's name", chromedp.SendKeys(chromedp.CSS("#person"), part))
	choose("choose the person (told apart by the masked ID number)", "#person", tail)
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#person').value`))
	if err != nil || shown != person {
		t.Errorf("the person picker shows %q, want the name %q (%v)", shown, person, err)
	}
	// Part of the org's name: four characters from its middle.
	runes := []rune(org)
	from := len(runes) / 3
	orgPart := string(runes[from:min(from+4, len(runes))])
	step("type part of the org's name", chromedp.SendKeys(chromedp.CSS("#org_id"), orgPart))
	step("the list of orgs", chromedp.WaitVisible(chromedp.CSS("#"+mustAttr(t, ctx, "#org_id", "aria-controls")+" [role=option]")), shot("picker-1-orgs-390"))
	fits("the list of orgs open")
	choose("choose the org (told apart by its number)", "#org_id", orgNo)
	step("the form filled in", chromedp.SetValue(chromedp.CSS("#from"), "2024-05-01"), shot("picker-2-filled-390"))
	fits("the filled form")
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#org_id').value`)); v != org {
		t.Errorf("the org picker shows %q, want the name %q", v, org)
	}
	step("save",
		chromedp.Click(chromedp.CSS("#save")),
		chromedp.WaitVisible(chromedp.CSS("#memberships")),
		shot("picker-3-saved-390"),
	)
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || loc != "/people/"+strconv.FormatInt(personID, 10) {
		t.Errorf("after saving: %q (%v)", loc, err)
	}
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector('#memberships').textContent.includes(%q)`, orgNo)))
	if err != nil || !listed {
		t.Errorf("the person's page does not list %s (%v)", orgNo, err)
	}
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(context.Background(), db.Rebind(`SELECT count(*) FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.person_id = ? AND o.org_no = ? AND m.valid_from = ?`), personID, orgNo, "2024-05-01").Scan(&n); err != nil || n != 1 {
		t.Errorf("the membership is not stored: %d (%v)", n, err)
	}

	// A list's 范围 box: the township's name finds its villages; choosing
	// one filters the list by the village's code.
	var townName, villageCode, villageName string
	if err := db.QueryRowContext(context.Background(), db.Rebind(`SELECT t.name, v.code, v.name FROM divisions t JOIN divisions v
		ON v.level = 'village' AND v.code BETWEEN ? AND ? WHERE t.code = ? ORDER BY v.code LIMIT 1`), town+"000", town+"999", town+"000").Scan(&townName, &villageCode, &villageName); err != nil {
		t.Fatal(err)
	}
	step("the orgs list", chromedp.Navigate(base+"orgs?scope="+town), chromedp.WaitVisible(chromedp.CSS(`input[name=scope][role=combobox]`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector('input[name=scope]').value === %q`, townName), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the scope box does not name the township %s: %v", townName, err)
	}
	// Focusing a picker that shows a choice selects its text: typing replaces it.
	step("type part of the township's name in 范围",
		chromedp.SendKeys(chromedp.CSS(`input[name=scope]`), string([]rune(townName)[:2])))
	step("the township and its villages", chromedp.WaitVisible(chromedp.CSS("#"+mustAttr(t, ctx, "input[name=scope]", "aria-controls")+" [role=option]")), shot("picker-4-scope-390"))
	fits("the list of divisions open")
	choose("choose a village", "input[name=scope]", villageCode)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`location.search.includes('scope=%s')`, villageCode), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("choosing %s %s does not filter the list by its code: %v", villageName, villageCode, err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input[name=scope]').value`)); v != villageName {
		t.Errorf("the scope box shows %q, want %q", v, villageName)
	}

	// On a desktop screen the same form, the org's name shown for its number.
	step("desktop: the form again",
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(base+"memberships/new?org_id="+orgNo),
		chromedp.WaitVisible(chromedp.CSS(`#org_id[role=combobox]`)),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector('#org_id').value === %q`, org), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("a prefilled org number does not show the org's name: %v", err)
	}
	step("type part of the person's name", chromedp.SendKeys(chromedp.CSS("#person"), part))
	step("the list of people", chromedp.WaitVisible(chromedp.CSS("#"+mustAttr(t, ctx, "#person", "aria-controls")+" [role=option]")), shot("picker-5-people-1366"))
	fits("desktop")
	// The keyboard: down to the first choice (announced as the active
	// descendant), Enter takes it without sending the form.
	step("arrow down", chromedp.KeyEvent(kb.ArrowDown))
	if act, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var i=document.querySelector('#person'); var o=document.getElementById(i.getAttribute('aria-activedescendant')); return o && o.getAttribute('aria-selected') === 'true' ? o.querySelector('.pick-name').textContent : ''})()`)); err != nil || act == "" {
		t.Errorf("no active choice after ArrowDown (%v)", err)
	} else {
		step("enter", chromedp.KeyEvent(kb.Enter))
		time.Sleep(700 * time.Millisecond) // a form sent would have left the page by now
		v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#person').value + '|' + location.pathname + '|' + document.querySelector('#person').getAttribute('aria-expanded')`))
		if v != act+"|/memberships/new|false" {
			t.Errorf("after Enter: %q, want the choice %q taken on the form, the list closed", v, act)
		}
	}

	// The person form's 所在村: a box above the list of villages finds one by name.
	step("the person form, 所在村 by name",
		chromedp.Navigate(base+"people/new"),
		chromedp.WaitVisible(chromedp.CSS(`#village[data-pick-ready]`)),
		chromedp.SendKeys(chromedp.CSS(`.pick-filter[aria-controls=village]`), villageName),
		shot("picker-6-village-1366"),
	)
	if v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#village').value`)); err != nil || v != villageCode {
		t.Errorf("typing %s chose %q, want %s (%v)", villageName, v, villageCode, err)
	}
}

// mustAttr returns the attribute name of the element sel.
func mustAttr(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).getAttribute(%q) || ''`, sel, name)))
	if err != nil || v == "" {
		t.Fatalf("%s has no %s (%v)", sel, name, err)
	}
	return v
}
