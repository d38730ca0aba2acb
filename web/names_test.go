package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo"
)

// divName reads a division's name from the database (code of any length).
func divName(t *testing.T, a *app, code string) string {
	t.Helper()
	full := code + strings.Repeat("0", 12-len(code))
	var n string
	if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT name FROM divisions WHERE code = ?`), full).Scan(&n); err != nil {
		t.Fatalf("division %s: %v", code, err)
	}
	return n
}

var (
	userScopeRe = regexp.MustCompile(`id="user-scope" title="([0-9]*)">([^<]*)<`)
	dashTitleRe = regexp.MustCompile(`(?s)<h1 id="dash-title">(.*?)</h1>`)
	scopeNameRe = regexp.MustCompile(`id="scope-name" title="[0-9a-z]*">· ([^<]*)<`)
)

// TestNamesForCodes: the header and the dashboard's heading name the
// user's scope (汪清县 for the county admin, the township for a township
// officer), the code kept as a tooltip; every list page's heading names the
// scope it shows; the person page and the people and org lists show
// village names with the code beside them.
func TestNamesForCodes(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		county, town := divName(t, a, "222424"), divName(t, a, townA)
		if county != "汪清县" {
			t.Fatalf("the demo county is %q", county)
		}
		for _, u := range []struct{ user, code, name string }{{"admin", "222424", county}, {"townA", townA, town}} {
			c := a.login(t, u.user)
			st, body := c.get("/")
			if st != http.StatusOK {
				t.Fatalf("%s dashboard: %d", u.user, st)
			}
			m := userScopeRe.FindStringSubmatch(body)
			if m == nil || m[1] != u.code || m[2] != u.name {
				t.Errorf("%s header scope: %v, want %s titled %s", u.user, m, u.name, u.code)
			}
			h := dashTitleRe.FindStringSubmatch(body)
			if h == nil || !strings.HasPrefix(h[1], u.name+" ") || !strings.Contains(h[1], "合作组织党建") {
				t.Errorf("%s dashboard h1: %v, want it to start with %s", u.user, h, u.name)
			}
			for _, p := range []string{"/orgs", "/partyorgs", "/instructors", "/divisions", "/check", "/development",
				"/institutions", "/institutions/overdue", "/institutions/commitments", "/institutions/contacts",
				"/loans", "/loans/queue", "/loans/subsidies", "/trainings", "/assistance", "/report"} {
				st, body := c.get(p)
				if st == http.StatusForbidden || st == http.StatusNotFound {
					continue // a page this role does not have
				}
				m := scopeNameRe.FindStringSubmatch(body)
				if st != http.StatusOK || m == nil || m[1] != u.name {
					t.Errorf("%s GET %s: %d, scope heading %v, want %s", u.user, p, st, m, u.name)
				}
			}
		}
		// A village: the org list, the person page and the people list.
		var village string
		var pid int64
		if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT village, id FROM people
			WHERE village BETWEEN ? AND ? ORDER BY id LIMIT 1`), townA+"000", townA+"999").Scan(&village, &pid); err != nil {
			t.Fatal(err)
		}
		vname := divName(t, a, village)
		c := a.login(t, "admin")
		ctx0 := context.Background()
		_, body := c.get(fmt.Sprintf("/people/%d", pid))
		want := town + " " + vname + ` <span class="muted small code">` + village + `</span>`
		if !strings.Contains(html.UnescapeString(body), `id="person-village">`+want) {
			t.Errorf("person page: want the village %q", want)
		}
		_, body = c.get("/people?scope=" + townA)
		if !strings.Contains(body, vname) {
			t.Errorf("people list: no village name %s", vname)
		}
		var orgVillage string
		a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT village FROM orgs WHERE org_no = ?`), orgSec).Scan(&orgVillage)
		_, body = c.get("/orgs?scope=" + townA)
		if ov := divName(t, a, orgVillage); !strings.Contains(body, ov) {
			t.Errorf("org list: no village name %s", ov)
		}
		// The party organizations' list names the orgs they cover; the
		// users' list names their scopes.
		var poNo, coveredNo, coveredName string
		if err := a.db.QueryRowContext(ctx0, a.db.Rebind(`SELECT p.no, o.org_no, o.name FROM party_org_orgs l JOIN party_orgs p ON p.id = l.party_org_id
			JOIN orgs o ON o.id = l.org_id WHERE o.org_no = ? AND l.valid_to IS NULL ORDER BY p.no LIMIT 1`), orgSec).Scan(&poNo, &coveredNo, &coveredName); err != nil {
			t.Fatal(err)
		}
		if _, body := c.get("/partyorgs?q=" + url.QueryEscape(poNo)); !strings.Contains(body, `title="`+coveredNo+`">`+coveredName+`</a>`) {
			t.Errorf("party organizations' list: %s covers %s, not shown by name %s", poNo, coveredNo, coveredName)
		}
		if _, body := c.get("/users"); !strings.Contains(body, town+` <span class="muted small code">`+townA+`</span>`) {
			t.Errorf("users' list: townA's scope not named %s", town)
		}
		// A training session's place: township and village by name.
		var tid int64
		var place string
		if err := a.db.QueryRowContext(ctx0, `SELECT id, place FROM trainings WHERE substr(place, 10, 3) <> '000' ORDER BY id LIMIT 1`).Scan(&tid, &place); err != nil {
			t.Fatal(err)
		}
		_, body = c.get(fmt.Sprintf("/trainings/%d", tid))
		want = divName(t, a, place[:9]) + " " + divName(t, a, place) + ` <span class="muted small code">` + place + `</span>`
		if !strings.Contains(body, `id="training-place">`+want) {
			t.Errorf("training %d: the place is not shown as %q", tid, want)
		}
		// A meeting held with a village's party organization names it.
		var mid int64
		var vpoNo, vpoName string
		if err := a.db.QueryRowContext(ctx0, `SELECT m.id, v.no, v.name FROM meetings m JOIN party_orgs v ON v.id = m.village_party_org_id
			ORDER BY m.id LIMIT 1`).Scan(&mid, &vpoNo, &vpoName); err == nil {
			if _, body := c.get(fmt.Sprintf("/institutions/meetings/%d", mid)); !strings.Contains(body, vpoName+` <span class="muted small code">`+vpoNo+`</span>`) {
				t.Errorf("meeting %d: the village party organization %s not named %s", mid, vpoNo, vpoName)
			}
		} else {
			t.Logf("no meeting with a village party organization in the demo: %v", err)
		}
		// An org spanning villages besides its home village.
		var spanOrg, spanned string
		if err := a.db.QueryRowContext(context.Background(), `SELECT o.org_no, v.village FROM org_villages v JOIN orgs o ON o.id = v.org_id
			WHERE v.village <> o.village ORDER BY o.org_no, v.village LIMIT 1`).Scan(&spanOrg, &spanned); err != nil {
			t.Fatal(err)
		}
		_, body = c.get("/orgs/" + spanOrg)
		want = divName(t, a, spanned[:9]) + " " + divName(t, a, spanned) + ` <span class="muted small code">` + spanned + `</span>`
		if i := strings.Index(body, `id="org-villages"`); i < 0 || !strings.Contains(body[i:min(len(body), i+2000)], want) {
			t.Errorf("org page %s: the villages spanned do not show %q", spanOrg, want)
		}
	})
}

// TestProposedNumbers: a new org and a new loan whose number is left blank
// are saved under a number the system proposes (the township's series),
// twice in a row giving different numbers; the forms say so; a typed
// number is kept; two officers saving at once get different numbers.
func TestProposedNumbers(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		if _, body := c.get("/orgs/new"); !strings.Contains(body, "留空则自动生成") {
			t.Error("the org form does not say a blank number is proposed")
		}
		if _, body := c.get("/loans/new"); !strings.Contains(body, "留空则自动生成") {
			t.Error("the loan form does not say a blank number is proposed")
		}
		var village string
		a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(code) FROM divisions WHERE code BETWEEN ? AND ? AND level = 'village'`),
			townA+"000", townA+"999").Scan(&village)
		newOrg := func(name string) string {
			t.Helper()
			form := url.Values{"org_id": {""}, "name": {name}, "kind": {"cooperative"}, "village": {village},
				"industry": {"黑木耳"}, "households_driven": {"3"}, "founded": {"2025-05-01"}}
			loc := c.redirect(t, "/orgs/new", form)
			no, err := url.PathUnescape(strings.TrimSuffix(strings.TrimPrefix(loc, "/orgs/"), "?saved=1"))
			var n int
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM orgs WHERE org_no = ? AND name = ?`), no, name).Scan(&n)
			if err != nil || loc == "" || n != 1 {
				t.Fatalf("new org with a blank number: redirected to %q, %d saved so", loc, n)
			}
			return no
		}
		o1, o2 := newOrg("编号测试合作社甲"), newOrg("编号测试合作社乙")
		if o1 == o2 || !strings.HasPrefix(o1, townA+"-") || !strings.HasPrefix(o2, townA+"-") {
			t.Errorf("proposed org numbers %q, %q: want two different numbers of %s's series", o1, o2, townA)
		}
		if err := (&hezuo.Org{OrgNo: o2, Name: "x", Kind: hezuo.KindCooperative, Village: village, Founded: hezuo.DateOf(2025, 5, 1)}).Validate(); err != nil {
			t.Errorf("the proposal %s does not pass validation: %v", o2, err)
		}
		if _, body := c.get("/orgs/" + url.PathEscape(o1)); !strings.Contains(body, "编号测试合作社甲") {
			t.Errorf("the org page of %s", o1)
		}
		// Two at once, through the store (one transaction each).
		var wg sync.WaitGroup
		nos := make([]string, 4)
		errs := make([]error, 4)
		for i := range nos {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o := hezuo.Org{Name: fmt.Sprintf("并发合作社%d", i), Kind: hezuo.KindCooperative, Village: village, Founded: hezuo.DateOf(2025, 5, 1)}
				_, errs[i] = a.db.SaveOrg(ctx, &hezuo.Access{User: "townA", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: townA}}, &o, 0, time.Now())
				nos[i] = o.OrgNo
			}()
		}
		wg.Wait()
		seen := map[string]bool{o1: true, o2: true}
		for i, no := range nos {
			if errs[i] != nil || no == "" || seen[no] {
				t.Errorf("concurrent save %d: %q %v (taken before: %v)", i, no, errs[i], seen[no])
			}
			seen[no] = true
		}

		// Loans.
		fx := findLoanFixture(t, a)
		applied := hezuo.Today(hezuo.China).AddDays(-30)
		var loc1, loc2 string
		for _, dst := range []*string{&loc1, &loc2} {
			form := url.Values{"no": {""}, "borrower": {fx.borrower}, "org_id": {orgSec}, "purpose": {"购置农机"},
				"for_cooperative": {"1"}, "lender": {"农村信用社"}, "amount": {"20000"}, "rate": {"4.35"}, "term_months": {"12"},
				"applied_on": {applied.String()}, "households_driven": {"2"}}
			*dst = c.redirect(t, "/loans/new", form)
		}
		l1, l2 := strings.TrimPrefix(strings.TrimSuffix(loc1, "?saved=1"), "/loans/"), strings.TrimPrefix(strings.TrimSuffix(loc2, "?saved=1"), "/loans/")
		t.Logf("proposed: orgs %s %s %v, loans %s %s", o1, o2, nos, l1, l2)
		prefix := fmt.Sprintf("DK-%s-%04d-", townA, applied.Year())
		if l1 == "" || l1 == l2 || !strings.HasPrefix(l1, prefix) || !strings.HasPrefix(l2, prefix) {
			t.Errorf("proposed loan numbers %q, %q: want two different numbers starting %s", l1, l2, prefix)
		}
		for _, no := range []string{l1, l2} {
			if st, body := c.get("/loans/" + no); st != http.StatusOK || !strings.Contains(body, no) {
				t.Errorf("loan page %s: %d", no, st)
			}
		}

		// Party organizations and training sessions.
		var pos []string
		for i := range 2 {
			form := url.Values{"no": {""}, "name": {fmt.Sprintf("编号测试党支部%d", i)}, "form": {hezuo.FormBranch}, "seat": {village},
				"orgs": {o1}, "from": {"2025-06-01"}, "term_years": {"3"}}
			if st, body := c.postForm("/partyorgs/new", form); st != http.StatusSeeOther {
				t.Fatalf("new party organization with a blank number: %d %v", st, fieldErrors(body))
			}
			var no string
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT no FROM party_orgs WHERE name = ?`), form.Get("name")).Scan(&no)
			pos = append(pos, no)
		}
		if pos[0] == pos[1] || !strings.HasPrefix(pos[0], "DZZ-"+townA+"-") {
			t.Errorf("proposed party organization numbers %v", pos)
		}
		var trs []string
		for range 2 {
			form := url.Values{"no": {""}, "held_on": {applied.String()}, "topic": {"黑木耳栽培"}, "organizer": {"WQ-DW-01"},
				"mode": {hezuo.ModeOnSite}, "hours": {"2"}, "place": {townA}}
			loc := c.redirect(t, "/trainings/new", form)
			var no string
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT no FROM trainings WHERE id = ?`), strings.TrimSuffix(strings.TrimPrefix(loc, "/trainings/"), "?saved=1")).Scan(&no)
			trs = append(trs, no)
		}
		if trs[0] == "" || trs[0] == trs[1] || !strings.HasPrefix(trs[0], fmt.Sprintf("PX-%s-%04d-", townA, applied.Year())) {
			t.Errorf("proposed training numbers %v", trs)
		}
		// A new household paired with a member, its number left blank.
		if _, body := c.get("/assistance?tab=households"); !strings.Contains(body, "户编号留空则自动生成") {
			t.Error("the pairing form does not say a new household's number is proposed")
		}
		var hhs []string
		for _, head := range []string{"编号测试户甲", "编号测试户乙"} {
			form := url.Values{"member": {fx.borrower}, "household": {""}, "head": {head}, "village": {village}, "size": {"3"},
				"poverty": {hezuo.PovertyRegistered}, "help": {"实用技术"}, "from": {applied.String()}}
			if st, body := c.postForm("/assistance/households", form); st != http.StatusSeeOther {
				t.Fatalf("pair a new household with a blank number: %d %v", st, fieldErrors(body))
			}
			var no string
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT no FROM households WHERE head = ?`), head).Scan(&no)
			hhs = append(hhs, no)
		}
		if hhs[0] == "" || hhs[0] == hhs[1] || !strings.HasPrefix(hhs[0], "HH-"+townA+"-") {
			t.Errorf("proposed household numbers %v", hhs)
		}
		t.Logf("proposed: party orgs %v, trainings %v, households %v", pos, trs, hhs)
	})
}
