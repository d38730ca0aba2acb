package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

// joinOrg makes the person with id a member of org from 2020-01-01 through
// the person page's join form.
func joinOrg(t *testing.T, c *client, id int64, org string) {
	t.Helper()
	join := url.Values{"org_id": {org}, "role": {"成员"}, "from": {"2020-01-01"}}
	if st, body := c.postForm("/people/"+strconv.FormatInt(id, 10)+"/memberships", join); st != http.StatusSeeOther {
		t.Fatalf("join %s: %d %v", org, st, fieldErrors(body))
	}
}

// TestDevelopmentStepExistingMember: development steps are for new
// members. A person without development steps cannot be stepped to
// 中共党员 or 中共预备党员 (the message points to the person form and the
// transfer-in form); a probationary member registered on the person form
// is converted (转正) on the step form once the year of probation is over;
// a full member has no next step; a probationary member without a known
// joining date is sent to the person form first.
func TestDevelopmentStepExistingMember(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		village := villageOf(t, a, townA)
		person := func(n int, name string, extra url.Values) int64 {
			form := url.Values{"id_number": {newIDNumber(n)}, "name": {name}, "village": {village}}
			for k, v := range extra {
				form[k] = v
			}
			id := createPerson(t, c, form)
			joinOrg(t, c, id, orgSec)
			return id
		}
		step := func(id int64, status string, from hezuo.Date) (int, map[string]string) {
			st, body := c.postForm("/development/steps/new", url.Values{"person": {strconv.FormatInt(id, 10)}, "status": {status}, "from": {from.String()}})
			return st, fieldErrors(body)
		}

		// 群众 with no steps: no shortcut to party membership.
		masses := person(61, "群众甲", nil)
		for _, status := range []string{hezuo.StatusFull, hezuo.StatusProbationary} {
			st, errs := step(masses, status, today.AddDate(0, -1, 0))
			if st != http.StatusUnprocessableEntity || !strings.Contains(errs["status"], "只用于新发展的党员") ||
				!strings.Contains(errs["status"], "入党日期") || !strings.Contains(errs["status"], "组织关系转入") {
				t.Errorf("%s for a person without steps: %d %v", status, st, errs)
			}
		}
		if _, page := c.get("/development/steps/new?person=" + strconv.FormatInt(masses, 10)); !strings.Contains(page, `id="dev-transfer"`) ||
			!strings.Contains(page, `/people/`+strconv.FormatInt(masses, 10)+`/edit`) {
			t.Errorf("the step form does not point to the person form and the transfer-in form")
		}
		// The development of a new member still starts as before.
		if st, errs := step(masses, hezuo.StatusApplicant, today.AddDate(0, -1, 0)); st != http.StatusSeeOther {
			t.Errorf("applicant: %d %v", st, errs)
		}

		// A probationary member admitted 14 months ago, registered on the
		// person form: 转正 on the step form, not before the year is over.
		joined := today.AddDate(0, -14, 0)
		prob := person(62, "预备党员甲", url.Values{"political_status": {"probationary"}, "joined_party": {joined.String()}})
		if st, errs := step(prob, hezuo.StatusFull, joined.AddPeriod(0, 6)); st != http.StatusUnprocessableEntity || !strings.Contains(errs["from"], "不满 12 个月") {
			t.Errorf("转正 after 6 months: %d %v", st, errs)
		}
		conv := joined.AddPeriod(0, 12)
		if st, errs := step(prob, hezuo.StatusFull, conv); st != http.StatusSeeOther {
			t.Fatalf("转正 after the year: %d %v", st, errs)
		}
		rec, err := a.db.PersonForEdit(ctx, hezuo.System, prob, a.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if want := (hezuo.PartyRecord{Status: hezuo.StatusFull, JoinedParty: joined, FullSince: conv}); rec.Party != want {
			t.Errorf("after 转正: %+v, want %+v", rec.Party, want)
		}

		// A member who joined years ago: no further step, pointed to the forms.
		old := person(63, "老党员甲", url.Values{"political_status": {"full"}, "joined_party": {"2005-07-01"}, "full_member_since": {"2006-07-01"}})
		if st, errs := step(old, hezuo.StatusFull, today); st != http.StatusUnprocessableEntity || !strings.Contains(errs["status"], "自 2006-07-01 起已是中共党员") ||
			!strings.Contains(errs["status"], "人员信息") {
			t.Errorf("a step for a full member: %d %v", st, errs)
		}

		// A probationary member stated without a joining date.
		unknown := person(64, "预备党员乙", url.Values{"political_status": {"probationary"}})
		if st, errs := step(unknown, hezuo.StatusFull, today); st != http.StatusUnprocessableEntity || !strings.Contains(errs["status"], "入党日期不详") {
			t.Errorf("转正 of a probationary member without a joining date: %d %v", st, errs)
		}
	})
}

