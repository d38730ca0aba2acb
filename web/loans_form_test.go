package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// loanFixture finds, in the demo county, a full party member of orgSec's
// township to borrow and a registered guarantor with room under the cap.
type loanFixture struct {
	borrower, guarantor string
	capFen              int64
}

func findLoanFixture(t *testing.T, a *app) loanFixture {
	t.Helper()
	ctx := context.Background()
	var f loanFixture
	var borrower, guarantor int64
	if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(pe.id) FROM people pe JOIN party_status ps ON ps.person_id = pe.id
		JOIN memberships m ON m.person_id = pe.id JOIN orgs o ON o.id = m.org_id
		WHERE o.org_no = ? AND m.valid_to IS NULL AND ps.status = 'full' AND ps.valid_to IS NULL AND ps.valid_from < ?`),
		orgSec, hezuo.DateOf(2020, 1, 1)).Scan(&borrower); err != nil {
		t.Fatalf("borrower: %v", err)
	}
	// The guarantor standing for fewest loans.
	if err := a.db.QueryRowContext(ctx, `SELECT g.person_id FROM guarantors g
		ORDER BY (SELECT count(*) FROM loan_guarantees lg WHERE lg.guarantor_id = g.id), g.id LIMIT 1`).Scan(&guarantor); err != nil {
		t.Fatalf("guarantor: %v", err)
	}
	// Their ID numbers (sealed at rest) as an administrator reads them.
	admin := a.login(t, "admin")
	for _, p := range []struct {
		id  int64
		dst *string
	}{{borrower, &f.borrower}, {guarantor, &f.guarantor}} {
		var person struct {
			IDNumber string `json:"id_number"`
		}
		if st := admin.getJSON(fmt.Sprintf("/api/people/%d", p.id), &person); st != http.StatusOK || strings.Contains(person.IDNumber, "*") {
			t.Fatalf("person %d: %d %q", p.id, st, person.IDNumber)
		}
		*p.dst = person.IDNumber
	}
	st, err := a.db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.capFen = int64(st.GuarantorMaxYuan) * 100
	return f
}

// TestLoanFormRoundTrip creates a loan through the form (refused first for
// each bad input, with the reason beside the field), approves and disburses
// it, records repayments (refused before the disbursement and for bad
// amounts) and finds its interest subsidy on the subsidy page and in the
// API; the audit log holds every change.
func TestLoanFormRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		fx := findLoanFixture(t, a)
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		applied, approved, disbursed, repaid := today.AddDays(-120), today.AddDays(-110), today.AddDays(-100), today.AddDays(-10)
		overCap := hezuo.Yuan(fx.capFen + 100_000_00)
		good := url.Values{"no": {"T-DK-1"}, "borrower": {fx.borrower}, "org_id": {orgSec}, "purpose": {"购置农机"},
			"for_cooperative": {"1"}, "lender": {"农村信用社"}, "amount": {overCap}, "rate": {"4.35"}, "term_months": {"12"},
			"applied_on": {applied.String()}, "households_driven": {"12"}, "guarantor_a": {fx.guarantor}}
		refuse := func(what string, change map[string]string, field, want string) {
			t.Helper()
			form := url.Values{}
			for k, v := range good {
				form[k] = v
			}
			for k, v := range change {
				form.Set(k, v)
			}
			st, body := c.postForm("/loans/new", form)
			errs := fieldErrors(body)
			if st == http.StatusSeeOther || errs[field] == "" || !strings.Contains(errs[field], want) {
				t.Errorf("%s: %d, errors %v; want %q beside %s", what, st, errs, want, field)
			}
		}
		refuse("guarantor over the cap", nil, "guarantor_a", "超过每名公职人员同时担保上限")
		refuse("amount zero", map[string]string{"amount": "0"}, "amount", "贷款金额应大于零")
		refuse("amount negative", map[string]string{"amount": "-5"}, "amount", "金额应为大于零的数字")
		refuse("unknown person", map[string]string{"borrower": "222424199001011234"}, "borrower", "不存在或无权访问")
		refuse("unknown org", map[string]string{"org_id": "NO-SUCH-ORG"}, "org_id", "找不到组织")
		refuse("org outside town A", map[string]string{"org_id": orgB}, "org_id", "找不到组织")
		refuse("applied in the future", map[string]string{"applied_on": today.AddDays(3).String()}, "applied_on", "晚于今天")
		refuse("unknown guarantor", map[string]string{"guarantor_a": fx.borrower}, "guarantor_a", "不是登记的公职人员担保人")
		// In English too.
		en := url.Values{}
		for k, v := range good {
			en[k] = v
		}
		en.Set("amount", "0")
		if st, body := c.postForm("/loans/new?lang=en", en); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["amount"], "positive") {
			t.Errorf("English refusal: %d %v", st, fieldErrors(body))
		}
		// Nothing of the refused attempts was written.
		if st, _ := c.get("/api/loans/T-DK-1"); st != http.StatusNotFound {
			t.Fatalf("a refused loan exists: %d", st)
		}
		before, err := a.db.Stats(context.Background(), hezuo.Scope{Prefix: "222424"}, today)
		if err != nil {
			t.Fatal(err)
		}
		// Fixed: the guarantor stands for 10,000 yuan.
		good.Set("amount", "50,000")
		good.Set("guarantee_a", "10000")
		if st, body := c.postForm("/loans/new", good); st != http.StatusSeeOther {
			t.Fatalf("create: %d %v %.300s", st, fieldErrors(body), body)
		}
		if st, _ := c.postForm("/loans/new", good); st != http.StatusConflict {
			t.Errorf("the same number again: %d, want 409", st)
		}
		var d struct {
			Status     string `json:"status"`
			AmountFen  int64  `json:"amount_fen"`
			Version    int    `json:"version"`
			Guarantees []struct {
				AmountFen int64 `json:"amount_fen"`
			} `json:"guarantees"`
			Queue *struct{ Rank int } `json:"queue"`
		}
		c.getJSON("/api/loans/T-DK-1", &d)
		if d.Status != hezuo.LoanApplied || d.AmountFen != 50_000_00 || len(d.Guarantees) != 1 || d.Guarantees[0].AmountFen != 10_000_00 || d.Queue == nil {
			t.Fatalf("created loan: %+v", d)
		}
		// A repayment before the disbursement is refused.
		if st, body := c.postForm("/loans/T-DK-1/repayments", url.Values{"paid_on": {repaid.String()}, "principal": {"100"}}); st != http.StatusUnprocessableEntity ||
			!strings.Contains(fieldErrors(body)["paid_on"], "早于贷款发放日期") {
			t.Errorf("repayment before disbursement: %d %v", st, fieldErrors(body))
		}
		status := func(action string, on hezuo.Date, version int) (int, string) {
			return c.postForm("/loans/T-DK-1/status", url.Values{"confirm": {"1"}, "action": {action}, "on": {on.String()}, "version": {fmt.Sprint(version)}})
		}
		if st, body := status("approve", applied.AddDays(-1), d.Version); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["on"], "审批日期早于申请日期") {
			t.Errorf("approval before the application: %d %v", st, fieldErrors(body))
		}
		if st, _ := status("approve", approved, d.Version+7); st != http.StatusConflict {
			t.Errorf("stale version: %d, want 409", st)
		}
		if st, body := status("approve", approved, d.Version); st != http.StatusSeeOther {
			t.Fatalf("approve: %d %v", st, fieldErrors(body))
		}
		if st, _ := status("disburse", disbursed, d.Version+1); st != http.StatusSeeOther {
			t.Fatalf("disburse: %d", st)
		}
		c.getJSON("/api/loans/T-DK-1", &d)
		if d.Status != hezuo.LoanDisbursed {
			t.Fatalf("after disbursement: %s", d.Status)
		}
		after1, err := a.db.Stats(context.Background(), hezuo.Scope{Prefix: "222424"}, today)
		if err != nil {
			t.Fatal(err)
		}
		if after1.Loans.Count != before.Loans.Count+1 || after1.Loans.ToCooperativesFen != before.Loans.ToCooperativesFen+50_000_00 {
			t.Errorf("stats after the disbursement: %+v, before %+v", after1.Loans, before.Loans)
		}
		// Repayments: before the disbursement, negative, both zero, beyond the loan; then one that counts.
		for _, bad := range []struct {
			form  url.Values
			field string
		}{
			{url.Values{"paid_on": {disbursed.AddDays(-1).String()}, "principal": {"100"}}, "paid_on"},
			{url.Values{"paid_on": {repaid.String()}, "principal": {"-1"}}, "principal"},
			{url.Values{"paid_on": {repaid.String()}, "principal": {"0"}, "interest": {"0"}}, "principal"},
			{url.Values{"paid_on": {repaid.String()}, "principal": {"60000"}}, "principal"},
		} {
			if st, body := c.postForm("/loans/T-DK-1/repayments", bad.form); st != http.StatusUnprocessableEntity || fieldErrors(body)[bad.field] == "" {
				t.Errorf("repayment %v: %d %v", bad.form, st, fieldErrors(body))
			}
		}
		// The reference rate in force from the disbursement: a row of the table.
		ref := hezuo.LendingRate{EffectiveFrom: disbursed, Kind: hezuo.RateLPR, RatePPM: 37000, Source: "测试"}
		if err := a.db.SetLendingRate(context.Background(), &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: "222424"}},
			ref, today, time.Now()); err != nil {
			t.Fatal(err)
		}
		// Through the API: interest on the 90 days since the disbursement.
		st, body := c.postJSON("/api/loans/T-DK-1/repayments", map[string]any{"paid_on": repaid.String(), "principal_fen": 10_000_00, "interest_fen": 544_00})
		if st != http.StatusCreated {
			t.Fatalf("API repayment: %d %s", st, body)
		}
		var after struct {
			RepaidFen      int64 `json:"repaid_fen"`
			OutstandingFen int64 `json:"outstanding_fen"`
			Subsidies      []struct {
				Year       int   `json:"year"`
				SubsidyFen int64 `json:"subsidy_fen"`
				Periods    []struct {
					Days int `json:"days"`
				} `json:"periods"`
				Reasons []string `json:"reasons"`
			} `json:"interest_subsidies"`
		}
		c.getJSON("/api/loans/T-DK-1", &after)
		if after.RepaidFen != 10_000_00 || after.OutstandingFen != 40_000_00 || len(after.Subsidies) != 1 {
			t.Fatalf("after the repayment: %+v", after)
		}
		// 50,000 yuan × 90 days × 1.85% / 360 = 231.25 yuan, at half the reference
		// rate of 3.70% added below as in force from the disbursement.
		sub := after.Subsidies[0]
		if sub.Year != repaid.Year() || len(sub.Periods) != 1 || sub.Periods[0].Days != 90 || sub.SubsidyFen != 231_25 || len(sub.Reasons) == 0 {
			t.Errorf("subsidy: %+v", sub)
		}
		if st, body := c.get(fmt.Sprintf("/loans/subsidies?year=%d", repaid.Year())); st != http.StatusOK || !strings.Contains(body, "T-DK-1") || !strings.Contains(body, "231.25") {
			t.Errorf("subsidy page: %d", st)
		}
		if st, body := c.get("/loans/T-DK-1"); st != http.StatusOK || !strings.Contains(body, "231.25") || !strings.Contains(body, "40,000.00") {
			t.Errorf("loan page: %d", st)
		}
		// Repaid in full from the page; the loan leaves the outstanding figures.
		if st, body := c.postForm("/loans/T-DK-1/repayments", url.Values{"paid_on": {today.String()}, "all": {"1"}, "interest": {"50"}}); st != http.StatusSeeOther {
			t.Fatalf("repay in full: %d %v", st, fieldErrors(body))
		}
		c.getJSON("/api/loans/T-DK-1", &d)
		if d.Status != hezuo.LoanRepaid {
			t.Errorf("after repaying in full: %s", d.Status)
		}
		var n int
		a.db.QueryRowContext(context.Background(), `SELECT count(*) FROM audit_log WHERE entity IN ('loan', 'repayment') AND entity_key LIKE 'T-DK-1%'`).Scan(&n)
		if n != 5 {
			t.Errorf("%d audit entries, want 5 (create, approve, disburse, two repayments)", n)
		}
	})
}

// TestLoanAPI creates loans through the JSON API: a guarantor over the cap
// is refused with the field of the guarantee, an application by a party
// organization is created, rejected, and can be decided only once.
func TestLoanAPI(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		fx := findLoanFixture(t, a)
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		var partyOrg string
		if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT min(p.no) FROM party_orgs p JOIN party_org_orgs l ON l.party_org_id = p.id
			JOIN orgs o ON o.id = l.org_id WHERE o.org_no = ? AND l.valid_to IS NULL`), orgSec).Scan(&partyOrg); err != nil {
			t.Fatal(err)
		}
		body := map[string]any{"no": "API-DK-1", "borrower": fx.borrower, "org_id": orgSec, "amount_fen": fx.capFen + 1, "rate_ppm": 43500,
			"term_months": 24, "applied_on": today.AddDays(-2).String(), "lender": "农行",
			"guarantees": []map[string]any{{"id_number": fx.guarantor, "amount_fen": 1000_00}, {"id_number": fx.guarantor}}}
		st, b := c.postJSON("/api/loans", body)
		var e errorBody
		json.Unmarshal([]byte(b), &e)
		if st != http.StatusUnprocessableEntity || e.Error.Field != "guarantor_b" || e.Error.Code != hezuo.EINVALID {
			t.Errorf("the same guarantor twice: %d %s", st, b)
		}
		body["guarantees"] = []map[string]any{{"id_number": fx.guarantor}}
		st, b = c.postJSON("/api/loans", body)
		json.Unmarshal([]byte(b), &e)
		if st != http.StatusUnprocessableEntity || e.Error.Field != "guarantor_a" || !strings.Contains(e.Error.Message, "上限") {
			t.Errorf("over the cap: %d %s", st, b)
		}
		delete(body, "borrower")
		delete(body, "guarantees")
		body["party_org"] = partyOrg
		if st, b := c.postJSON("/api/loans", body); st != http.StatusCreated || !strings.Contains(b, `"status":"applied"`) {
			t.Fatalf("by the party organization %s: %d %s", partyOrg, st, b)
		}
		var d struct {
			Version int `json:"version"`
		}
		c.getJSON("/api/loans/API-DK-1", &d)
		decide := func(action string, version int) int {
			st, _ := c.postForm("/loans/API-DK-1/status", url.Values{"confirm": {"1"}, "action": {action}, "on": {today.String()}, "version": {fmt.Sprint(version)}})
			return st
		}
		if st := decide("reject", d.Version); st != http.StatusSeeOther {
			t.Fatalf("reject: %d", st)
		}
		if st := decide("approve", d.Version+1); st != http.StatusConflict {
			t.Errorf("approve a rejected application: %d, want 409", st)
		}
		var l loanListJSON
		c.getJSON("/api/loans?status=rejected&q=API-DK-1", &l)
		if l.Total != 1 {
			t.Errorf("rejected list: %+v", l)
		}
	})
}
