package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo"
)

// TestPlatformForms posts each institutions, training and development form
// as town B's officer: every refusal of the brief shows its Chinese reason
// beside the field, and the accepted records show on their pages.
func TestPlatformForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townB")
		today := hezuo.Today(hezuo.China)
		day := func(n int) string { return today.AddDays(n).String() }
		members, err := a.db.PartyOrgMembers(ctx, hezuo.System, poB, today, hezuo.Today(hezuo.China))
		if err != nil || len(members) < 2 {
			t.Fatalf("members of %s: %v %v", poB, members, err)
		}
		// A member of orgB who is no party member.
		nonMember := a.count(t, `SELECT min(m.person_id) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.org_no = ?
			AND m.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM party_status s WHERE s.person_id = m.person_id)`, orgB)
		expect := func(what string, st int, body string, field, text string) {
			t.Helper()
			if got := fieldErrors(body)[field]; st != http.StatusUnprocessableEntity || !strings.Contains(got, text) {
				t.Errorf("%s: %d, %s: %q (want %q; all: %v)", what, st, field, got, text, fieldErrors(body))
			}
		}
		// Meeting: an attendance dated after today is refused.
		form := url.Values{"party_org": {poB}, "kind": {hezuo.MeetingLife}, "held_on": {day(1)}, "topic": {"组织生活会"},
			"attendees": {fmt.Sprint(members[0].PersonID), fmt.Sprint(members[1].PersonID)}}
		st, body := c.postForm("/institutions/meetings/new", form)
		expect("future meeting", st, body, "held_on", "晚于今天")
		if !strings.Contains(body, `value="`+fmt.Sprint(members[0].PersonID)+`" checked`) {
			t.Error("the refused form lost its ticked attendees")
		}
		form.Set("held_on", day(0))
		loc := c.redirect(t, "/institutions/meetings/new", form)
		if !strings.HasPrefix(loc, "/institutions/meetings/") {
			t.Fatalf("meeting: redirected to %q", loc)
		}
		_, body = c.get(loc)
		if !strings.Contains(body, members[0].Name) || !strings.Contains(body, members[1].Name) {
			t.Errorf("the meeting page lacks its attendees")
		}
		// Commitment: not a party member of that organization.
		cf := url.Values{"party_org": {poB}, "person": {fmt.Sprint(nonMember)}, "year": {fmt.Sprint(today.Year())}, "made_on": {day(0)}, "content": {"带动三户"}}
		st, body = c.postForm("/institutions/commitments/new", cf)
		expect("commitment of a non-member", st, body, "person", "不是党组织")
		st, body = c.postForm("/institutions/commitments/new?lang=en", cf)
		expect("commitment of a non-member, in English", st, body, "person", "is not a (full or probationary) party member of "+poB)
		cf.Set("person", fmt.Sprint(members[0].PersonID))
		if st, body = c.postForm("/institutions/commitments/new", cf); st != http.StatusSeeOther {
			t.Fatalf("commitment: %d %v", st, fieldErrors(body))
		}
		cid := a.count(t, `SELECT max(id) FROM commitments WHERE person_id = ?`, members[0].PersonID)
		// Fulfilment: a fulfilled commitment needs its evidence.
		st, body = c.postForm(fmt.Sprintf("/institutions/commitments/%d/fulfil", cid), url.Values{"fulfilled_on": {day(0)}, "result": {hezuo.FulfilledAll}})
		expect("fulfilment without evidence", st, body, "evidence", "佐证")
		if st, _ = c.postForm(fmt.Sprintf("/institutions/commitments/%d/fulfil", cid), url.Values{"fulfilled_on": {day(0)}, "result": {hezuo.FulfilledAll},
			"evidence": {"走访台账"}}); st != http.StatusSeeOther {
			t.Errorf("fulfilment: %d", st)
		}
		// Visit: to a household the member is not linked with.
		var pid int64
		var hh, other string
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT cl.person_id, h.no FROM contact_links cl JOIN households h ON h.id = cl.household_id
			JOIN memberships m ON m.person_id = cl.person_id JOIN orgs o ON o.id = m.org_id
			WHERE o.village LIKE '222424103%' AND cl.valid_to IS NULL ORDER BY cl.id LIMIT 1`)).Scan(&pid, &hh); err != nil {
			t.Fatal(err)
		}
		a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(no) FROM households WHERE no <> ?`), hh).Scan(&other)
		st, body = c.postForm("/institutions/visits/new", url.Values{"person": {fmt.Sprint(pid)}, "household": {other}, "visited_on": {day(0)}})
		expect("visit to an unlinked household", st, body, "household", "没有联系关系")
		if st, _ = c.postForm("/institutions/visits/new", url.Values{"person": {fmt.Sprint(pid)}, "household": {hh}, "visited_on": {day(0)}}); st != http.StatusSeeOther {
			t.Errorf("visit: %d", st)
		}
		// Training: attendances after today refused; then saved with them.
		var orgMember int64
		orgMember = int64(a.count(t, `SELECT min(m.person_id) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.org_no = ? AND m.valid_to IS NULL`, orgB))
		tf := url.Values{"no": {"TB-FORM-1"}, "held_on": {day(2)}, "topic": {"黄牛养殖"}, "organizer": {"WQ-DW-01"}, "mode": {hezuo.ModeOnSite},
			"hours": {"3"}, "place": {townB}, "org_id": {orgB}, "attendees": {fmt.Sprint(orgMember)}}
		st, body = c.postForm("/trainings/new", tf)
		expect("future training", st, body, "held_on", "晚于今天")
		tf.Set("held_on", day(0))
		if st, body = c.postForm("/trainings/new", tf); st != http.StatusSeeOther {
			t.Fatalf("training: %d %v", st, fieldErrors(body))
		}
		tid := a.count(t, `SELECT id FROM trainings WHERE no = 'TB-FORM-1'`)
		if _, body = c.get(fmt.Sprintf("/trainings/%d", tid)); !strings.Contains(body, `id="attendee-count">1<`) {
			t.Errorf("the training page lacks its attendee")
		}
		// Development steps: out of order, too early as an activist, probation too short.
		step := func(status string, n int) (int, string) {
			return c.postForm("/development/steps/new", url.Values{"person": {fmt.Sprint(nonMember)}, "status": {status}, "from": {day(n)}})
		}
		st, body = step(hezuo.StatusActivist, -700)
		expect("activist before applying", st, body, "status", "不能跳过")
		for _, s := range []struct {
			status string
			n      int
		}{{hezuo.StatusApplicant, -700}, {hezuo.StatusActivist, -690}} {
			if st, body := step(s.status, s.n); st != http.StatusSeeOther {
				t.Fatalf("%s: %d %v", s.status, st, fieldErrors(body))
			}
		}
		st, body = step(hezuo.StatusCandidate, -400)
		expect("development object too early", st, body, "from", "不满 12 个月")
		for _, s := range []struct {
			status string
			n      int
		}{{hezuo.StatusCandidate, -300}, {hezuo.StatusProbationary, -250}} {
			if st, body := step(s.status, s.n); st != http.StatusSeeOther {
				t.Fatalf("%s: %d %v", s.status, st, fieldErrors(body))
			}
		}
		st, body = step(hezuo.StatusFull, -10)
		expect("probation too short", st, body, "from", "预备期")
		// Every accepted write has its audit entry.
		n := a.count(t, `SELECT count(*) FROM audit_log WHERE entity IN ('meeting', 'commitment', 'contact_visit', 'training', 'party_status')`)
		if n != 9 {
			t.Errorf("%d audit entries, want 9", n)
		}
		// Read-only roles get 403 on the forms.
		sec := a.login(t, "secretary")
		for _, path := range []string{"/institutions/meetings/new", "/trainings/new", "/development/steps/new", "/institutions/visits/new", "/institutions/commitments/new"} {
			if st, _ := sec.get(path); st != http.StatusForbidden {
				t.Errorf("secretary GET %s: %d", path, st)
			}
			if st, _ := sec.postForm(path, url.Values{}); st != http.StatusForbidden {
				t.Errorf("secretary POST %s: %d", path, st)
			}
		}
	})
}

// redirect posts form to path and returns where the server redirected.
func (c *client) redirect(t *testing.T, path string, form url.Values) string {
	t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Location")
}
