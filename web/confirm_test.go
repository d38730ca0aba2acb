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

// TestDestructiveActionsAskFirst: every end, dissolution and disabling
// posted from a page answers first with a page that says, in Chinese, what
// will happen, with 确认 and 取消; nothing changes until 确认 posts the same
// fields again with confirm=1 and the CSRF token; a forged post with
// confirm=1 but no token changes nothing either.
func TestDestructiveActionsAskFirst(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")
		today := hezuo.Today(hezuo.China)
		org := func(no string) *hezuo.OrgDetail {
			d, err := a.db.GetOrg(ctx, hezuo.System, no, today, hezuo.Today(hezuo.China))
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		count := func(q string, args ...any) int {
			var n int
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(q), args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		var personID int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(m.person_id) FROM memberships m JOIN orgs o ON o.id = m.org_id
			WHERE o.org_no = ? AND m.valid_to IS NULL`), orgIns).Scan(&personID); err != nil {
			t.Fatal(err)
		}
		var other hezuo.MembershipRecord // another person's membership of orgIns, ended through its edit form
		{
			var mid int64
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT max(m.id) FROM memberships m JOIN orgs o ON o.id = m.org_id
				WHERE o.org_no = ? AND m.valid_to IS NULL AND m.person_id <> ?`), orgIns, personID).Scan(&mid); err != nil {
				t.Fatal(err)
			}
			m, err := a.db.MembershipForEdit(ctx, hezuo.System, mid, hezuo.Today(hezuo.China))
			if err != nil {
				t.Fatal(err)
			}
			other = *m
		}
		active := func() int {
			return count(`SELECT count(*) FROM memberships WHERE person_id = ? AND (valid_to IS NULL OR valid_to > ?)`, personID, today)
		}
		oi := org(orgIns)
		if len(oi.Instructors) == 0 {
			t.Fatalf("fixture: %s has no instructor", orgIns)
		}
		ins := oi.Instructors[0]
		var from hezuo.Date
		for _, d := range ins.Dispatches {
			if d.OrgNo == orgIns && d.To.IsZero() {
				from = d.From
			}
		}
		var poNo string
		if err := a.db.QueryRowContext(ctx, `SELECT min(no) FROM party_orgs WHERE valid_to IS NULL`).Scan(&poNo); err != nil {
			t.Fatal(err)
		}
		po, err := a.db.PartyOrgForEdit(ctx, hezuo.System, poNo, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		var userID int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT id FROM users WHERE name = ?`), "townB").Scan(&userID); err != nil {
			t.Fatal(err)
		}
		dispatched := func() int {
			return count(`SELECT count(*) FROM dispatches d JOIN orgs o ON o.id = d.org_id WHERE o.org_no = ? AND d.valid_to IS NULL`, orgIns)
		}
		for _, tc := range []struct {
			name, path string
			form       url.Values
			says       []string // what the question names
			state      func() string
		}{
			{"注销组织", "/orgs/" + orgSec + "/end", url.Values{"dissolved": {today.AddDays(30).String()}, "version": {fmt.Sprint(org(orgSec).Version)}},
				[]string{"确认注销", org(orgSec).Name, today.AddDays(30).String()},
				func() string { return org(orgSec).Dissolved.String() }},
			{"退出全部组织", fmt.Sprintf("/people/%d/end", personID), url.Values{"to": {today.String()}},
				[]string{"退出当前所在的全部", oi.Name},
				func() string { return fmt.Sprint(active()) }},
			{"退出（编辑成员关系）", fmt.Sprintf("/memberships/%d/edit", other.ID),
				url.Values{"role": {other.Role}, "from": {other.From.String()}, "to": {today.String()}, "version": {fmt.Sprint(other.Version)}},
				[]string{"确认 " + other.PersonName, oi.Name},
				func() string {
					return fmt.Sprint(count(`SELECT count(*) FROM memberships WHERE id = ? AND valid_to IS NULL`, other.ID))
				}},
			{"结束派驻", "/dispatches/end", url.Values{"instructor": {fmt.Sprint(ins.ID)}, "org_id": {orgIns}, "from": {from.String()}, "to": {today.String()}},
				[]string{"确认结束", ins.Name, oi.Name},
				func() string { return fmt.Sprint(dispatched()) }},
			{"撤销党组织", "/partyorgs/" + po.No + "/end", url.Values{"to": {today.AddDays(1).String()}, "version": {fmt.Sprint(po.Version)}},
				[]string{"确认撤销党组织", po.Name},
				func() string {
					return fmt.Sprint(count(`SELECT count(*) FROM party_orgs WHERE no = ? AND valid_to IS NULL`, po.No))
				}},
			{"停用用户", fmt.Sprintf("/users/%d", userID), url.Values{"op": {"disable"}},
				[]string{"确认停用用户 townB"},
				func() string {
					u, err := a.db.User(ctx, userID)
					if err != nil {
						t.Fatal(err)
					}
					return fmt.Sprint(u.Disabled)
				}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := tc.state()
				form := url.Values{}
				for k, v := range tc.form {
					form[k] = v
				}
				st, body := c.postForm(tc.path, form)
				if st != http.StatusOK || !strings.Contains(body, `id="confirm-form"`) || !strings.Contains(body, `name="confirm" value="1"`) ||
					!strings.Contains(body, `id="confirm-cancel"`) || !strings.Contains(body, "取消") {
					t.Fatalf("the post without confirm=1 is not asked: %d", st)
				}
				for _, s := range tc.says {
					if !strings.Contains(body, s) {
						t.Errorf("the question does not say %q", s)
					}
				}
				if got := tc.state(); got != before {
					t.Fatalf("asking changed the record: %s → %s", before, got)
				}
				// 取消 leads back to a page, and changes nothing.
				back := hrefOf(body, "confirm-cancel")
				if st, _ := c.get(back); st != http.StatusOK || tc.state() != before {
					t.Errorf("取消 (%s): %d, record %s → %s", back, st, before, tc.state())
				}
				// A forged post: confirm=1 without the session's token.
				forged := htmlFormValues(body)
				forged.Set("csrf", "forged")
				if st, _ := c.postForm(tc.path, forged); st != http.StatusForbidden || tc.state() != before {
					t.Errorf("forged confirmation: %d, record %s → %s", st, before, tc.state())
				}
				// 确认: the page's own form, as a browser posts it.
				yes := htmlFormValues(body)
				if yes.Get("confirm") != "1" || yes.Get("csrf") != c.csrf {
					t.Fatalf("the confirmation form lacks confirm=1 or the token: %v", yes)
				}
				if st, _ := c.postForm(tc.path, yes); st != http.StatusSeeOther {
					t.Fatalf("确认: %d", st)
				}
				if tc.state() == before {
					t.Errorf("确认 changed nothing: %s", before)
				}
			})
		}
	})
}

// hrefOf returns the href of the element with id in html.
func hrefOf(html, id string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	tag := html[start:]
	tag = tag[:strings.Index(tag, ">")]
	h := strings.Index(tag, `href="`)
	if h < 0 {
		return ""
	}
	v := tag[h+6:]
	return strings.ReplaceAll(v[:strings.Index(v, `"`)], "&amp;", "&")
}

// TestOrgEditDissolvingAsksFirst: the edit form giving an active org a
// 注销日期 asks as 注销组织 does; the confirmation saves the edit.
func TestOrgEditDissolvingAsksFirst(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")
		day := hezuo.Today(hezuo.China).AddDays(10)
		dissolved := func() hezuo.Date {
			d, err := a.db.GetOrg(ctx, hezuo.System, orgSec, hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
			if err != nil {
				t.Fatal(err)
			}
			return d.Dissolved
		}
		_, body := c.get("/orgs/" + orgSec + "/edit")
		form := htmlFormValues(body)
		form.Set("dissolved", day.String())
		st, body := c.postForm("/orgs/"+orgSec+"/edit", form)
		if st != http.StatusOK || !strings.Contains(body, `id="confirm-form"`) || !strings.Contains(body, "确认注销") || !dissolved().IsZero() {
			t.Fatalf("an edit dissolving the org is not asked first: %d, dissolved %s", st, dissolved())
		}
		if st, _ := c.postForm("/orgs/"+orgSec+"/edit", htmlFormValues(body)); st != http.StatusSeeOther || dissolved() != day {
			t.Errorf("确认: %d, dissolved %s, want %s", st, dissolved(), day)
		}
	})
}
