package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// villageOf returns the first village of town on record.
func villageOf(t *testing.T, a *app, town string) string {
	var v string
	if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT min(code) FROM divisions WHERE code BETWEEN ? AND ? AND level = 'village'`),
		town+"000", town+"999").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// newIDNumber returns a valid ID number not in the demo (n varies it).
func newIDNumber(n int) string {
	return hezuo.MakeIDNumber("222424", hezuo.DateOf(1981, time.March, 1+n%28), 900+n)
}

var locationID = regexp.MustCompile(`/people/(\d+)`)

// audited returns the audit entries of entity by user, newest first.
func audited(t *testing.T, a *app, entity, user string) []hezuo.AuditEntry {
	es, _, err := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Entity: entity, User: user, PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestPersonAndMembershipForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		id := newIDNumber(1)
		bad := id[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", id[17])+1)%11])
		form := url.Values{"id_number": {bad}, "name": {"测试人员"}, "village": {villageOf(t, a, townA)}, "phone": {"13900001111"}}
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["id_number"] == "" {
			t.Errorf("bad check character: %d %v", st, fieldErrors(body))
		}
		form.Set("id_number", id)
		form.Set("village", villageOf(t, a, townB))
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["village"] == "" {
			t.Errorf("village of town B: %d %v", st, fieldErrors(body))
		}
		form.Set("village", villageOf(t, a, townA))
		form.Set("talent_since", "2020-02-30")
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["talent_since"] == "" {
			t.Errorf("bad date: %d %v", st, fieldErrors(body))
		}
		form.Set("talent_since", "2020-02-01")
		req, _ := http.NewRequest("POST", c.base+"/people/new", strings.NewReader(url.Values(form).Encode()+"&csrf="+c.csrf))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		m := locationID.FindStringSubmatch(resp.Header.Get("Location"))
		if resp.StatusCode != http.StatusSeeOther || m == nil {
			t.Fatalf("create person: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		pid := m[1]
		_, body := c.get("/people/" + pid)
		if !strings.Contains(body, "1981-03-02") || !strings.Contains(body, id) || !strings.Contains(body, "join-form") {
			t.Errorf("person page lacks the derived birth date or the whole ID number")
		}
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["id_number"] == "" {
			t.Errorf("ID number taken: %d %v", st, fieldErrors(body))
		}
		// Edit with the version read, then with a stale one.
		_, edit := c.get("/people/" + pid + "/edit")
		if !strings.Contains(edit, `value="`+id+`"`) || !strings.Contains(edit, `id="derived"`) {
			t.Errorf("edit form lacks the ID number or the derived fields")
		}
		form.Set("name", "测试人员（改）")
		form.Set("version", "1")
		if st, body := c.postForm("/people/"+pid+"/edit", form); st != http.StatusSeeOther {
			t.Errorf("edit: %d %v", st, fieldErrors(body))
		}
		if st, body := c.postForm("/people/"+pid+"/edit", form); st != http.StatusUnprocessableEntity || !strings.Contains(body, "form-error") {
			t.Errorf("stale edit: %d", st)
		}
		// Join orgs; an overlapping period and another township's org are refused.
		join := url.Values{"org_id": {orgSec}, "role": {"成员"}, "from": {"2024-01-01"}}
		if st, body := c.postForm("/people/"+pid+"/memberships", join); st != http.StatusSeeOther {
			t.Fatalf("join: %d %v", st, fieldErrors(body))
		}
		if st, body := c.postForm("/people/"+pid+"/memberships", join); st != http.StatusUnprocessableEntity || fieldErrors(body)["from"] == "" {
			t.Errorf("overlapping join: %d %v", st, fieldErrors(body))
		}
		join.Set("org_id", orgB)
		if st, body := c.postForm("/people/"+pid+"/memberships", join); st != http.StatusUnprocessableEntity || fieldErrors(body)["org_id"] == "" {
			t.Errorf("join town B's org: %d %v", st, fieldErrors(body))
		}
		join.Set("org_id", orgIns)
		if st, _ := c.postForm("/people/"+pid+"/memberships", join); st != http.StatusSeeOther {
			t.Errorf("join a second org: %d", st)
		}
		ms, err := a.db.Memberships(ctx, hezuo.System, atoi(pid), hezuo.Today(hezuo.China))
		if err != nil || len(ms) != 2 {
			t.Fatalf("memberships: %v %v", ms, err)
		}
		mid := fmt.Sprint(ms[0].ID)
		if st, _ := c.get("/memberships/" + mid + "/edit"); st != http.StatusOK {
			t.Errorf("membership form: %d", st)
		}
		edit2 := url.Values{"role": {"理事"}, "from": {"2024-01-01"}, "to": {"2023-12-01"}, "version": {"1"}}
		if st, body := c.postForm("/memberships/"+mid+"/edit", edit2); st != http.StatusUnprocessableEntity || fieldErrors(body)["to"] == "" {
			t.Errorf("end before start: %d %v", st, fieldErrors(body))
		}
		edit2.Set("to", "")
		if st, _ := c.postForm("/memberships/"+mid+"/edit", edit2); st != http.StatusSeeOther {
			t.Errorf("membership edit: %d", st)
		}
		if st, _ := c.postForm("/memberships/"+mid+"/end", url.Values{"confirm": {"1"}, "to": {"2024-06-01"}, "version": {"1"}}); st != http.StatusConflict {
			t.Errorf("leave with a stale version: %d, want 409", st)
		}
		if st, _ := c.postForm("/memberships/"+mid+"/end", url.Values{"confirm": {"1"}, "to": {"2024-06-01"}, "version": {"2"}}); st != http.StatusSeeOther {
			t.Errorf("leave: %d", st)
		}
		// Leaving every org ends the other one.
		if st, _ := c.postForm("/people/"+pid+"/end", url.Values{"confirm": {"1"}, "to": {hezuo.Today(hezuo.China).String()}}); st != http.StatusSeeOther {
			t.Errorf("leave all: %d", st)
		}
		ms, _ = a.db.Memberships(ctx, hezuo.System, atoi(pid), hezuo.Today(hezuo.China))
		if len(ms) != 2 || ms[0].To.String() != "2024-06-01" || ms[0].Role != "理事" || ms[1].To.IsZero() {
			t.Errorf("memberships after leaving: %+v", ms)
		}
		// The audit log holds before and after, the ID number masked.
		var changes []hezuo.AuditEntry
		for _, e := range audited(t, a, "person", "townA") {
			if e.Action != hezuo.ActionView {
				changes = append(changes, e)
			}
		}
		if len(changes) != 3 || changes[0].Action != hezuo.ActionEnd || changes[1].Action != hezuo.ActionUpdate ||
			!strings.Contains(changes[1].After, "（改）") || strings.Contains(changes[1].Before, "（改）") || strings.Contains(changes[1].After, id) {
			t.Errorf("person audit: %+v", changes)
		}
		if got := audited(t, a, "membership", "townA"); len(got) != 4 || got[0].Action != hezuo.ActionEnd || got[1].Before == "" {
			t.Errorf("membership audit: %+v", got)
		}
		if _, body := c.get("/people/" + pid); !strings.Contains(body, "2024-06-01") {
			t.Error("the person page does not show the end date")
		}
	})
}

func atoi(s string) int64 {
	var n int64
	fmt.Sscan(s, &n)
	return n
}

func TestPartyOrgForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		form := url.Values{"no": {"T-PO-1"}, "name": {""}, "form": {"joint_branch"}, "seat": {villageOf(t, a, townB)},
			"orgs": {"WQ-HZ-028 " + orgB}, "from": {"2024-05-01"}, "term_years": {"x"}}
		if st, body := c.postForm("/partyorgs/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["term_years"] == "" {
			t.Errorf("bad term: %d %v", st, fieldErrors(body))
		}
		form.Set("term_years", "3")
		for _, step := range []struct{ field, fix, value string }{
			{"name", "name", "测试联合党支部"},
			{"joint_kind", "joint_kind", hezuo.JointCrossVill},
			{"seat", "seat", villageOf(t, a, townA)},
			{"orgs", "orgs", "WQ-HZ-028 WQ-XH-040"},
		} {
			st, body := c.postForm("/partyorgs/new", form)
			if st != http.StatusUnprocessableEntity || fieldErrors(body)[step.field] == "" {
				t.Errorf("%s: %d %v", step.field, st, fieldErrors(body))
			}
			form.Set(step.fix, step.value)
		}
		if st, body := c.postForm("/partyorgs/new", form); st != http.StatusSeeOther {
			t.Fatalf("create: %d %v %s", st, fieldErrors(body), between(body, `id="form-error">`, "<"))
		}
		if st, body := c.postForm("/partyorgs/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["no"] == "" {
			t.Errorf("number taken: %d %v", st, fieldErrors(body))
		}
		covers := func(org string, day hezuo.Date) bool {
			d, err := a.db.GetOrg(ctx, hezuo.System, org, day, hezuo.Today(hezuo.China))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range d.PartyOrgs {
				if p.No == "T-PO-1" {
					return true
				}
			}
			return false
		}
		if !covers("WQ-XH-040", today) || !covers("WQ-HZ-028", hezuo.MustDate("2024-05-01")) || covers("WQ-HZ-028", hezuo.MustDate("2024-04-30")) {
			t.Error("the new joint branch does not cover its orgs from its founding date")
		}
		// Edit: take WQ-XH-040 out and put orgSec in, from today.
		_, edit := c.get("/partyorgs/T-PO-1/edit")
		if !strings.Contains(edit, "WQ-XH-040") || !strings.Contains(edit, `id="end-form"`) {
			t.Error("edit form lacks the orgs or the end form")
		}
		form.Set("orgs", "WQ-HZ-028 "+orgSec)
		form.Set("effective", today.String())
		form.Set("version", "1")
		if st, body := c.postForm("/partyorgs/T-PO-1/edit", form); st != http.StatusSeeOther {
			t.Fatalf("edit: %d %v", st, fieldErrors(body))
		}
		if covers("WQ-XH-040", today) || !covers("WQ-XH-040", today.AddDays(-1)) || !covers(orgSec, today) || covers(orgSec, today.AddDays(-1)) {
			t.Error("the cover did not change on the effective date")
		}
		if st, body := c.postForm("/partyorgs/T-PO-1/edit", form); st != http.StatusUnprocessableEntity || !strings.Contains(body, "form-error") {
			t.Errorf("stale edit: %d", st)
		}
		// End it tomorrow: it and its cover stop then.
		tomorrow := today.AddDays(1)
		if st, _ := c.postForm("/partyorgs/T-PO-1/end", url.Values{"confirm": {"1"}, "to": {tomorrow.String()}, "version": {"2"}}); st != http.StatusSeeOther {
			t.Errorf("end: %d", st)
		}
		if !covers(orgSec, today) || covers(orgSec, tomorrow) {
			t.Error("the ended branch still covers its orgs")
		}
		if st, _ := a.login(t, "townB").get("/partyorgs/T-PO-1/edit"); st != http.StatusNotFound {
			t.Errorf("town B opens town A's party organization: %d", st)
		}
		if got := audited(t, a, "party_org", "townA"); len(got) != 3 || got[0].Action != hezuo.ActionEnd || got[1].Before == "" {
			t.Errorf("party organization audit: %d entries", len(got))
		}
	})
}

func TestDispatchForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		insOf := func(town string) string {
			var id int64
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(id) FROM instructors WHERE township = ?`), town).Scan(&id)
			return fmt.Sprint(id)
		}
		insA, insB := insOf(townA), insOf(townB)
		if _, body := c.get("/dispatches/new?org_id=WQ-HZ-028"); !strings.Contains(body, `value="`+insA+`"`) || strings.Contains(body, `value="`+insB+`"`) {
			t.Error("the dispatch form offers the wrong instructors")
		}
		form := url.Values{"instructor": {insA}, "org_id": {orgB}, "from": {"2024-03-01"}}
		if st, body := c.postForm("/dispatches/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["org_id"] == "" {
			t.Errorf("town B's org: %d %v", st, fieldErrors(body))
		}
		form.Set("org_id", "WQ-HZ-028")
		form.Set("instructor", insB)
		if st, body := c.postForm("/dispatches/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["instructor"] == "" {
			t.Errorf("town B's instructor: %d %v", st, fieldErrors(body))
		}
		form.Set("instructor", insA)
		if st, body := c.postForm("/dispatches/new", form); st != http.StatusSeeOther {
			t.Fatalf("dispatch: %d %v", st, fieldErrors(body))
		}
		if st, body := c.postForm("/dispatches/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["from"] == "" {
			t.Errorf("overlapping dispatch: %d %v", st, fieldErrors(body))
		}
		if _, body := c.get("/orgs/WQ-HZ-028"); !strings.Contains(body, "/dispatches/end") {
			t.Error("the org page offers no end form for the dispatch")
		}
		end := url.Values{"confirm": {"1"}, "instructor": {insA}, "org_id": {"WQ-HZ-028"}, "from": {"2024-03-01"}, "to": {"2024-02-01"}}
		if st, _ := c.postForm("/dispatches/end", end); st != http.StatusUnprocessableEntity {
			t.Errorf("end before start: %d", st)
		}
		end.Set("to", "2024-09-01")
		if st, _ := c.postForm("/dispatches/end", end); st != http.StatusSeeOther {
			t.Errorf("end: %d", st)
		}
		if st, _ := c.postForm("/dispatches/end", end); st != http.StatusConflict {
			t.Errorf("end twice: %d, want 409", st)
		}
		// The limit of orgs per instructor.
		st, _ := a.db.Settings(ctx)
		var orgsA []string
		rows, _ := a.db.QueryContext(ctx, `SELECT org_no FROM orgs WHERE village LIKE '222424102%' ORDER BY org_no`)
		for rows.Next() {
			var no string
			rows.Scan(&no)
			orgsA = append(orgsA, no)
		}
		rows.Close()
		limited := false
		for _, no := range orgsA[:st.InstructorMaxOrgs+2] {
			code, body := c.postForm("/dispatches/new", url.Values{"instructor": {insA}, "org_id": {no}, "from": {"2025-01-01"}})
			if code == http.StatusUnprocessableEntity && fieldErrors(body)["instructor"] != "" {
				limited = true
				break
			}
		}
		if !limited {
			t.Errorf("instructor %s took more than %d orgs", insA, st.InstructorMaxOrgs)
		}
		if got := audited(t, a, "dispatch", "townA"); len(got) < 2 || got[len(got)-2].Action != hezuo.ActionEnd {
			t.Errorf("dispatch audit: %d entries", len(got))
		}
	})
}

