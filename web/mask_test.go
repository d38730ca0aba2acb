package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// Issue 16: a masked ID number must not be rebuildable from what the same
// view shows. The eight digits the mask hides are the birth date, so a view
// that masks shows the birth year only (hezuo.ShownBirth); nor may a role
// that sees masked numbers confirm a guess by looking a number up.

// maskedPerson is a person as the county administrator sees it whole.
type maskedPerson struct {
	id              int64
	number, birth   string // whole ID number, YYYY-MM-DD
	mid, year, name string // the eight digits the mask hides, the year
}

// wholePeople returns the members of org as the administrator sees them
// one by one, whole (and audited).
func wholePeople(t *testing.T, admin *client, org string) []maskedPerson {
	t.Helper()
	var list struct{ Items []hezuo.PersonItem }
	if st := admin.getJSON("/api/people?org_id="+org, &list); st != http.StatusOK || len(list.Items) < 2 {
		t.Fatalf("people of %s: %d, %d", org, st, len(list.Items))
	}
	var out []maskedPerson
	for _, it := range list.Items {
		var p hezuo.PersonDetail
		if st := admin.getJSON("/api/people/"+itoa(it.ID), &p); st != http.StatusOK || p.Masked || p.BirthDate.IsZero() {
			t.Fatalf("admin's view of person %d: %d %+v", it.ID, st, p)
		}
		out = append(out, maskedPerson{it.ID, p.IDNumber, p.BirthDate.String(), p.IDNumber[6:14], p.IDNumber[6:10], p.Name})
	}
	return out
}

// cursorRe is a keyset cursor (base64url JSON) in a body or link.
var cursorRe = regexp.MustCompile(`[A-Za-z0-9_-]{16,}`)

// dateRe is a date as YYYY-MM-DD.
var dateRe = regexp.MustCompile(`(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}`)

// decodedCursors returns the cursors found in body, decoded: a cursor may
// carry the sorted value of a row.
func decodedCursors(body string) string {
	var out []string
	if u, err := url.QueryUnescape(body); err == nil {
		body = u
	}
	for _, m := range cursorRe.FindAllString(body, -1) {
		if b, err := base64.RawURLEncoding.DecodeString(m); err == nil && strings.HasPrefix(string(b), `{"s":`) {
			out = append(out, string(b))
		}
	}
	return strings.Join(out, "\n")
}

// assertNotRebuildable fails when body (with its cursors decoded) shows
// the whole number, the hidden eight digits or the birth date of any of
// people, or a cursor holding a date.
func assertNotRebuildable(t *testing.T, what, body string, people []maskedPerson) {
	t.Helper()
	cur := decodedCursors(body)
	if d := dateRe.FindString(cur); d != "" {
		t.Errorf("%s: a cursor holds the date %s: %s", what, d, cur)
	}
	for _, p := range people {
		for _, s := range []string{p.number, p.mid, p.birth} {
			if strings.Contains(body, s) || strings.Contains(cur, s) {
				t.Errorf("%s shows %q of %s (%s): the masked number is rebuilt", what, s, p.name, hezuo.MaskIDNumber(p.number))
			}
		}
	}
}

