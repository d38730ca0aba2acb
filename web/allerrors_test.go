package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
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
		if _, err := a.db.GetOrg(ctx, hezuo.System, "ALL-1", hezuo.Today(hezuo.China)); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
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
