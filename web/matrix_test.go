package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// reach says which of the four chosen orgs each role may see.
var reach = map[string]map[string]bool{
	"admin":      {orgSec: true, orgIns: true, orgDept: true, orgB: true},
	"auditor":    {orgSec: true, orgIns: true, orgDept: true, orgB: true},
	"townA":      {orgSec: true, orgIns: true},
	"townB":      {orgDept: true, orgB: true},
	"dept":       {orgSec: true, orgDept: true},
	"secretary":  {orgSec: true},
	"instructor": {orgIns: true},
}

// TestScopeMatrix proves scope enforcement role by role and endpoint by
// endpoint: every org outside a user's reach answers 404 on every API and
// page URL, lists hold only reachable orgs, and scopes outside answer 403.
//
// Two workers, each with its own copy of the demo database, share out the
// roles (issue 7: a county-wide download takes seconds); a role puts back
// what it changes, as when they all ran in turn on one database.
func TestScopeMatrix(t *testing.T) {
	kinds := []string{"sqlite"}
	if os.Getenv("HEZUO_TEST_POSTGRES") != "" {
		kinds = append(kinds, "postgres")
	}
	// The longest roles (county-wide downloads) first.
	roles := []string{"admin", "auditor", "dept", "townA", "townB", "secretary", "instructor"}
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			type fixture struct {
				a         *app
				names     map[string]string
				memberOf  map[string]int64 // org → one member's database id
				townBRecs townBRecords
			}
			var fxs []fixture
			for range 2 {
				dsn := dbtest.SQLite(t)
				if kind == "postgres" {
					dsn = dbtest.Postgres(t)
				}
				a := newApp(t, dsn, Options{})
				names, memberOf := matrixOrgs(t, a)
				fxs = append(fxs, fixture{a, names, memberOf, loadTownB(t, a)})
			}
			jobs := make(chan string, len(roles))
			for _, user := range roles {
				jobs <- user
			}
			close(jobs)
			var wg sync.WaitGroup
			for _, fx := range fxs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for user := range jobs {
						// t.Run may be called from several goroutines.
						t.Run(user, func(t *testing.T) { matrixRole(t, fx.a, user, fx.names, fx.memberOf, fx.townBRecs) })
					}
				}()
			}
			wg.Wait()
		})
	}
}

// matrixRole runs the matrix for one user of the fixture on a.
func matrixRole(t *testing.T, a *app, user string, names map[string]string, memberOf map[string]int64, townBRecs townBRecords) {
	orgs := reach[user]
	c := a.login(t, user)
	for _, org := range []string{orgSec, orgIns, orgDept, orgB} {
		want := http.StatusNotFound
		if orgs[org] {
			want = http.StatusOK
		}
		for _, path := range []string{"/api/orgs/" + org, "/api/people?org_id=" + org, "/orgs/" + org,
			"/people?org_id=" + org, fmt.Sprintf("/api/people/%d", memberOf[org]), fmt.Sprintf("/people/%d", memberOf[org])} {
			if st, body := c.get(path); st != want {
				t.Errorf("GET %s: %d, want %d (%.200s)", path, st, want, body)
			} else if want == http.StatusNotFound && strings.Contains(body, names[org]) {
				t.Errorf("GET %s: the 404 shows the org's name: %.200s", path, body)
			}
		}
	}
	// Lists hold only reachable orgs.
	var list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	c.getJSON("/api/orgs?page=1", &list)
	var check []map[string]any
	c.getJSON("/api/check", &check)
	if len(check) != list.Total {
		t.Errorf("check has %d rows, orgs list %d", len(check), list.Total)
	}
	for _, r := range check {
		no := r["org_id"].(string)
		if _, chosen := reach["admin"][no]; chosen && !orgs[no] {
			t.Errorf("check lists %s", no)
		}
		if (user == "townA" || user == "secretary" || user == "instructor") && !strings.HasPrefix(r["village"].(string), townA) {
			t.Errorf("check lists %s of %s", no, r["village"])
		}
	}
	for org, ok := range orgs {
		var hit struct{ Total int }
		c.getJSON("/api/orgs?q="+org, &hit)
		if ok && hit.Total != 1 {
			t.Errorf("search %s: %d hits", org, hit.Total)
		}
	}
	// Scopes outside the user's: 403 for the township officers.
	if user == "townA" {
		for _, path := range []string{"/api/stats?scope=" + townB, "/api/check?scope=" + townB, "/api/orgs?scope=" + townB,
			"/api/stats?scope=222425", "/?scope=" + townB, "/check?scope=" + townB, "/orgs?scope=" + townB} {
			if st, _ := c.get(path); st != http.StatusForbidden {
				t.Errorf("GET %s: %d, want 403", path, st)
			}
		}
		var s hezuo.Stats
		c.getJSON("/api/stats", &s)
		if s.Scope != townA || s.Orgs.Total != list.Total {
			t.Errorf("townA stats: scope %s, %d orgs (list %d)", s.Scope, s.Orgs.Total, list.Total)
		}
	}
	matrixWrites(t, a, c, user, orgs)
	matrixRegistryWrites(t, a, c, user, townBRecs)
	matrixSpreadsheets(t, c, user, orgs)
	matrixPlatforms(t, a, c, user, orgs)
	matrixFunding(t, c, user, orgs) // funding and assistance (issue 5)
}