// TestMaskedViewsHideBirthDates proves, for the roles that see ID numbers
// masked (auditor, department officer), that no list, page, download, API
// answer or audit entry shows the birth date beside the masked number, nor
// a cursor holding it, and that a whole number cannot be looked up; and
// that the county administrator still sees the whole number and the date
// on the person's page.
func TestMaskedViewsHideBirthDates(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		admin := a.login(t, "admin")
		people := wholePeople(t, admin, orgDept)
		p0 := people[0]
		if _, body := admin.get("/people/" + itoa(p0.id)); !strings.Contains(body, p0.number) || !strings.Contains(body, p0.birth) {
			t.Errorf("the administrator's person page lacks the whole number or the birth date")
		}
		// An edit of p0 (audited now) and an entry as written before the
		// rule: the append-only log keeps those.
		r, err := a.db.PersonForEdit(ctx, hezuo.System, p0.id, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		r.Phone = "13900002222"
		if _, _, err := a.db.SavePerson(ctx, hezuo.System, &r.Person, r.Version, time.Now()); err != nil {
			t.Fatal(err)
		}
		old := fmt.Sprintf(`{"id_number":"%s","name":"%s","sex":"%s","birth_date":"%s"}`, hezuo.MaskIDNumber(p0.number), p0.name, r.Sex, p0.birth)
		if _, err := a.db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO audit_log (county, at, user_name, role, action, entity, entity_key, division, old_value, new_value, note)
			VALUES ('222424', %d, 'old', 'county_admin', 'update', 'person', '%s', '%s', '%s', '%s', '')`,
			time.Now().Unix(), hezuo.MaskIDNumber(p0.number), r.Village, old, old)); err != nil {
			t.Fatal(err)
		}
		for _, who := range []string{"auditor", "dept"} {
			t.Run(who, func(t *testing.T) {
				c := a.login(t, who)
				get := func(path string) string {
					t.Helper()
					st, _, b := c.raw(path)
					if st != http.StatusOK {
						t.Fatalf("GET %s: %d %.200s", path, st, b)
					}
					return string(b)
				}
				list := get("/api/people?org_id=" + orgDept)
				if !strings.Contains(list, hezuo.MaskIDNumber(p0.number)) || !strings.Contains(list, `"birth_year":`+p0.year) {
					t.Errorf("the list lacks %s's masked number or birth year: %.300s", p0.name, list)
				}
				assertNotRebuildable(t, "GET /api/people", list, people)
				// Sorted by birth: every page and its cursors.
				path := "/api/people?sort=birth_date"
				years := []float64{}
				for range 3 {
					body := get(path)
					assertNotRebuildable(t, "GET "+path, body, people)
					var l struct {
						Items []map[string]any
						Next  string
					}
					if err := json.Unmarshal([]byte(body), &l); err != nil {
						t.Fatal(err)
					}
					for _, it := range l.Items {
						y, _ := it["birth_year"].(float64)
						years = append(years, y)
						if d, _ := it["birth_date"].(string); d != "" || y == 0 {
							t.Errorf("%s: a list item shows the birth date %q, year %v", path, d, y)
						}
					}
					if l.Next == "" {
						break
					}
					path = "/api/people?sort=birth_date&after=" + url.QueryEscape(l.Next)
				}
				for i := 1; i < len(years); i++ {
					if years[i] < years[i-1] {
						t.Fatalf("sort=birth_date is not by birth year: %v", years)
					}
				}
				one := get("/api/people/" + itoa(p0.id))
				if !strings.Contains(one, hezuo.MaskIDNumber(p0.number)) || !strings.Contains(one, `"birth_year":`+p0.year) {
					t.Errorf("one person lacks the masked number or birth year: %s", one)
				}
				assertNotRebuildable(t, "GET /api/people/{id}", one, people)
				for _, path := range []string{"/people?org_id=" + orgDept, "/people?sort=birth_date", "/people?sort=-birth_date&page=2",
					"/people/" + itoa(p0.id), "/orgs/" + orgDept} {
					assertNotRebuildable(t, "GET "+path, get(path), people)
				}
				if body := get("/people/" + itoa(p0.id)); !strings.Contains(body, `<dd id="birth">`+p0.year+`</dd>`) {
					t.Errorf("the person page does not show the birth year %s", p0.year)
				}
				var cells []string
				for _, row := range xlsxRows(t, []byte(get("/people.xlsx?org_id="+orgDept))) {
					cells = append(cells, strings.Join(row, "\t"))
				}
				assertNotRebuildable(t, "people.xlsx", strings.Join(cells, "\n"), people)
				// No lookup by a whole number: it would confirm a guess.
				if st, _ := c.get("/api/people/" + p0.number); st != http.StatusForbidden {
					t.Errorf("GET /api/people/{whole number}: %d, want 403", st)
				}
				var found hezuo.PersonList
				if c.getJSON("/api/people?q="+p0.number, &found); found.Total != 0 {
					t.Errorf("a search by the whole number finds %d", found.Total)
				}
				if who != "auditor" {
					return
				}
				audit := get("/audit?entity=person")
				if !strings.Contains(audit, hezuo.MaskIDNumber(p0.number)) || !strings.Contains(audit, "<dt>出生年份</dt><dd>"+p0.year+"</dd>") {
					t.Errorf("the audit page lacks the person entries: %.500s", audit)
				}
				assertNotRebuildable(t, "GET /audit", audit, people)
				for _, q := range []string{p0.birth, p0.birth[2:], p0.mid} {
					if n := strings.Count(get("/audit?entity=person&q="+url.QueryEscape(q)), "<tr><td"); n != 0 {
						t.Errorf("an audit search for %q finds %d entries", q, n)
					}
				}
				if n := strings.Count(get("/audit?entity=person&q="+url.QueryEscape(p0.name)), "<tr><td"); n != 2 {
					t.Errorf("an audit search for the name %s finds %d entries, want the edit and the old one", p0.name, n)
				}
			})
		}
		// Those who may see whole numbers still find a person by one.
		var found hezuo.PersonList
		if admin.getJSON("/api/people?q="+p0.number, &found); found.Total != 1 {
			t.Errorf("the administrator's search by whole number finds %d", found.Total)
		}
	})
}
