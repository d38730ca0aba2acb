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

// loanListJSON is GET /api/loans as the tests read it.
type loanListJSON struct {
	Items []struct {
		No        string `json:"no"`
		Status    string `json:"status"`
		OrgNo     string `json:"org_id"`
		Borrower  string `json:"borrower"`
		AmountFen int64  `json:"amount_fen"`
		Village   string `json:"village"`
	} `json:"items"`
	Total     int   `json:"total"`
	AmountFen int64 `json:"amount_fen"`
}

// TestLoanPages proves the loan list, detail, queue and subsidy pages show
// the demo county's figures: the list agrees with `hezuo stats` and the
// store's own lists, filters and pages select what they say, and the
// downloads hold the list's rows.
func TestLoanPages(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")
		day := hezuo.Today(hezuo.China)
		st, err := a.db.Stats(ctx, hezuo.Scope{Prefix: "222424"}, day)
		if err != nil {
			t.Fatal(err)
		}
		all, err := a.db.Loans(ctx, hezuo.Scope{Prefix: "222424"}, day)
		if err != nil {
			t.Fatal(err)
		}
		var list loanListJSON
		c.getJSON("/api/loans", &list)
		if list.Total != len(all) || len(list.Items) != hezuo.PageSize {
			t.Fatalf("/api/loans: %d loans (%d on the page), the store lists %d", list.Total, len(list.Items), len(all))
		}
		for _, it := range list.Items {
			if it.Borrower != "" {
				t.Errorf("the API shows the borrower's ID number %q", it.Borrower)
			}
		}
		// Disbursed, overdue: the figures of hezuo stats; every loan has
		// one status, the one hezuo.Loan.StatusOn gives it.
		statusOf := map[string]string{}
		for _, it := range all {
			statusOf[it.No] = it.Status
		}
		disbursed, every := 0, 0
		var sum int64
		for _, s := range loanStatuses {
			var l loanListJSON
			c.getJSON("/api/loans?status="+s, &l)
			every += l.Total
			for _, it := range l.Items {
				if statusOf[it.No] != s {
					t.Errorf("status=%s lists %s, whose status is %s", s, it.No, statusOf[it.No])
				}
			}
			if s != hezuo.LoanDisbursed && s != hezuo.LoanOverdue && s != hezuo.LoanRepaid {
				continue
			}
			disbursed += l.Total
			sum += l.AmountFen
			if s == hezuo.LoanOverdue && l.Total != st.Loans.Overdue {
				t.Errorf("overdue: %d, stats %d", l.Total, st.Loans.Overdue)
			}
			for _, it := range l.Items {
				if it.Status != s {
					t.Errorf("status=%s lists %s (%s)", s, it.No, it.Status)
				}
			}
		}
		if every != len(all) {
			t.Errorf("the statuses hold %d loans of %d", every, len(all))
		}
		if disbursed != st.Loans.Count || sum != st.Loans.TotalFen {
			t.Errorf("disbursed: %d loans, %d fen; stats %d, %d", disbursed, sum, st.Loans.Count, st.Loans.TotalFen)
		}
		// On past days too: the list's status (SQL) is hezuo.Loan.StatusOn.
		for _, past := range []string{"2014-06-30", "2019-12-31", "2022-05-20"} {
			pd := hezuo.MustDate(past)
			loans, err := a.db.Loans(ctx, hezuo.Scope{Prefix: "222424"}, pd)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			for _, it := range loans {
				want[it.Status]++
			}
			for _, s := range loanStatuses {
				var l loanListJSON
				c.getJSON("/api/loans?status="+s+"&as_of="+past, &l)
				if l.Total != want[s] {
					t.Errorf("%s on %s: %d loans, StatusOn gives %d", s, past, l.Total, want[s])
				}
			}
		}
		// Pages, sorting, search, township, year.
		var p2 loanListJSON
		c.getJSON("/api/loans?page=2", &p2)
		if len(p2.Items) == 0 || p2.Items[0].No == list.Items[0].No || p2.Items[0].No < list.Items[len(list.Items)-1].No {
			t.Errorf("page 2 starts at %v", p2.Items)
		}
		var big loanListJSON
		c.getJSON("/api/loans?sort=-amount", &big)
		for i := 1; i < len(big.Items); i++ {
			if big.Items[i].AmountFen > big.Items[i-1].AmountFen {
				t.Fatalf("sort=-amount: %d after %d", big.Items[i].AmountFen, big.Items[i-1].AmountFen)
			}
		}
		var hit loanListJSON
		c.getJSON("/api/loans?q="+url.QueryEscape(all[0].OrgName), &hit)
		if hit.Total == 0 || hit.Total == len(all) {
			t.Errorf("search %s: %d of %d", all[0].OrgName, hit.Total, len(all))
		}
		var tb loanListJSON
		c.getJSON("/api/loans?scope="+townB, &tb)
		for _, it := range tb.Items {
			if !strings.HasPrefix(it.Village, townB) {
				t.Errorf("scope=%s lists %s of %s", townB, it.No, it.Village)
			}
		}
		var y loanListJSON
		c.getJSON("/api/loans?year=2020&status=repaid", &y)
		if y.Total == 0 || y.Total >= disbursed {
			t.Errorf("year 2020: %d", y.Total)
		}
		// The priority filter holds the queue's priorities.
		var queue struct {
			Items []struct {
				LoanNo   string `json:"loan"`
				Priority bool   `json:"priority"`
			} `json:"items"`
		}
		c.getJSON("/api/loans/queue", &queue)
		prio := 0
		for _, q := range queue.Items {
			if q.Priority {
				prio++
			}
		}
		var pl loanListJSON
		c.getJSON("/api/loans?priority=1", &pl)
		if len(queue.Items) == 0 || pl.Total != prio {
			t.Errorf("queue of %d with %d priorities; priority filter %d", len(queue.Items), prio, pl.Total)
		}
		// The pages render.
		st2, body := c.get("/loans?status=overdue")
		if st2 != http.StatusOK || !strings.Contains(body, fmt.Sprintf(`id="total">%d<`, st.Loans.Overdue)) || !strings.Contains(body, "逾期") {
			t.Errorf("/loans?status=overdue: %d %.300s", st2, body)
		}
		if st2, body := c.get("/loans/queue"); st2 != http.StatusOK || !strings.Contains(body, fmt.Sprintf(`id="waiting">%d<`, len(queue.Items))) ||
			!strings.Contains(body, "三个优先") {
			t.Errorf("/loans/queue: %d", st2)
		}
		// A loan's page: the guarantors against the cap, repayments, the subsidy computation.
		no := "WQ-DK-2019-024" // guaranteed, interest paid in 2021 and 2022
		st2, body = c.get("/loans/" + no)
		if st2 != http.StatusOK || !strings.Contains(body, "300,000.00") || !strings.Contains(body, `id="guarantors"`) ||
			!strings.Contains(body, "贴息率") || !strings.Contains(body, "/people/") {
			t.Errorf("/loans/%s: %d %.500s", no, st2, body)
		}
		var d struct {
			Guarantees []struct {
				PeakFen int64 `json:"peak_fen"`
			} `json:"guarantees"`
			Subsidies []struct {
				Year       int   `json:"year"`
				SubsidyFen int64 `json:"subsidy_fen"`
			} `json:"interest_subsidies"`
			Events []struct{ Event string } `json:"events"`
		}
		c.getJSON("/api/loans/"+no, &d)
		// 120,000 yuan from 2020-01-27, interest paid 2021-01-27, at half the LPR then in
		// force: 24 days at 4.15% (12,000,000 × 24 × 2.075% / 360 = 16,600), 60 at 4.05%
		// (40,500) and 282 from 2020-04-20 at 3.85% (180,950).
		if len(d.Guarantees) != 1 || d.Guarantees[0].PeakFen == 0 || len(d.Events) < 5 || len(d.Subsidies) != 2 || d.Subsidies[0].SubsidyFen != 16_600+40_500+180_950 {
			t.Errorf("loan %s: %+v", no, d)
		}
		// The year's subsidies: the store's computation, page and download agree.
		year := 2022
		subs, err := a.db.LoanSubsidies(ctx, hezuo.Scope{Prefix: "222424"}, year, hezuo.DateOf(year, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		var total int64
		for _, s := range subs {
			total += s.SubsidyFen
		}
		var sj struct {
			TotalFen int64 `json:"total_fen"`
			Items    []struct {
				Borrower string `json:"borrower"`
			} `json:"items"`
		}
		c.getJSON(fmt.Sprintf("/api/loans/subsidies?year=%d", year), &sj)
		if len(subs) == 0 || sj.TotalFen != total || len(sj.Items) != len(subs) {
			t.Errorf("subsidies %d: API %d fen in %d rows, store %d in %d", year, sj.TotalFen, len(sj.Items), total, len(subs))
		}
		for _, it := range sj.Items {
			if _, _, _, err := hezuo.ParseIDNumber(it.Borrower, day); err == nil {
				t.Errorf("the subsidy list shows an ID number")
			}
		}
		// The page shows the table of reference rates it used (read only).
		if st2, body := c.get(fmt.Sprintf("/loans/subsidies?year=%d", year)); st2 != http.StatusOK || !strings.Contains(body, hezuo.Yuan(total)) ||
			!strings.Contains(body, `id="lending-rates"`) || !strings.Contains(body, "<td>2022-08-22</td>") || !strings.Contains(body, "3.65%") {
			t.Errorf("/loans/subsidies: %d", st2)
		}
		_, _, b := c.raw(fmt.Sprintf("/loans/subsidies.xlsx?year=%d", year))
		if rows := xlsxRows(t, b); len(rows) != len(subs)+2 || rows[0][0] != "贷款编号" {
			t.Errorf("subsidies.xlsx: %d rows", len(rows))
		}
		// The list's download: every page of the filtered list.
		st3, h, b := c.raw("/loans.xlsx?scope=" + townB)
		if st3 != http.StatusOK || h.Get("Content-Type") != xlsxType {
			t.Fatalf("/loans.xlsx: %d", st3)
		}
		if rows := xlsxRows(t, b); len(rows)-1 != tb.Total || rows[0][0] != "贷款编号" {
			t.Errorf("loans.xlsx: %d rows, list %d", len(rows)-1, tb.Total)
		}
		if rows := xlsxRows(t, func() []byte { _, _, b := c.raw("/loans.xlsx"); return b }()); len(rows)-1 != len(all) {
			t.Errorf("loans.xlsx: %d rows, %d loans", len(rows)-1, len(all))
		}
	})
}
