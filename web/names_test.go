package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
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
