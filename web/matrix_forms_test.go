package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"hezuo"
)

// townBRecords are records of town B the matrix tries to read and change
// through the registry forms: a person living there and belonging to no
// org of town A, one membership and one party organization of orgB, an
// open dispatch to an org of town B and an instructor sent by town B.
type townBRecords struct {
	person     int64
	membership int64
	partyOrg   string
	dispatch   struct {
		ins  int64
		org  string
		from hezuo.Date
	}
	instructor int64
}

func loadTownB(t *testing.T, a *app) townBRecords {
	ctx := context.Background()
	var r townBRecords
	q := func(query string, dest ...any) {
		t.Helper()
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(query)).Scan(dest...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	q(`SELECT min(pe.id) FROM people pe WHERE pe.village LIKE '222424103%' AND pe.id NOT IN (SELECT m.person_id FROM memberships m
		JOIN orgs o ON o.id = m.org_id WHERE o.village LIKE '222424102%')`, &r.person)
	q(`SELECT min(m.id) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.org_no = '`+orgB+`'`, &r.membership)
	q(`SELECT min(p.no) FROM party_orgs p JOIN party_org_orgs l ON l.party_org_id = p.id JOIN orgs o ON o.id = l.org_id
		WHERE o.org_no = '`+orgB+`' AND p.seat LIKE '222424103%'`, &r.partyOrg)
	q(`SELECT d.instructor_id, o.org_no, d.valid_from FROM dispatches d JOIN orgs o ON o.id = d.org_id
		WHERE o.village LIKE '222424103%' AND d.valid_to IS NULL ORDER BY d.id LIMIT 1`, &r.dispatch.ins, &r.dispatch.org, &r.dispatch.from)
	q(`SELECT min(id) FROM instructors WHERE township = '`+townB+`'`, &r.instructor)
	return r
}

// matrixRegistryWrites checks the person, membership, party-organization
// and dispatch forms role by role: only county administrators and township
// officers write, and only inside their scope, whatever ids and keys they
// guess. Writers with reach send a stale version or an impossible date
// where a real change would disturb the next role.
func matrixRegistryWrites(t *testing.T, a *app, c *client, user string, r townBRecords) {
	ctx := context.Background()
	writer := user == "admin" || user == "townA" || user == "townB"
	reachB := user == "admin" || user == "townB"
	// want returns the status for an attempt on town B's records: ok for
	// writers with reach, 404 for town A, 403 for the rest.
	want := func(ok int) int {
		switch {
		case !writer:
			return http.StatusForbidden
		case !reachB:
			return http.StatusNotFound
		}
		return ok
	}
	check := func(what string, st, w int) {
		t.Helper()
		if st != w {
			t.Errorf("%s %s: %d, want %d", user, what, st, w)
		}
	}
	p, err := a.db.PersonForEdit(ctx, hezuo.System, r.person, a.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	pid := fmt.Sprint(r.person)
	st, _ := c.get("/people/" + pid + "/edit")
	check("opens a town B person's form", st, want(http.StatusOK))
	name := "改名测试"
	if reachB {
		name = p.Name
	}
	form := url.Values{"id_number": {p.IDNumber}, "name": {name}, "village": {p.Village}, "phone": {p.Phone},
		"talent_since": {p.TalentSince.String()}, "leader_since": {p.LeaderSince.String()}, "version": {fmt.Sprint(p.Version)}}
	st, _ = c.postForm("/people/"+pid+"/edit", form)
	check("edits a town B person", st, want(http.StatusSeeOther))
	if after, _ := a.db.PersonForEdit(ctx, hezuo.System, r.person, a.clock.Now()); after.Name != p.Name {
		t.Errorf("%s renamed a town B person", user)
	}
	// A new person living in town B.
	form = url.Values{"id_number": {newIDNumber(10 + int(user[0]) + int(user[len(user)-1]))}, "name": {"矩阵测试"}, "village": {villageOf(t, a, townB)}}
	st, body := c.postForm("/people/new", form)
	switch {
	case !writer:
		check("creates a person", st, http.StatusForbidden)
	case user == "townA":
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["village"] == "" {
			t.Errorf("townA creates a person in town B: %d %v", st, fieldErrors(body))
		}
	default:
		check("creates a person in town B", st, http.StatusSeeOther)
	}
	// Memberships: join a town B person to an org (by guessed id), end a
	// membership of orgB with a stale version, open its form.
	st, _ = c.postForm("/people/"+pid+"/memberships", url.Values{"org_id": {orgB}, "from": {"1999-01-01"}, "to": {"1999-02-01"}})
	if reachB {
		// Whichever of admin and townB comes second finds the period taken.
		if st != http.StatusSeeOther && st != http.StatusUnprocessableEntity {
			t.Errorf("%s joins a town B person to orgB: %d", user, st)
		}
	} else {
		check("joins a town B person to orgB", st, want(0))
	}
	if writer && !reachB {
		st, body = c.postForm("/people/"+pid+"/memberships", url.Values{"org_id": {orgSec}, "from": {"1999-01-01"}})
		check("joins a town B person (guessed id) to a town A org", st, http.StatusNotFound)
		var own int64
		a.db.QueryRowContext(ctx, `SELECT min(pe.id) FROM people pe WHERE pe.village LIKE '222424102%'`).Scan(&own)
		st, body = c.postForm(fmt.Sprintf("/people/%d/memberships", own), url.Values{"org_id": {orgB}, "from": {"1999-01-01"}})
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["org_id"] == "" {
			t.Errorf("townA joins its person to orgB: %d %v", st, fieldErrors(body))
		}
	}
	mid := fmt.Sprint(r.membership)
	st, _ = c.get("/memberships/" + mid + "/edit")
	check("opens orgB's membership", st, want(http.StatusOK))
	st, _ = c.postForm("/memberships/"+mid+"/end", url.Values{"confirm": {"1"}, "to": {"2030-01-01"}, "version": {"99"}})
	check("ends orgB's membership", st, want(http.StatusConflict))
	st, _ = c.postForm("/memberships/"+mid+"/edit", url.Values{"role": {"x"}, "from": {"2000-01-01"}, "version": {"99"}})
	if st == http.StatusUnprocessableEntity && reachB {
		st = http.StatusConflict // the stale version is shown on the form
	}
	check("edits orgB's membership", st, want(http.StatusConflict))
	// Party organizations.
	st, _ = c.get("/partyorgs/" + r.partyOrg + "/edit")
	check("opens orgB's party organization", st, want(http.StatusOK))
	st, _ = c.postForm("/partyorgs/"+r.partyOrg+"/end", url.Values{"confirm": {"1"}, "to": {"2030-01-01"}, "version": {"99"}})
	check("ends orgB's party organization", st, want(http.StatusConflict))
	st, _ = c.postForm("/partyorgs/"+r.partyOrg+"/elections", url.Values{"elected_on": {"2024-01-01"}, "version": {"99"}})
	if st == http.StatusUnprocessableEntity && reachB {
		st = http.StatusConflict // the stale version is shown on the form
	}
	check("records an election of orgB's party organization", st, want(http.StatusConflict))
	form = url.Values{"no": {"M-" + user}, "name": {"矩阵测试党小组"}, "form": {hezuo.FormPartyGroup}, "seat": {villageOf(t, a, townB)},
		"orgs": {orgB}, "from": {"2024-01-01"}}
	st, body = c.postForm("/partyorgs/new", form)
	switch {
	case !writer:
		check("creates a party organization", st, http.StatusForbidden)
	case user == "townA":
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["seat"] == "" {
			t.Errorf("townA seats a party organization in town B: %d %v", st, fieldErrors(body))
		}
		form.Set("seat", villageOf(t, a, townA))
		if st, body = c.postForm("/partyorgs/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["orgs"] == "" {
			t.Errorf("townA covers orgB: %d %v", st, fieldErrors(body))
		}
	default:
		check("creates a party organization in town B", st, http.StatusSeeOther)
	}
	// Dispatches.
	d := r.dispatch
	st, _ = c.postForm("/dispatches/end", url.Values{"confirm": {"1"}, "instructor": {fmt.Sprint(d.ins)}, "org_id": {d.org}, "from": {d.from.String()}, "to": {d.from.String()}})
	check("ends a town B dispatch", st, want(http.StatusUnprocessableEntity))
	from := map[string]string{"admin": "2001-01-01", "townB": "2002-01-01"}[user]
	if from == "" {
		from = "2003-01-01"
	}
	st, body = c.postForm("/dispatches/new", url.Values{"instructor": {fmt.Sprint(r.instructor)}, "org_id": {orgB}, "from": {from}, "to": {from[:4] + "-06-01"}})
	switch {
	case !writer:
		check("dispatches to orgB", st, http.StatusForbidden)
	case user == "townA":
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["org_id"] == "" {
			t.Errorf("townA dispatches to orgB: %d %v", st, fieldErrors(body))
		}
	default:
		check("dispatches to orgB", st, http.StatusSeeOther)
	}
	if !writer {
		for _, path := range []string{"/people/new", "/partyorgs/new", "/dispatches/new"} {
			if st, _ := c.get(path); st != http.StatusForbidden {
				t.Errorf("%s GET %s: %d, want 403", user, path, st)
			}
		}
	}
}