func TestRegistrySorting(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	first := func(path, cell string) string {
		st, body := c.get(path)
		if st != http.StatusOK {
			t.Fatalf("GET %s: %d", path, st)
		}
		body = body[strings.Index(body, "<tbody>"):]
		return between(body, cell, "<")
	}
	for _, k := range []string{"no", "name", "form", "seat", "founded"} {
		if first("/partyorgs?sort="+k, "<td>") == first("/partyorgs?sort=-"+k, "<td>") && k != "form" {
			t.Errorf("party organizations sorted by %s and -%s begin alike", k, k)
		}
	}
	for _, k := range []string{"name", "township", "unit"} {
		if st, _ := c.get("/instructors?sort=-" + k); st != http.StatusOK {
			t.Errorf("instructors by -%s: %d", k, st)
		}
	}
	if a, b := first("/instructors?sort=name", "<td>"), first("/instructors?sort=-name", "<td>"); a == b {
		t.Errorf("instructors by name and -name both begin with %s", a)
	}
	top := first("/divisions?form=township&sort=-orgs", `<td class="num"><a href="/orgs?scope=`)
	if !strings.Contains(top, "\">") {
		t.Fatalf("divisions by orgs: %q", top)
	}
	if first("/divisions?sort=code", "<td>") != "222424000000" || first("/divisions?sort=-code", "<td>") == "222424000000" {
		t.Error("divisions by code")
	}
}
