package xlsx_test

import (
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

var (
	meetingHeader    = []string{"党组织编号", "会议类型", "日期", "议题", "村党组织", "参加人员", "决定事项"}
	meetAttendHeader = []string{"党组织编号", "会议类型", "日期", "身份证号"}
	commitmentHeader = []string{"身份证号", "年度", "党组织编号", "承诺日期", "承诺内容", "践诺情况", "完成日期", "佐证"}
	repaymentHeader  = []string{"贷款编号", "还款日期", "金额(元)", "利息(元)"}
	guarantorHeader  = []string{"贷款编号", "担保人身份证号", "姓名", "单位", "担保金额(元)"}
	contactHeader    = []string{"党员身份证号", "户编号", "开始日期", "结束日期"}
	visitHeader      = []string{"党员身份证号", "户编号", "走访日期", "走访情况"}
)

// lifeFixture is what the tests of the institution and loan KINDs take from
// the demo county.
type lifeFixture struct {
	branch, village string     // a party organization that is not a village's, and a village party organization
	member          string     // a full party member since memberFrom, whose relation is held by a party organization
	memberFrom      hezuo.Date // the start of that status step
	nonMember       string     // a registered person who was never a party member
	loan            hezuo.Loan // disbursed, with principal still outstanding
	undisbursed     string     // a loan not disbursed
	repaid, last    int64      // principal repaid on loan; the last repayment's day is lastDay
	lastDay         hezuo.Date
	households      [2]string
	unit, guarantor string
	meeting         hezuo.Meeting
}

func newLifeFixture(t *testing.T, ds *hezuo.Dataset) lifeFixture {
	t.Helper()
	var f lifeFixture
	for _, p := range ds.PartyOrgs {
		if p.Form == hezuo.FormVillage && f.village == "" {
			f.village = p.No
		} else if p.Form != hezuo.FormVillage && f.branch == "" {
			f.branch = p.No
		}
	}
	party := map[string]bool{}
	for _, s := range ds.PartyStatus {
		party[s.IDNumber] = true
		if f.member == "" && s.Status == hezuo.StatusFull && s.To.IsZero() && s.HomePartyOrg != "" && s.From.Before(hezuo.MustDate("2020-01-01")) {
			f.member, f.memberFrom = s.IDNumber, s.From
		}
	}
	for _, p := range ds.People {
		if !party[p.IDNumber] {
			f.nonMember = p.IDNumber
			break
		}
	}
	repaid, lastDay := map[string]int64{}, map[string]hezuo.Date{}
	for _, r := range ds.Repayments {
		repaid[r.LoanNo] += r.PrincipalFen
		lastDay[r.LoanNo] = r.PaidOn
	}
	for _, l := range ds.Loans {
		if l.DisbursedOn.IsZero() && f.undisbursed == "" && l.RejectedOn.IsZero() {
			f.undisbursed = l.No
		}
		if !l.DisbursedOn.IsZero() && f.loan.No == "" && repaid[l.No] < l.AmountFen-100 && lastDay[l.No].Before(demoToday) {
			f.loan, f.repaid, f.lastDay = l, repaid[l.No], lastDay[l.No]
		}
	}
	f.households = [2]string{ds.Households[0].No, ds.Households[len(ds.Households)-1].No}
	f.unit, f.guarantor, f.meeting = ds.Units[0].Code, ds.Guarantors[0].IDNumber, ds.Meetings[0]
	if f.branch == "" || f.village == "" || f.member == "" || f.nonMember == "" || f.loan.No == "" || f.undisbursed == "" {
		t.Fatalf("the demo county lacks a record the tests need: %+v", f)
	}
	return f
}

// importLife imports rows on the demo county's day: the result, or the
// rejection.
func importLife(t *testing.T, db *sqldb.DB, kind string, header []string, rows [][]any) (*xlsx.Result, *xlsx.Rejected) {
	t.Helper()
	path := tempFile(t, kind+".csv")
	writeCSV(t, path, header, rows, "utf8")
	res, err := xlsx.Import(ctx, db, kind, path, xlsx.Options{Today: demoToday}, false)
	if rej := xlsx.AsRejected(err); rej != nil {
		return nil, rej
	} else if err != nil {
		t.Fatal(err)
	}
	return res, nil
}

// TestLifeAndLoanKinds imports meetings, meeting attendances, commitments,
// repayments, guarantees, linked households and visits on the demo county:
// new rows, then a changed row (the others unchanged); then one bad
// row of each refused with its FILE:ROW:COLUMN problem and nothing written.
func TestLifeAndLoanKinds(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		f := newLifeFixture(t, fullDump(t, db))
		want := func(kind string, res *xlsx.Result, rej *xlsx.Rejected, c [3]int) {
			t.Helper()
			if rej != nil {
				t.Fatalf("%s rejected:\n%s", kind, rej.Lines("zh"))
			}
			if counts(res) != c {
				t.Errorf("%s: new/changed/unchanged %v, want %v", kind, counts(res), c)
			}
		}
		steps := []struct {
			kind   string
			header []string
			rows   [][]any
			change func(rows [][]any)
		}{
			{"meetings", meetingHeader, [][]any{
				{f.branch, "组织生活会", "2025-12-20", "年度组织生活会", "", "全体党员", "开展批评与自我批评"},
				{f.branch, "联席会议", "2025/11/3", "村企联席会议", f.village, "两委成员", ""},
			}, func(rows [][]any) { rows[1][3] = "村企联席会议（扩大）" }},
			{"meeting-attendances", meetAttendHeader, [][]any{{f.branch, "organizational-life meeting", "2025-12-20", f.member}}, nil},
			{"commitments", commitmentHeader, [][]any{{f.member, 2027, "", "2026-12-01", "带动 5 户发展木耳", "", "", ""}},
				func(rows [][]any) { rows[0][4] = "带动 6 户发展木耳" }},
			{"repayments", repaymentHeader, [][]any{{f.loan.No, demoToday, "1.00", "0.05"}}, func(rows [][]any) { rows[0][3] = "0.06" }},
			{"loans", loanHeader, [][]any{{"T-GL-1", f.member, "", "", "扩大种植", "否", "农村信用社", "10000", "4.35", 12, "2025-03-01", "2025-03-05", "2025-03-10", ""}}, nil},
			{"guarantors", guarantorHeader, [][]any{{"T-GL-1", f.guarantor, "", "", "5000"}, {"T-GL-1", idNumber(987654), "新担保人", f.unit, ""}},
				func(rows [][]any) { rows[0][4] = "6000" }},
			{"contacts", contactHeader, [][]any{{f.member, f.households[0], "2025-03-01", ""}}, func(rows [][]any) { rows[0][3] = "2025-12-31" }},
			{"visits", visitHeader, [][]any{{f.member, f.households[0], "2025-06-01", "了解春耕需求"}}, func(rows [][]any) { rows[0][3] = "送去技术资料" }},
		}
		for _, s := range steps {
			n := len(s.rows)
			res, rej := importLife(t, db, s.kind, s.header, s.rows)
			want(s.kind, res, rej, [3]int{n, 0, 0})
			if s.change != nil {
				s.change(s.rows)
				res, rej = importLife(t, db, s.kind, s.header, s.rows)
				want(s.kind+" changed", res, rej, [3]int{0, 1, n - 1})
			}
		}
		after := fullDump(t, db)
		var commitment *hezuo.Commitment
		for i, c := range after.Commitments {
			if c.IDNumber == f.member && c.Year == 2027 {
				commitment = &after.Commitments[i]
			}
		}
		if commitment == nil || commitment.PartyOrg == "" || commitment.Content != "带动 6 户发展木耳" {
			t.Errorf("commitment %+v: want the member's party organization and the changed content", commitment)
		}
		var guarantees int
		for _, g := range after.Guarantees {
			if g.LoanNo == "T-GL-1" {
				guarantees++
				if g.IDNumber == f.guarantor && g.AmountFen != 600000 || g.IDNumber != f.guarantor && g.AmountFen != 1000000 {
					t.Errorf("guarantee %+v", g)
				}
			}
		}
		if guarantees != 2 {
			t.Errorf("%d guarantees of T-GL-1, want 2", guarantees)
		}

		// One bad row each: refused whole, the row and column named.
		if _, rej := importLife(t, db, "loans", loanHeader, [][]any{{"T-GL-2", f.member, "", "", "建加工厂", "否", "农村信用社", "400000", "4.35", 36, "2025-04-01", "2025-04-05", "2025-04-10", ""}}); rej != nil {
			t.Fatal(rej.Lines("zh"))
		}
		day := f.loan.DisbursedOn.AddDays(-1)
		type badRow struct {
			name, kind string
			header     []string
			row        []any
			column     string
			want       string
		}
		byKind := map[string][]badRow{}
		for _, c := range []badRow{
			{"meeting unknown party org", "meetings", meetingHeader, []any{"NO-SUCH-PO", "党课", "2025-05-01", "党课", "", "", ""}, "党组织编号", "未知的党组织编号"},
			{"joint meeting without village", "meetings", meetingHeader, []any{f.branch, "联席会议", "2025-05-01", "联席", "", "", ""}, "村党组织", "村党组织"},
			{"joint meeting with a branch", "meetings", meetingHeader, []any{f.branch, "联席会议", "2025-05-01", "联席", f.branch, "", ""}, "村党组织", "不是村党组织"},
			{"meeting kind", "meetings", meetingHeader, []any{f.branch, "茶话会", "2025-05-01", "联欢", "", "", ""}, "会议类型", "无效"},
			{"attendance future meeting", "meeting-attendances", meetAttendHeader, []any{f.branch, "组织生活会", "2026-03-01", f.member}, "日期", "尚未举行"},
			{"attendance unknown meeting", "meeting-attendances", meetAttendHeader, []any{f.branch, "党课", "2025-05-02", f.member}, "日期", "未知的会议"},
			{"commitment of a non-member", "commitments", commitmentHeader, []any{f.nonMember, 2025, f.branch, "2025-02-01", "带头致富", "", "", ""}, "身份证号", "不是党员"},
			{"commitment fulfilled without evidence", "commitments", commitmentHeader, []any{f.member, 2026, "", "2026-01-05", "带头致富", "已践诺", "2025-12-01", ""}, "完成日期", "早于承诺日期"},
			{"repayment before disbursement", "repayments", repaymentHeader, []any{f.loan.No, day, "100", ""}, "还款日期", "早于贷款发放日期"},
			{"repayment of an undisbursed loan", "repayments", repaymentHeader, []any{f.undisbursed, "2025-06-01", "100", ""}, "还款日期", "尚未发放"},
			{"repayment beyond the principal", "repayments", repaymentHeader, []any{f.loan.No, f.loan.DisbursedOn.AddDays(1), yuan(f.loan.AmountFen - f.repaid), ""}, "金额(元)", "超过贷款金额"},
			{"repayment unknown loan", "repayments", repaymentHeader, []any{"NO-LOAN", "2025-06-01", "100", ""}, "贷款编号", "未知的贷款编号"},
			{"guarantor over the cap", "guarantors", guarantorHeader, []any{"T-GL-2", f.guarantor, "", "", ""}, "担保金额(元)", "超过每名公职人员同时担保上限"},
			{"guarantee above the loan", "guarantors", guarantorHeader, []any{"T-GL-1", f.guarantor, "", "", "20000"}, "担保金额(元)", "超过贷款金额"},
			{"new guarantor without a name", "guarantors", guarantorHeader, []any{"T-GL-1", idNumber(987655), "", f.unit, ""}, "姓名", "请填写担保人姓名"},
			{"contact of a non-member", "contacts", contactHeader, []any{f.nonMember, f.households[0], "2025-03-01", ""}, "党员身份证号", "不是党员"},
			{"contact unknown household", "contacts", contactHeader, []any{f.member, "NO-HH", "2025-03-01", ""}, "户编号", "未知的户编号"},
			{"visit not linked", "visits", visitHeader, []any{f.member, f.households[1], "2025-06-01", ""}, "户编号", "没有联系关系"},
			{"visit in the future", "visits", visitHeader, []any{f.member, f.households[0], "2026-02-01", ""}, "走访日期", "尚未发生"},
		} {
			byKind[c.kind] = append(byKind[c.kind], c)
		}
		// One file per KIND, one bad row per case: each row's one problem.
		for kind, cs := range byKind {
			t.Run(kind, func(t *testing.T) {
				before := lifeCount(t, db)
				rows := make([][]any, len(cs))
				for i, c := range cs {
					rows[i] = c.row
				}
				_, rej := importLife(t, db, kind, cs[0].header, rows)
				// A row lists every problem it has (a record's Validate
				// reports all its fields); its first is the case's.
				first := map[int]xlsx.Problem{}
				if rej != nil {
					for _, p := range rej.Problems {
						if _, ok := first[p.Row]; !ok {
							first[p.Row] = p
						}
					}
				}
				if rej == nil || len(first) != len(cs) {
					t.Fatalf("want problems in %d rows, got %v", len(cs), rej)
				}
				for i, c := range cs {
					if p := first[i+2]; p.Row != i+2 || p.Column != c.column || !strings.Contains(p.ZH, c.want) {
						t.Errorf("%s: got %s; want row %d column %s with %q", c.name, p.Line(kind+".csv", "zh"), i+2, c.column, c.want)
					}
				}
				if after := lifeCount(t, db); after != before {
					t.Errorf("a refused file wrote records: %d, was %d", after, before)
				}
			})
		}
	})
}

