package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

// TestElectionForm: the party organization page lists its elections
// (换届记录) and records one (登记换届) through the store: a day after today
// or a missing day is refused beside the field, another township cannot,
// and the one recorded becomes the latest election, audited, and ends the
// term warning of the orgs it covers.
func TestElectionForm(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		// A branch or joint branch whose term has run out (the demo leaves
		// a handful so), and the orgs it covers, warned today.
		today := hezuo.Today(hezuo.China)
		var no, seat string
		var poID int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT no, id, seat FROM party_orgs WHERE form IN ('branch', 'joint_branch')
			AND valid_to IS NULL AND elected_on <= ? ORDER BY no`), today.AddPeriod(-3, 0)).Scan(&no, &poID, &seat); err != nil {
			t.Fatal(err)
		}
		warned := func() []string {
			rows, err := a.db.Check(ctx, hezuo.AllScope, today)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				for _, w := range r.Warnings {
					if strings.HasPrefix(w.Rule, "term_years_") && slices.Contains(r.PartyOrgs, no) {
						out = append(out, r.OrgNo)
					}
				}
			}
			return out
		}
		if len(warned()) == 0 {
			t.Fatalf("no org of %s is warned of its term today", no)
		}
		outsider := "townB"
		if strings.HasPrefix(seat, townB) {
			outsider = "townA"
		}
		version := func() string {
			var v int
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT version FROM party_orgs WHERE id = ?`), poID).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return strconv.Itoa(v)
		}
		count := func() int {
			var n int
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM party_org_elections WHERE party_org_id = ?`), poID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		c := a.login(t, "admin")
		st, page := c.get("/partyorgs/" + no + "/edit")
		if st != http.StatusOK || !strings.Contains(page, `id="election-list"`) || !strings.Contains(page, `id="election-form"`) ||
			!strings.Contains(page, "登记换届") || !strings.Contains(page, `<label for="election_on">换届日期`) {
			t.Fatalf("edit page %d lacks the elections section", st)
		}
		for _, key := range []string{"register_election", "election_on", "no_elections", "elections_note"} {
			if strings.Contains(page, ">"+key) || strings.Contains(page, key+"<") {
				t.Errorf("the Chinese page shows the key %s", key)
			}
		}
		before := count()
		add := "/partyorgs/" + no + "/elections"
		form := url.Values{"elected_on": {today.AddDays(1).String()}, "note": {"选举产生新一届支部委员会"}, "version": {version()}}
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["elected_on"], "晚于今天") {
			t.Errorf("an election tomorrow: %d %v", st, fieldErrors(body))
		}
		form.Set("elected_on", "")
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || fieldErrors(body)["elected_on"] == "" {
			t.Errorf("no day: %d %v", st, fieldErrors(body))
		}
		form.Set("elected_on", today.String())
		other := url.Values{"elected_on": {today.String()}, "version": {version()}}
		if st, _ := a.login(t, outsider).postForm(add, other); st != http.StatusNotFound {
			t.Errorf("%s records an election of %s: %d", outsider, no, st)
		}
		if st, _ := a.login(t, "auditor").postForm(add, other); st != http.StatusForbidden {
			t.Errorf("an auditor records an election: %d", st)
		}
		if n := count(); n != before {
			t.Fatalf("refused elections wrote %d rows", n-before)
		}
		if st, body := c.postForm(add, form); st != http.StatusSeeOther {
			t.Fatalf("record: %d %v %s", st, fieldErrors(body), between(body, `id="election-error">`, "<"))
		}
		if n := count(); n != before+1 {
			t.Errorf("%d elections after recording one, want %d", n, before+1)
		}
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(between(body, `id="election-error">`, "<"), "已被他人修改") {
			t.Errorf("a stale form: %d %v", st, fieldErrors(body))
		}
		form.Set("version", version())
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["elected_on"], "已登记") {
			t.Errorf("the same day again: %d %v", st, fieldErrors(body))
		}
		_, page = c.get("/partyorgs/" + no + "/edit")
		if !strings.Contains(between(page, `id="election-list"`, "</ul>"), today.String()) || !strings.Contains(page, "选举产生新一届支部委员会") ||
			!strings.Contains(page, `id="elected_on" name="elected_on" type="date" value="`+today.String()+`"`) {
			t.Error("the page does not show the new election as the latest")
		}
		if es := audited(t, a, "party_org", "admin"); len(es) != 1 || es[0].Action != hezuo.ActionUpdate {
			t.Errorf("audit after the election: %+v", es)
		}
		if w := warned(); len(w) > 0 {
			t.Errorf("%v still warned of %s's term after its election", w, no)
		}
	})
}