// matrixOrgs returns the names of the four chosen orgs and, for each, the
// database id of a member who belongs to no other org.
func matrixOrgs(t *testing.T, a *app) (names map[string]string, memberOf map[string]int64) {
	t.Helper()
	ctx := context.Background()
	names, memberOf = map[string]string{}, map[string]int64{}
	for org := range reach["admin"] {
		d, err := a.db.GetOrg(ctx, hezuo.System, org, hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		names[org] = d.Name
		var id int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT m.person_id FROM memberships m JOIN orgs o ON o.id = m.org_id
			WHERE o.org_no = ? AND m.person_id NOT IN (SELECT m2.person_id FROM memberships m2 JOIN orgs o2 ON o2.id = m2.org_id WHERE o2.org_no <> ?)
			ORDER BY m.person_id LIMIT 1`), org, org).Scan(&id); err != nil {
			t.Fatalf("member of %s: %v", org, err)
		}
		memberOf[org] = id
	}
	return names, memberOf
}

// matrixWrites checks the forms: only county administrators and township
// officers write, and only inside their scope, whatever org_id they guess.
func matrixWrites(t *testing.T, a *app, c *client, user string, orgs map[string]bool) {
	writer := user == "admin" || user == "townA" || user == "townB"
	for _, org := range []string{orgSec, orgB} {
		before, _ := a.db.GetOrg(context.Background(), hezuo.System, org, hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
		form := url.Values{"name": {"改名测试"}, "kind": {"cooperative"}, "village": {before.Village}, "founded": {before.Founded.String()},
			"registered_on": {before.RegisteredOn.String()}, "credit_code": {before.CreditCode}, "households_driven": {"1"}, "industry": {before.Industry},
			"version": {fmt.Sprint(before.Version)}}
		st, _ := c.postForm("/orgs/"+org+"/edit", form)
		want := http.StatusSeeOther
		switch {
		case !writer:
			want = http.StatusForbidden
		case !orgs[org]:
			want = http.StatusNotFound
		}
		if st != want {
			t.Errorf("%s edits %s: %d, want %d", user, org, st, want)
		}
		st, _ = c.postForm("/orgs/"+org+"/end", url.Values{"confirm": {"1"}, "dissolved": {hezuo.Today(hezuo.China).AddDays(30).String()}, "version": {"99"}})
		if want == http.StatusSeeOther {
			want = http.StatusConflict // a stale version never overwrites
		}
		if st != want {
			t.Errorf("%s ends %s with a stale version: %d, want %d", user, org, st, want)
		}
		after, _ := a.db.GetOrg(context.Background(), hezuo.System, org, hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
		if !after.Dissolved.IsZero() {
			t.Errorf("%s dissolved %s", user, org)
		}
		if after.Name == "改名测试" && (!writer || !orgs[org]) {
			t.Errorf("%s renamed %s", user, org)
		}
		if after.Name == "改名测试" {
			// Put it back for the next role.
			if _, err := a.db.SaveOrg(context.Background(), hezuo.System, &before.Org, after.Version, a.clock.Now()); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Creating an org in town B's village.
	var villageB string
	a.db.QueryRowContext(context.Background(), `SELECT min(code) FROM divisions WHERE code LIKE '222424103%' AND level = 'village'`).Scan(&villageB)
	form := url.Values{"org_id": {"T-" + user}, "name": {"测试合作社"}, "kind": {"cooperative"}, "village": {villageB}, "founded": {"2024-01-01"}}
	st, body := c.postForm("/orgs/new", form)
	switch {
	case !writer:
		if st != http.StatusForbidden {
			t.Errorf("%s creates: %d, want 403", user, st)
		}
	case user == "townA":
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["village"] == "" {
			t.Errorf("townA creates in town B: %d %v, want 422 with a village error", st, fieldErrors(body))
		}
	default:
		if st != http.StatusSeeOther {
			t.Errorf("%s creates in town B: %d %v", user, st, fieldErrors(body))
		}
	}
	// Administration pages.
	for path, ok := range map[string]bool{"/users": user == "admin", "/audit": user == "admin" || user == "auditor"} {
		want := http.StatusForbidden
		if ok {
			want = http.StatusOK
		}
		if st, _ := c.get(path); st != want {
			t.Errorf("GET %s: %d, want %d", path, st, want)
		}
	}
	if st, _ := c.postForm("/users", url.Values{"name": {"x" + user}, "role": {"county_admin"}, "scope": {"222424"}, "password": {pw}}); (st == http.StatusSeeOther) != (user == "admin") {
		t.Errorf("%s creates a user: %d", user, st)
	}
}
