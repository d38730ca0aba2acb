package web

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

// officerCase finds in the demo county a branch seated in town A with a
// secretary in office, and a full party member of an org of town A who
// holds no post in it and is no 致富能手: the branch's number and database
// id, the person's ID number and name.
func officerCase(t *testing.T, a *app) (no string, poID int64, idNumber, name string) {
	t.Helper()
	ctx := context.Background()
	lo, hi := townA+"000", townA+"999"
	if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT po.no, po.id FROM party_orgs po WHERE po.form = 'branch'
		AND po.seat BETWEEN ? AND ? AND po.valid_to IS NULL AND EXISTS (SELECT 1 FROM officers f
		WHERE f.party_org_id = po.id AND f.role = 'secretary' AND f.valid_to IS NULL) ORDER BY po.no`), lo, hi).Scan(&no, &poID); err != nil {
		t.Fatal(err)
	}
	var sealed string
	if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT p.id_sealed, p.name FROM people p
		JOIN party_status s ON s.person_id = p.id AND s.status = 'full' AND s.valid_to IS NULL
		JOIN memberships m ON m.person_id = p.id JOIN orgs o ON o.id = m.org_id
		WHERE o.village BETWEEN ? AND ? AND p.leader_since IS NULL
		AND p.id NOT IN (SELECT person_id FROM officers WHERE party_org_id = ?) ORDER BY p.id`), lo, hi, poID).Scan(&sealed, &name); err != nil {
		t.Fatal(err)
	}
	var err error
	if idNumber, err = a.db.Keys().Open(sealed); err != nil {
		t.Fatal(err)
	}
	return no, poID, idNumber, name
}

// TestOfficerForms: the party organization page lists its posts, records
// a new one (新增任职; refusals beside their fields), and ends one (离任)
// only after a confirmation page; another township can do neither.
func TestOfficerForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		no, poID, id, name := officerCase(t, a)
		c := a.login(t, "townA")
		st, page := c.get("/partyorgs/" + no + "/edit")
		if st != http.StatusOK || !strings.Contains(page, `id="officer-list"`) || !strings.Contains(page, `id="officer-form"`) ||
			!strings.Contains(page, ">书记<") || strings.Contains(page, name) {
			t.Fatalf("edit page %d lacks the officers section", st)
		}
		today := hezuo.Today(hezuo.China)
		add := "/partyorgs/" + no + "/officers"
		form := url.Values{"id_number": {id[:17] + "Y"}, "role": {"宣传委员"}, "from": {today.String()}}
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || fieldErrors(body)["id_number"] == "" {
			t.Errorf("bad ID number: %d %v", st, fieldErrors(body))
		}
		form.Set("id_number", newIDNumber(7))
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["id_number"], "找不到") {
			t.Errorf("unknown person: %d %v", st, fieldErrors(body))
		}
		form.Set("id_number", id)
		form.Set("role", "书记")
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["role"], "同期已有书记") {
			t.Errorf("a second secretary: %d %v", st, fieldErrors(body))
		}
		form.Set("role", "主任")
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || fieldErrors(body)["role"] == "" {
			t.Errorf("an unknown post: %d %v", st, fieldErrors(body))
		}
		form.Set("role", "宣传委员")
		form.Set("from", today.AddDays(1).String())
		if st, body := c.postForm(add, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["from"], "晚于今天") {
			t.Errorf("a start tomorrow: %d %v", st, fieldErrors(body))
		}
		form.Set("from", today.String())
		other := func() url.Values { // the form without town A's CSRF token
			v := url.Values{}
			for k, vs := range form {
				if k != "csrf" {
					v[k] = vs
				}
			}
			return v
		}
		if st, _ := a.login(t, "townB").postForm(add, other()); st != http.StatusNotFound {
			t.Errorf("town B adds a post to town A's branch: %d", st)
		}
		if st, body := a.login(t, "auditor").postForm(add, other()); st != http.StatusForbidden || strings.Contains(body, "CSRF") {
			t.Errorf("an auditor adds a post: %d", st)
		}
		if st, body := c.postForm(add, form); st != http.StatusSeeOther {
			t.Fatalf("add: %d %v %s", st, fieldErrors(body), between(body, `id="post-error">`, "<"))
		}
		_, page = c.get("/partyorgs/" + no + "/edit")
		if !strings.Contains(page, name) || !strings.Contains(page, hezuo.MaskIDNumber(id)) || strings.Contains(page, id) ||
			!strings.Contains(page, "非致富能手、技术骨干") {
			t.Error("the page does not list the new post (masked, flagged)")
		}
		var rows []hezuo.CheckView
		if st := c.getJSON("/api/check?scope="+townA, &rows); st != http.StatusOK {
			t.Fatalf("check: %d", st)
		}
		suggested := false
		for _, r := range rows {
			for _, s := range r.Suggestions {
				suggested = suggested || (strings.Contains(s, "宣传委员"+name) && strings.Contains(s, "致富先锋工程"))
			}
		}
		if !suggested {
			t.Error("the check does not suggest that the new member be a 致富能手 or 技术骨干")
		}
		if es := audited(t, a, "officer", "townA"); len(es) != 1 || es[0].Action != hezuo.ActionCreate || strings.Contains(es[0].After, id) {
			t.Errorf("audit after the post: %+v", es)
		}

		// 离任: the first post asks, the confirmed one ends.
		var postID int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT id FROM officers WHERE party_org_id = ? AND duty = 'publicity'`), poID).Scan(&postID); err != nil {
			t.Fatal(err)
		}
		end := "/partyorgs/" + no + "/officers/" + strconv.FormatInt(postID, 10) + "/end"
		tomorrow := today.AddDays(1)
		st, body := c.postForm(end, url.Values{"to": {tomorrow.String()}})
		if st != http.StatusOK || !strings.Contains(between(body, `id="confirm-question">`, "<"), name) || !strings.Contains(body, `name="confirm" value="1"`) {
			t.Fatalf("the end asks no question: %d", st)
		}
		to := func() sql.NullString {
			var v sql.NullString
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT CAST(valid_to AS TEXT) FROM officers WHERE id = ?`), postID).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		if v := to(); v.Valid {
			t.Fatalf("the question ended the post: %v", v)
		}
		if st, _ := a.login(t, "townB").postForm(end, url.Values{"to": {tomorrow.String()}, "confirm": {"1"}}); st != http.StatusNotFound {
			t.Errorf("town B ends town A's post: %d", st)
		}
		if st, _ := c.postForm(end, url.Values{"to": {tomorrow.String()}, "confirm": {"1"}}); st != http.StatusSeeOther {
			t.Fatalf("confirmed end: %d", st)
		}
		if v := to(); !v.Valid || !strings.HasPrefix(v.String, tomorrow.String()) {
			t.Errorf("the post ends %v, want %s", v, tomorrow)
		}
		if st, _ := c.postForm(end, url.Values{"to": {tomorrow.String()}, "confirm": {"1"}}); st != http.StatusConflict {
			t.Errorf("ended twice: %d", st)
		}
		if es := audited(t, a, "officer", "townA"); len(es) != 2 || es[0].Action != hezuo.ActionEnd {
			t.Errorf("audit after the end: %+v", es)
		}
	})
}
