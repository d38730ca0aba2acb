package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo"
)

// TestFormsReportEveryFieldAtOnce: the org and person forms show every
// missing or wrong field of one submission together, beside its field,
// and save nothing; fixing them all saves at once.
func TestFormsReportEveryFieldAtOnce(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")

		// The org form: no name, no village, no founding date, a bad
		// count of households and a credit code of the wrong length.
		org := url.Values{"org_id": {"ALL-1"}, "name": {""}, "kind": {hezuo.KindCooperative}, "village": {""},
			"founded": {""}, "households_driven": {"很多"}, "credit_code": {"1234"}, "version": {"0"}}
		st, body := c.postForm("/orgs/new", org)
		errs := fieldErrors(body)
		if st != http.StatusUnprocessableEntity {
			t.Fatalf("org form: %d", st)
		}
		for _, f := range []string{"name", "village", "founded", "households_driven", "credit_code"} {
			if errs[f] == "" {
				t.Errorf("org form: no error beside %s in one submission: %v", f, errs)
			}
		}
		if _, err := a.db.GetOrg(ctx, hezuo.System, "ALL-1", hezuo.Today(hezuo.China), hezuo.Today(hezuo.China)); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("an org with errors was saved: %v", err)
		}
		// A bad date is reported with the record's other errors too.
		org.Set("households_driven", "3")
		org.Set("founded", "2020-02-30")
		if _, body := c.postForm("/orgs/new", org); len(fieldErrors(body)) < 4 || fieldErrors(body)["founded"] == "" || fieldErrors(body)["name"] == "" {
			t.Errorf("org form with a bad date: %v", fieldErrors(body))
		}
		org.Set("name", "全错合作社")
		org.Set("village", villageOf(t, a, townA))
		org.Set("founded", "2020-02-01")
		org.Set("credit_code", "")
		if st, body := c.postForm("/orgs/new", org); st != http.StatusSeeOther {
			t.Fatalf("org form fixed: %d %v", st, fieldErrors(body))
		}

		// The person form: a bad ID number, no name, a bad phone, a bad
		// date and a joining date for someone who is not a party member.
		id := newIDNumber(11)
		bad := id[:17] + map[bool]string{true: "1", false: "2"}[id[17] != '1']
		person := url.Values{"id_number": {bad}, "name": {""}, "village": {villageOf(t, a, townA)}, "phone": {"电话"},
			"talent_since": {"2020-02-30"}, hezuo.FieldPoliticalStatus: {""}, hezuo.FieldJoinedParty: {"2010-07-01"}, "version": {"0"}}
		st, body = c.postForm("/people/new", person)
		errs = fieldErrors(body)
		if st != http.StatusUnprocessableEntity {
			t.Fatalf("person form: %d", st)
		}
		for _, f := range []string{"id_number", "name", "phone", "talent_since", hezuo.FieldJoinedParty} {
			if errs[f] == "" {
				t.Errorf("person form: no error beside %s in one submission: %v", f, errs)
			}
		}
		// Without a bad date the store's own check reports them all too.
		person.Set("talent_since", "")
		st, body = c.postForm("/people/new", person)
		errs = fieldErrors(body)
		for _, f := range []string{"id_number", "name", "phone", hezuo.FieldJoinedParty} {
			if errs[f] == "" {
				t.Errorf("person form (saved through the store): no error beside %s: %d %v", f, st, errs)
			}
		}
		var n int
		if err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE name = ''`).Scan(&n); err != nil || n != 0 {
			t.Errorf("a person with errors was saved: %d %v", n, err)
		}
		person = url.Values{"id_number": {id}, "name": {"全对"}, "village": {villageOf(t, a, townA)}, "phone": {"13900001111"},
			hezuo.FieldPoliticalStatus: {""}, "version": {"0"}}
		if st, body := c.postForm("/people/new", person); st != http.StatusSeeOther {
			t.Fatalf("person form fixed: %d %v", st, fieldErrors(body))
		}
	})
}

// TestAPIReportsEveryFieldAtOnce: a loan application with several wrong
// fields is refused with all of them in error.fields (the first also in
// error.field, as before).
func TestAPIReportsEveryFieldAtOnce(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "townA")
		body := map[string]any{"no": "API-ALL-1", "org_id": orgSec, "amount_fen": 0, "rate_ppm": 43500,
			"term_months": 0, "applied_on": hezuo.Today(hezuo.China).String(), "lender": "农行"}
		st, b := c.postJSON("/api/loans", body)
		var e errorBody
		if err := json.Unmarshal([]byte(b), &e); err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, f := range e.Error.Fields {
			got[f.Field] = f.Message != ""
		}
		if st != http.StatusUnprocessableEntity || e.Error.Field == "" || !got["borrower"] || !got["amount_fen"] || !got["term_months"] {
			t.Errorf("a loan with three wrong fields: %d %s", st, b)
		}
	})
}

// TestEveryFormReportsEveryFieldAtOnce: each of the other forms, given
// several missing or wrong fields in one submission (unreadable dates among
// them), shows an error beside every one of those fields and stores nothing.
func TestEveryFormReportsEveryFieldAtOnce(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		admin := a.login(t, "admin")
		townBc := a.login(t, "townB")
		today := hezuo.Today(hezuo.China)
		// tables counts the rows of the tables a form could write.
		tables := func(names ...string) int {
			n := 0
			for _, tb := range names {
				n += a.count(t, `SELECT count(*) FROM `+tb)
			}
			return n
		}
		check := func(what string, c *client, path string, form url.Values, fields []string, tbls ...string) {
			t.Helper()
			before := tables(tbls...)
			st, body := c.postForm(path, form)
			errs := fieldErrors(body)
			if st < 400 || st >= 500 {
				t.Errorf("%s: status %d, want a refusal; %v", what, st, errs)
			}
			for _, f := range fields {
				if errs[f] == "" {
					t.Errorf("%s: no error beside %s in one submission: %v", what, f, errs)
				}
			}
			if after := tables(tbls...); after != before {
				t.Errorf("%s: %d rows written by a refused form", what, after-before)
			}
		}
		pid := fmt.Sprint(a.count(t, `SELECT min(id) FROM people WHERE village LIKE ?`, townA+"%"))

		// Membership, on the person's page: no org and an unreadable date;
		// then readable dates that are wrong, checked by the store with an
		// org that names nothing.
		check("join form", admin, "/people/"+pid+"/memberships", url.Values{"org_id": {""}, "from": {"2020-02-30"}, "to": {""}},
			[]string{"org_id", "from"}, "memberships")
		check("join form (the store's checks)", admin, "/people/"+pid+"/memberships", url.Values{"org_id": {"NO-SUCH-ORG"}, "from": {""}},
			[]string{"org_id", "from"}, "memberships")
		check("new membership", admin, "/memberships/new", url.Values{"person": {""}, "org_id": {""}, "from": {"2020-02-30"}, "to": {"2020-13-01"}},
			[]string{"person", "org_id", "from", "to"}, "memberships")

		// Meeting: no party organization, kind, topic; a date that is none.
		check("meeting", admin, "/institutions/meetings/new", url.Values{"party_org": {""}, "kind": {""}, "held_on": {"2020-02-30"}, "topic": {""}},
			[]string{"party_org", "kind", "held_on", "topic"}, "meetings", "meeting_attendances")

		// Commitment: nobody chosen, a year that is no number, an
		// unreadable date, no content, no party organization.
		check("commitment", admin, "/institutions/commitments/new", url.Values{"party_org": {""}, "person": {""}, "year": {"今年"},
			"made_on": {"2020-02-30"}, "content": {""}}, []string{"party_org", "person", "year", "made_on", "content"}, "commitments")

		// Fulfilment: an unreadable date and 已践诺 without evidence.
		cid := a.count(t, `SELECT min(id) FROM commitments WHERE fulfilled_on IS NULL`)
		var fulfilled int
		fulfilledNow := func() int {
			return a.count(t, `SELECT count(*) FROM commitments WHERE fulfilled_on IS NOT NULL`)
		}
		fulfilled = fulfilledNow()
		check("fulfilment", admin, fmt.Sprintf("/institutions/commitments/%d/fulfil", cid), url.Values{"fulfilled_on": {"2020-02-30"},
			"result": {hezuo.FulfilledAll}, "evidence": {""}}, []string{"fulfilled_on", "evidence"})
		if fulfilledNow() != fulfilled {
			t.Error("a refused fulfilment was saved")
		}

		// Visit: nobody, no household, an unreadable date.
		check("visit", admin, "/institutions/visits/new", url.Values{"person": {""}, "household": {""}, "visited_on": {"2020-02-30"}},
			[]string{"person", "household", "visited_on"}, "contact_visits")

		// Training: everything missing (but the number, which the system
		// proposes), hours no number, a bad date.
		check("training", admin, "/trainings/new", url.Values{"no": {""}, "held_on": {"2020-02-30"}, "topic": {""}, "organizer": {""},
			"mode": {""}, "hours": {"三"}, "place": {""}}, []string{"held_on", "topic", "organizer", "mode", "hours", "place"},
			"trainings", "training_attendances")
		if _, body := admin.postForm("/trainings/new", url.Values{"no": {""}, "held_on": {"2020-02-30"}}); fieldErrors(body)["no"] != "" {
			t.Errorf("a blank training number is refused, not proposed: %v", fieldErrors(body))
		}

		// Development step: nobody, an unknown step, a bad date.
		check("development step", admin, "/development/steps/new", url.Values{"person": {""}, "status": {"nope"}, "from": {"2020-02-30"}},
			[]string{"person", "status", "from"}, "party_status")

		// Officer: a malformed ID number, an unknown post, no start.
		no, _, id, _ := officerCase(t, a)
		check("officer", a.login(t, "townA"), "/partyorgs/"+no+"/officers", url.Values{"id_number": {id[:17] + "Y"}, "role": {"主任"}, "from": {""}},
			[]string{"id_number", "role", "from"}, "officers")

		// Dispatch: no instructor, no org, an unreadable start.
		check("dispatch", admin, "/dispatches/new", url.Values{"instructor": {""}, "org_id": {""}, "from": {"2020-02-30"}},
			[]string{"instructor", "org_id", "from"}, "dispatches")

		// Transfer-in, checked by the store: not a party member, a transfer
		// after today, a sending organization's name too long.
		check("transfer-in", admin, "/people/transfer-in", url.Values{"id_number": {newIDNumber(31)}, hezuo.FieldPoliticalStatus: {"masses"},
			hezuo.FieldJoinedParty: {"2010-07-01"}, "party_org": {poB}, "transfer_on": {today.AddDays(3).String()}, "origin": {strings.Repeat("党", 101)}},
			[]string{hezuo.FieldPoliticalStatus, "transfer_on", "origin"}, "people", "party_status", "memberships")

		// User: a name with a space, an unknown role, a scope that is no
		// division, a short password.
		// (The user form marks its errors without ids: each follows its
		// field's input.)
		users := tables("users")
		st, body := admin.postForm("/users", url.Values{"name": {"a b"}, "role": {"nope"}, "scope": {"12"}, "password": {"x"}})
		for _, f := range []string{`<input id="name" name="name" value="a b">`, `</select>`, `value="12">`, `type="password" autocomplete="new-password">`} {
			if i := strings.Index(body, f); i < 0 || !strings.HasPrefix(body[i+len(f):], `<span class="field-error">`) {
				t.Errorf("user form: %d, no error after %s in one submission", st, f)
			}
		}
		if tables("users") != users {
			t.Error("a refused user was saved")
		}

		// Assistance: a unit pairing with no target and an unreadable
		// start; a household pairing with a new household whose village,
		// size and poverty status are wrong and an unreadable start.
		check("unit pairing", townBc, "/assistance/units", url.Values{"unit": {""}, "org_id": {""}, "village": {""}, "from": {"2020-02-30"}},
			[]string{"org_id", "from"}, "unit_pairings")
		check("household pairing", townBc, "/assistance/households", url.Values{"member": {""}, "household": {""}, "head": {"张三"},
			"village": {"12"}, "size": {"几"}, "poverty": {"rich"}, "from": {"2020-02-30"}},
			[]string{"village", "size", "poverty", "from"}, "household_pairings", "households")

		// Party organization: no name, an unknown form, a bad date.
		check("party organization", admin, "/partyorgs/new", url.Values{"no": {""}, "name": {""}, "form": {"nope"}, "seat": {townA + "000"},
			"from": {"2020-02-30"}}, []string{"name", "form", "from"}, "party_orgs")

		// Out of poverty: an unreadable date and a count that is none.
		var hh string
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(no) FROM households WHERE village LIKE ? AND left_poverty_on IS NULL AND poverty <> 'none'`),
			townB+"%").Scan(&hh); err != nil {
			t.Fatal(err)
		}
		check("out of poverty", townBc, "/assistance/households/"+hh+"/out", url.Values{"confirm": {"1"}, "left_poverty_on": {"2020-02-30"},
			"people_out": {"全部"}}, []string{"left_poverty_on", "people_out"})
		if n := a.count(t, `SELECT count(*) FROM households WHERE no = ? AND left_poverty_on IS NOT NULL`, hh); n != 0 {
			t.Error("a refused 脱贫 was saved")
		}

		// Repayment: an unreadable date and two amounts that are none.
		var loanNo string
		if err := a.db.QueryRowContext(ctx, `SELECT min(no) FROM loans WHERE disbursed_on IS NOT NULL`).Scan(&loanNo); err != nil {
			t.Fatal(err)
		}
		check("repayment", admin, "/loans/"+loanNo+"/repayments", url.Values{"paid_on": {"2020-02-30"}, "principal": {"一千"}, "interest": {"-1"}},
			[]string{"paid_on", "principal", "interest"}, "loan_repayments")
	})
}

// TestAPIMeetingsAndTrainingsReportEveryField: the API's meetings and
// trainings list every wrong field in error.fields, as their forms do.
func TestAPIMeetingsAndTrainingsReportEveryField(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "townB")
		for _, tc := range []struct {
			path   string
			body   map[string]any
			fields []string
		}{
			{"/api/meetings", map[string]any{"party_org": poB, "kind": "nope", "topic": ""}, []string{"kind", "held_on", "topic"}},
			{"/api/trainings", map[string]any{"no": "", "topic": "", "organizer": "", "mode": "nope", "hours": 0, "place": "x"},
				[]string{"held_on", "topic", "organizer", "mode", "hours", "place"}},
		} {
			st, b := c.postJSON(tc.path, tc.body)
			var e errorBody
			if err := json.Unmarshal([]byte(b), &e); err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, f := range e.Error.Fields {
				got[f.Field] = f.Message != ""
			}
			for _, f := range tc.fields {
				if st != http.StatusUnprocessableEntity || !got[f] {
					t.Errorf("%s: %d, no %s in error.fields: %s", tc.path, st, f, b)
				}
			}
		}
	})
}