// TestTownshipScope imports platform rows as a township officer: rows of
// records in the township pass, a row of a record elsewhere is refused on
// that row and column, and roles that do not write cannot import.
func TestTownshipScope(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		ds := fullDump(t, db)
		seat := map[string]string{}
		for _, p := range ds.PartyOrgs {
			seat[p.No] = p.Seat
		}
		var here, there string // party organizations with meetings, seated in two townships
		for _, m := range ds.Meetings {
			if here == "" {
				here = m.PartyOrg
			} else if seat[m.PartyOrg][:9] != seat[here][:9] {
				there = m.PartyOrg
				break
			}
		}
		if there == "" {
			t.Fatal("the demo county has no meetings in two townships")
		}
		town := &hezuo.Access{User: "t", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: seat[here][:9]}}
		path := tempFile(t, "meetings.csv")
		writeCSV(t, path, meetingHeader, [][]any{
			{here, "党课", "2025-05-01", "党课", "", "", ""},
			{there, "党课", "2025-05-01", "党课", "", "", ""},
		}, "utf8")
		_, err := xlsx.Import(ctx, db, "meetings", path, xlsx.Options{Today: demoToday, Access: town}, false)
		rej := xlsx.AsRejected(err)
		if rej == nil || len(rej.Problems) != 1 || rej.Problems[0].Row != 3 || rej.Problems[0].Column != "党组织编号" ||
			!strings.Contains(rej.Problems[0].ZH, "不在您的管辖范围内") {
			t.Fatalf("a meeting of another township: %v", err)
		}
		writeCSV(t, path, meetingHeader, [][]any{{here, "党课", "2025-05-01", "党课", "", "", ""}}, "utf8")
		res, err := xlsx.Import(ctx, db, "meetings", path, xlsx.Options{Today: demoToday, Access: town}, false)
		if err != nil || res.New != 1 {
			t.Fatalf("a meeting of the township: %+v %v", res, err)
		}
		auditor := &hezuo.Access{User: "a", Role: hezuo.RoleAuditor, Scope: town.Scope}
		if _, err := xlsx.Import(ctx, db, "meetings", path, xlsx.Options{Today: demoToday, Access: auditor}, true); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("an auditor imports: %v", err)
		}
		// The store refuses too, whatever the plan said.
		out := &hezuo.Dataset{Meetings: []hezuo.Meeting{{PartyOrg: there, Kind: hezuo.MeetingLecture, HeldOn: hezuo.MustDate("2025-05-02"), Topic: "党课"}}}
		if err := db.Import(ctx, town, out, demoToday, time.Now()); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("the store writes a meeting of another township: %v", err)
		}
	})
}

// lifeCount returns the number of records of the KINDs under test.
func lifeCount(t *testing.T, db *sqldb.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) FROM meeting_attendances) +
		(SELECT count(*) FROM commitments) + (SELECT count(*) FROM loan_repayments) + (SELECT count(*) FROM loan_guarantees) +
		(SELECT count(*) FROM guarantors) + (SELECT count(*) FROM people) + (SELECT count(*) FROM contact_links) +
		(SELECT count(*) FROM contact_visits)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// yuan writes fen as a yuan cell.
func yuan(fen int64) string { return strings.ReplaceAll(hezuo.Yuan(fen), ",", "") }