// TestPartyTransferIn: a township officer records, on the 组织关系转入 form,
// a party member moving their relation into a party organization of the
// township: the steps follow the letter's dates, the receiving organization
// holds the relation from the transfer date, the write is audited; a party
// organization of another township is refused as out of reach; roles that
// only read cannot open the form.
func TestPartyTransferIn(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		partyOrgIn := func(town string) string {
			var no string
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(no) FROM party_orgs WHERE seat BETWEEN ? AND ? AND valid_to IS NULL AND valid_from <= ?`),
				town+"000", town+"999", today.AddDate(0, -1, 0)).Scan(&no); err != nil || no == "" {
				t.Fatalf("no party organization in %s: %v", town, err)
			}
			return no
		}
		poA, poB := partyOrgIn(townA), partyOrgIn(townB)
		id := createPerson(t, c, url.Values{"id_number": {newIDNumber(71)}, "name": {"转入甲"}, "village": {villageOf(t, a, townA)}})
		sid := strconv.FormatInt(id, 10)

		if _, page := c.get("/people/" + sid); !strings.Contains(page, `href="/people/transfer-in?person=`+sid+`"`) {
			t.Errorf("the person page has no transfer-in link")
		}
		if _, page := c.get("/people"); !strings.Contains(page, `href="/people/transfer-in"`) {
			t.Errorf("the people list has no transfer-in link")
		}
		st, page := c.get("/people/transfer-in?person=" + sid)
		if st != http.StatusOK {
			t.Fatalf("form: %d", st)
		}
		for _, want := range []string{`<label for="joined_party">入党日期</label>`, `<label for="full_member_since">转正日期</label>`,
			`<label for="political_status">政治面貌</label>`, `<label for="party_org">接收党组织</label>`, `<label for="transfer_on">转入日期</label>`,
			`value="` + poA + `"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the form lacks %s", want)
			}
		}
		if strings.Contains(page, `value="`+poB+`"`) {
			t.Errorf("the form offers town B's party organization %s", poB)
		}

		on := today.AddDate(0, -1, 0)
		form := url.Values{"person": {sid}, "political_status": {"full"}, "joined_party": {"2010-07-01"}, "party_org": {poB},
			"transfer_on": {on.String()}, "origin": {"和龙市某镇某村党支部"}}
		if st, body := c.postForm("/people/transfer-in", form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["party_org"], "无权") {
			t.Errorf("into town B's party organization: %d %v", st, fieldErrors(body))
		}
		form.Set("party_org", "")
		form.Set("joined_party", "")
		form.Set("transfer_on", "")
		if st, body := c.postForm("/people/transfer-in", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["joined_party"] == "" ||
			fieldErrors(body)["party_org"] == "" || fieldErrors(body)["transfer_on"] == "" {
			t.Errorf("without 入党日期, 党组织, 转入日期: every one not reported at once: %d %v", st, fieldErrors(body))
		}
		form.Set("party_org", poA)
		form.Set("transfer_on", on.String())
		form.Set("joined_party", "2010-07-01")
		if st, body := c.postForm("/people/transfer-in", form); st != http.StatusSeeOther {
			t.Fatalf("transfer in: %d %v %s", st, fieldErrors(body), body[:min(len(body), 300)])
		}

		type row struct {
			status, home, from, to string
		}
		var got []row
		rows, err := a.db.QueryContext(ctx, a.db.Rebind(`SELECT s.status, coalesce(h.no, ''), s.valid_from, s.valid_to FROM party_status s
			LEFT JOIN party_orgs h ON h.id = s.home_party_org_id WHERE s.person_id = ? ORDER BY s.valid_from`), id)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var r row
			var from, to any
			if err := rows.Scan(&r.status, &r.home, &from, &to); err != nil {
				t.Fatal(err)
			}
			r.from, r.to = dayText(from), dayText(to)
			got = append(got, r)
		}
		rows.Close()
		want := []row{{"probationary", "", "2010-07-01", "2011-07-01"}, {"full", "", "2011-07-01", on.String()}, {"full", poA, on.String(), ""}}
		if len(got) != len(want) {
			t.Fatalf("steps %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("step %d: %+v, want %+v", i, got[i], want[i])
			}
		}
		if es := audited(t, a, "party_status", "townA"); len(es) == 0 || !strings.Contains(es[0].Note, "组织关系转入") || !strings.Contains(es[0].Note, "和龙市某镇某村党支部") {
			t.Errorf("the transfer is not audited: %+v", es)
		}
		_, page = c.get("/people/" + sid)
		for _, want := range []string{"中共党员", `<dd id="joined-party">2010-07-01</dd>`, `<dd id="full-since">2011-07-01</dd>`, `<span class="muted">` + poA + `</span>`} {
			if !strings.Contains(page, want) {
				t.Errorf("the person page lacks %s", want)
			}
		}

		// From the people list, by ID number: a probationary member.
		id2n := newIDNumber(72)
		id2 := createPerson(t, c, url.Values{"id_number": {id2n}, "name": {"转入乙"}, "village": {villageOf(t, a, townA)}})
		joined := today.AddDate(0, -14, 0)
		form = url.Values{"id_number": {id2n}, "political_status": {"probationary"}, "joined_party": {joined.String()}, "party_org": {poA},
			"transfer_on": {today.AddDate(0, -3, 0).String()}}
		if st, body := c.postForm("/people/transfer-in", form); st != http.StatusSeeOther {
			t.Fatalf("transfer in by ID number: %d %v", st, fieldErrors(body))
		}
		if rec, err := a.db.PersonForEdit(ctx, hezuo.System, id2, a.clock.Now()); err != nil || rec.Party != (hezuo.PartyRecord{Status: hezuo.StatusProbationary, JoinedParty: joined}) {
			t.Errorf("probationary member transferred in: %+v %v", rec, err)
		}
		// 转正 on the development step form: probation counts from
		// admission, across the transfer.
		joinOrg(t, c, id2, orgSec)
		conv := joined.AddPeriod(0, 12)
		if st, body := c.postForm("/development/steps/new", url.Values{"person": {strconv.FormatInt(id2, 10)}, "status": {"full"}, "from": {conv.String()}}); st != http.StatusSeeOther {
			t.Errorf("转正 after a transfer: %d %v", st, fieldErrors(body))
		}
		if rec, err := a.db.PersonForEdit(ctx, hezuo.System, id2, a.clock.Now()); err != nil || rec.Party != (hezuo.PartyRecord{Status: hezuo.StatusFull, JoinedParty: joined, FullSince: conv}) {
			t.Errorf("after 转正: %+v %v", rec, err)
		}
		// A member registered on the person form moves on, inside the
		// county, twice: the form is prefilled with the stored dates, each
		// transfer splits the current step, and the person form, saved
		// again unchanged, keeps them.
		id3 := createPerson(t, c, url.Values{"id_number": {newIDNumber(73)}, "name": {"转入丙"}, "village": {villageOf(t, a, townA)},
			"political_status": {"full"}, "joined_party": {"2012-03-01"}, "full_member_since": {"2013-03-01"}})
		s3 := strconv.FormatInt(id3, 10)
		if _, page := c.get("/people/transfer-in?person=" + s3); !strings.Contains(page, `value="2012-03-01"`) || !strings.Contains(page, `value="2013-03-01"`) {
			t.Errorf("the transfer-in form is not prefilled with the stored dates")
		}
		var poA2 string
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT max(no) FROM party_orgs WHERE seat BETWEEN ? AND ? AND valid_to IS NULL AND valid_from <= ?`),
			townA+"000", townA+"999", today.AddDate(0, -3, 0)).Scan(&poA2); err != nil || poA2 == poA {
			t.Fatalf("a second party organization of town A: %q %v", poA2, err)
		}
		for i, po := range []string{poA, poA2} {
			f := url.Values{"person": {s3}, "political_status": {"full"}, "joined_party": {"2012-03-01"}, "full_member_since": {"2013-03-01"},
				"party_org": {po}, "transfer_on": {today.AddDate(0, -2+i, 0).String()}}
			if st, body := c.postForm("/people/transfer-in", f); st != http.StatusSeeOther {
				t.Fatalf("transfer %d: %d %v", i, st, fieldErrors(body))
			}
		}
		rec3, err := a.db.PersonForEdit(ctx, hezuo.System, id3, a.clock.Now())
		if want := (hezuo.PartyRecord{Status: hezuo.StatusFull, JoinedParty: hezuo.MustDate("2012-03-01"), FullSince: hezuo.MustDate("2013-03-01")}); err != nil || rec3.Party != want {
			t.Fatalf("after two transfers: %+v %v, want %+v", rec3, err, want)
		}
		steps := func() int {
			var n int
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM party_status WHERE person_id = ?`), id3).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := steps(); n != 4 {
			t.Errorf("%d steps after two transfers, want 4 (probationary, full, full in %s, full in %s)", n, poA, poA2)
		}
		edit := url.Values{"id_number": {newIDNumber(73)}, "name": {"转入丙"}, "village": {villageOf(t, a, townA)}, "political_status": {"full"},
			"joined_party": {"2012-03-01"}, "full_member_since": {"2013-03-01"}, "version": {strconv.Itoa(rec3.Version)}}
		if st, body := c.postForm(c.pid(id3), edit); st != http.StatusSeeOther || steps() != 4 {
			t.Errorf("the person form saved unchanged: %d %v, %d steps", st, fieldErrors(body), steps())
		}
		if _, page := c.get("/people/" + s3); !strings.Contains(page, `<span class="muted">`+poA2+`</span>`) {
			t.Errorf("the person page does not name %s as holding the relation", poA2)
		}

		// Town B's officer cannot transfer town A's person.
		form.Set("id_number", newIDNumber(71))
		form.Set("party_org", poB)
		form.Del("csrf")
		if st, body := a.login(t, "townB").postForm("/people/transfer-in", form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["id_number"], "无权") {
			t.Errorf("town B transferring town A's person: %d %v", st, fieldErrors(body))
		}
		if st, _ := a.login(t, "auditor").get("/people/transfer-in"); st != http.StatusForbidden {
			t.Errorf("auditor opens the transfer-in form: %d", st)
		}
	})
}

// dayText formats a date column as either driver returns it.
func dayText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x[:min(len(x), 10)]
	case []byte:
		return string(x[:min(len(x), 10)])
	}
	if d, ok := v.(interface{ Format(string) string }); ok {
		return d.Format("2006-01-02")
	}
	return ""
}
