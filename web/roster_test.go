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

// TestRosterSelectAll: a browser without scripts sends only the roster's
// 全选 box (all_attendees): the meeting and the training record everyone on
// the roster the form showed; a refused form comes back with every name
// ticked; the page offers the box only where there is a roster.
func TestRosterSelectAll(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townB")
		today := hezuo.Today(hezuo.China)
		members, err := a.db.PartyOrgMembers(ctx, hezuo.System, poB, today, hezuo.Today(hezuo.China))
		if err != nil || len(members) < 2 {
			t.Fatalf("members of %s: %v %v", poB, members, err)
		}
		if _, body := c.get("/institutions/meetings/new?party_org=" + poB); !strings.Contains(body, `name="all_attendees"`) {
			t.Error("the meeting form with a roster offers no 全选")
		}
		if _, body := c.get("/institutions/meetings/new"); strings.Contains(body, `name="all_attendees"`) {
			t.Error("the meeting form without a roster offers 全选")
		}
		form := url.Values{"party_org": {poB}, "kind": {hezuo.MeetingLife}, "held_on": {today.AddDays(1).String()}, "topic": {"全体党员大会"},
			"all_attendees": {"1"}}
		st, body := c.postForm("/institutions/meetings/new", form)
		if st != http.StatusUnprocessableEntity {
			t.Fatalf("a meeting dated tomorrow: %d", st)
		}
		for _, m := range members {
			if !strings.Contains(body, fmt.Sprintf(`value="%d" checked`, m.PersonID)) {
				t.Errorf("the refused form does not tick %s", m.Name)
			}
		}
		form.Set("held_on", today.String())
		loc := c.redirect(t, "/institutions/meetings/new", form)
		if !strings.HasPrefix(loc, "/institutions/meetings/") {
			t.Fatalf("meeting: redirected to %q", loc)
		}
		var id int64
		fmt.Sscanf(strings.TrimPrefix(loc, "/institutions/meetings/"), "%d", &id)
		if n := a.count(t, `SELECT count(*) FROM meeting_attendances WHERE meeting_id = ?`, id); n != len(members) {
			t.Errorf("the meeting recorded %d attendees, want the roster's %d", n, len(members))
		}
		// Training: everyone of the org on the day.
		want := a.count(t, `SELECT count(DISTINCT m.person_id) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.org_no = ? AND m.valid_to IS NULL`, orgB)
		tf := url.Values{"no": {"TB-ALL-1"}, "held_on": {today.String()}, "topic": {"黄牛养殖"}, "organizer": {"WQ-DW-01"}, "mode": {hezuo.ModeOnSite},
			"hours": {"3"}, "place": {townB}, "org_id": {orgB}, "all_attendees": {"1"}}
		if st, body := c.postForm("/trainings/new", tf); st != http.StatusSeeOther {
			t.Fatalf("training: %d %v", st, fieldErrors(body))
		}
		tid := a.count(t, `SELECT id FROM trainings WHERE no = 'TB-ALL-1'`)
		if _, body := c.get(fmt.Sprintf("/trainings/%d", tid)); !strings.Contains(body, fmt.Sprintf(`id="attendee-count">%d<`, want)) {
			t.Errorf("the training does not record the org's %d members", want)
		}
	})
}
