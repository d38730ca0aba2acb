package sqldb

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"hezuo"
)

// platformFixture adds platform records to fixture():
//   - units U1 (the 农机 department) and U2 (甲镇's government); U1 assists A,
//     U2 the village 西村 and, from 2023, C; U1's pairing with E ended in 2019;
//   - households H1 (out of poverty in 2021, 4 people), H2 (left poverty
//     before it was paired: not counted) and H3 (low income, paired 2023);
//   - loans L1 (A, for the org, 100,000 yuan at 4.35% in 2021, repaid with
//     interest), L2 (B, 200,000 yuan in 2023, guaranteed, overdue since
//     2024-01-01) and three applications waiting: L3 (A's branch), L4 (a
//     leader of A driving 60 households), L5 (a leader of B, whose org has
//     the overdue L2);
//   - trainings T1 (甲镇, 3 attendees) and T2 (南村, 3 attendees, one of them
//     also at T1);
//   - A's branch BA: meetings (the members' and joint meetings overdue), a linked household
//     last visited in February, commitments (two members without one for
//     2024, one 2023 commitment unassessed); B's joint branch JB: nothing.
func platformFixture() *hezuo.Dataset {
	d := hezuo.MustDate
	ds := fixture()
	id := idNumber
	ds.People = append(ds.People, hezuo.Person{IDNumber: id(98), Name: "担保人", Village: fxVA1})
	ds.Units = []hezuo.Unit{{Code: "U1", Name: "县农机总站", County: fxCounty, Department: "NJZ"},
		{Code: "U2", Name: "甲镇人民政府", County: fxCounty, Township: fxTownA}}
	ds.UnitPairings = []hezuo.UnitPairing{
		{Unit: "U1", OrgNo: "A", Period: hezuo.Period{From: d("2020-01-01")}},
		{Unit: "U2", Village: fxVA2, Period: hezuo.Period{From: d("2020-01-01")}},
		{Unit: "U1", OrgNo: "E", Period: hezuo.Period{From: d("2018-01-01"), To: d("2019-01-01")}},
		{Unit: "U2", OrgNo: "C", Period: hezuo.Period{From: d("2023-01-01")}},
	}
	ds.Households = []hezuo.Household{
		{No: "H1", Head: "张一", Village: fxVA1, Size: 4, Poverty: hezuo.PovertyRegistered, LeftPovertyOn: d("2021-06-01"), PeopleOut: 4},
		{No: "H2", Head: "李二", Village: fxVB1, Size: 3, Poverty: hezuo.PovertyRegistered, LeftPovertyOn: d("2019-03-01"), PeopleOut: 3},
		{No: "H3", Head: "王三", Village: fxVA1, Size: 2, Poverty: hezuo.PovertyLowIncome},
	}
	ds.HouseholdPairings = []hezuo.HouseholdPairing{
		{IDNumber: id(1), Household: "H1", OrgNo: "A", Help: "传授实用技术", Period: hezuo.Period{From: d("2020-01-01")}},
		{IDNumber: id(6), Household: "H2", OrgNo: "B", Period: hezuo.Period{From: d("2020-01-01")}},
		{IDNumber: id(2), Household: "H3", OrgNo: "A", Period: hezuo.Period{From: d("2023-01-01")}},
	}
	ds.Guarantors = []hezuo.Guarantor{{IDNumber: id(98), Unit: "U1", Post: "科员"}}
	loan := func(no, borrower, po, org string, fen int64, coop bool, applied, approved, disbursed string) hezuo.Loan {
		l := hezuo.Loan{No: no, Borrower: borrower, PartyOrg: po, OrgNo: org, Purpose: "发展农机", ForCooperative: coop,
			AmountFen: fen, RatePPM: 43500, TermMonths: 12, AppliedOn: d(applied)}
		if approved != "" {
			l.ApprovedOn, l.DisbursedOn, l.Lender = d(approved), d(disbursed), "信用社"
		}
		return l
	}
	ds.Loans = []hezuo.Loan{
		loan("L1", id(1), "", "A", 10_000_000, true, "2020-12-01", "2020-12-20", "2021-01-01"),
		loan("L2", id(6), "", "B", 20_000_000, false, "2022-12-01", "2022-12-20", "2023-01-01"),
		loan("L3", "", "BA", "A", 5_000_000, true, "2024-05-01", "", ""),
		loan("L4", id(2), "", "A", 5_000_000, false, "2024-06-01", "", ""),
		loan("L5", id(7), "", "B", 5_000_000, false, "2024-06-10", "", ""),
	}
	ds.Loans[3].HouseholdsDriven = 60
	ds.Repayments = []hezuo.Repayment{{LoanNo: "L1", PaidOn: d("2022-01-01"), PrincipalFen: 10_000_000, InterestFen: 441_042}}
	ds.Guarantees = []hezuo.Guarantee{{LoanNo: "L2", IDNumber: id(98)}}
	ds.FeeSubsidies = []hezuo.FeeSubsidy{{LoanNo: "L1", PaidOn: d("2022-02-01"), AmountFen: 100_000, Source: hezuo.SourcePartyDues}}
	ds.Trainings = []hezuo.Training{
		{No: "T1", HeldOn: d("2023-05-01"), Topic: "农机维修", Organizer: "U1", Industry: "农机", Mode: hezuo.ModeOnSite, Hours: 6, Place: fxTownA},
		{No: "T2", HeldOn: d("2024-03-01"), Topic: "远程教育", Organizer: "U2", Mode: hezuo.ModeRemote, Hours: 2, Place: fxVB1},
	}
	for _, a := range []struct {
		t string
		n int
	}{{"T1", 1}, {"T1", 2}, {"T1", 9}, {"T2", 14}, {"T2", 15}, {"T2", 1}} {
		ds.TrainingAttendances = append(ds.TrainingAttendances, hezuo.TrainingAttendance{Training: a.t, IDNumber: id(a.n)})
	}
	meet := func(kind, on string) hezuo.Meeting {
		m := hezuo.Meeting{PartyOrg: "BA", Kind: kind, HeldOn: d(on), Topic: "议题"}
		if kind == hezuo.MeetingJoint {
			m.VillagePartyOrg = "V1"
		}
		return m
	}
	ds.Meetings = []hezuo.Meeting{meet(hezuo.MeetingMembers, "2024-03-20"), meet(hezuo.MeetingThemeDay, "2024-06-10"),
		meet(hezuo.MeetingLecture, "2024-04-01"), meet(hezuo.MeetingLife, "2023-12-20"), meet(hezuo.MeetingAppraisal, "2023-12-20"),
		meet(hezuo.MeetingJoint, "2024-01-10"), {PartyOrg: "GD", Kind: hezuo.MeetingGroup, HeldOn: d("2024-06-01"), Topic: "学习"}}
	for _, n := range []int{1, 2, 3} {
		ds.MeetingAttendances = append(ds.MeetingAttendances, hezuo.MeetingAttendance{PartyOrg: "BA", Kind: hezuo.MeetingMembers,
			HeldOn: d("2024-03-20"), IDNumber: id(n)})
	}
	ds.ContactLinks = []hezuo.ContactLink{{IDNumber: id(1), Household: "H1", Period: hezuo.Period{From: d("2020-01-01")}}}
	ds.ContactVisits = []hezuo.ContactVisit{{IDNumber: id(1), Household: "H1", VisitedOn: d("2024-02-01")}}
	ds.Commitments = []hezuo.Commitment{
		{IDNumber: id(1), Year: 2024, PartyOrg: "BA", MadeOn: d("2024-02-01"), Content: "带动 5 户"},
		{IDNumber: id(2), Year: 2023, PartyOrg: "BA", MadeOn: d("2023-02-01"), Content: "带动 3 户", FulfilledOn: d("2024-01-10"),
			Result: hezuo.FulfilledAll, Evidence: "台账"},
		{IDNumber: id(3), Year: 2023, PartyOrg: "BA", MadeOn: d("2023-02-01"), Content: "技术服务"},
	}
	return ds
}

func TestPlatformStats(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, platformFixture())
		load(t, db, platformFixture()) // loading again updates in place
		county := hezuo.Scope{Prefix: fxCounty}
		type figs struct {
			A hezuo.AssistanceStats
			L hezuo.LoanStats
			T hezuo.TrainingStats
		}
		for _, c := range []struct {
			scope hezuo.Scope
			day   string
			want  figs
		}{
			{county, "2024-06-30", figs{hezuo.AssistanceStats{Units: 2, OrgsAssisted: 2, VillagesAssisted: 1, HouseholdsPaired: 3, HouseholdsOut: 1, PeopleOutOfPoverty: 4},
				hezuo.LoanStats{Count: 2, TotalFen: 30_000_000, ToCooperativesFen: 10_000_000, OutstandingFen: 20_000_000, Overdue: 1, FeeSubsidyFen: 100_000},
				hezuo.TrainingStats{Sessions: 2, RemoteSessions: 1, Attendances: 6, People: 5}}},
			{county, "2021-06-30", figs{hezuo.AssistanceStats{Units: 2, OrgsAssisted: 1, VillagesAssisted: 1, HouseholdsPaired: 2, HouseholdsOut: 1, PeopleOutOfPoverty: 4},
				hezuo.LoanStats{Count: 1, TotalFen: 10_000_000, ToCooperativesFen: 10_000_000, OutstandingFen: 10_000_000},
				hezuo.TrainingStats{}}},
			{county, "2018-06-30", figs{hezuo.AssistanceStats{Units: 1, OrgsAssisted: 1}, hezuo.LoanStats{}, hezuo.TrainingStats{}}},
			{hezuo.Scope{Prefix: fxTownB}, "2024-06-30", figs{hezuo.AssistanceStats{HouseholdsPaired: 1}, hezuo.LoanStats{},
				hezuo.TrainingStats{Sessions: 1, RemoteSessions: 1, Attendances: 3, People: 3}}},
		} {
			s, err := db.Stats(ctx, c.scope, hezuo.MustDate(c.day))
			if err != nil {
				t.Fatal(err)
			}
			if got := (figs{s.Assistance, s.Loans, s.Training}); got != c.want {
				t.Errorf("%s on %s:\n got %+v\nwant %+v", c.scope, c.day, got, c.want)
			}
		}
	})
}

func TestPlatformLoans(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, platformFixture())
		county := hezuo.Scope{Prefix: fxCounty}
		items, err := db.Loans(ctx, county, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		status := map[string]string{}
		for _, it := range items {
			status[it.No] = it.Status
		}
		want := map[string]string{"L1": hezuo.LoanRepaid, "L2": hezuo.LoanOverdue, "L3": hezuo.LoanApplied, "L4": hezuo.LoanApplied, "L5": hezuo.LoanApplied}
		if !reflect.DeepEqual(status, want) || items[0].InterestPaidFen != 441_042 || items[0].FeeFromDuesFen != 100_000 ||
			items[1].Guarantors != 1 || items[2].ApplicantName != "东村农机专业合作社党支部" {
			t.Errorf("loans %+v", items)
		}
		if early, _ := db.Loans(ctx, county, hezuo.MustDate("2021-06-30")); len(early) != 1 || early[0].Status != hezuo.LoanDisbursed || early[0].OutstandingFen != 10_000_000 {
			t.Errorf("on 2021-06-30: %+v", early)
		}
		// The rates in force (migration 0011): 2021-01-01 to 2021-12-20, 353 days at
		// half the LPR 3.85%, 10,000,000 × 353 × 1.925% / 360 = 188,756.94; then 12 days
		// at half of 3.80%, 6,333.33.
		subs, err := db.LoanSubsidies(ctx, county, 2022, fxDay)
		if err != nil || len(subs) != 1 || subs[0].LoanNo != "L1" || subs[0].SubsidyFen != 188_757+6_333 ||
			len(subs[0].Periods) != 1 || len(subs[0].Periods[0].Rates) != 2 {
			t.Errorf("subsidies %+v %v", subs, err)
		}
		if err := db.SetSetting(ctx, "subsidy_days_365", "true"); err != nil {
			t.Fatal(err)
		}
		// Over 365 days: 186,171.23 + 6,246.58.
		if subs, _ := db.LoanSubsidies(ctx, county, 2022, fxDay); len(subs) != 1 || subs[0].SubsidyFen != 186_171+6_247 {
			t.Errorf("365-day subsidies %+v", subs)
		}
		q, err := db.LoanQueue(ctx, county, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, r := range q {
			order = append(order, r.LoanNo)
		}
		if !reflect.DeepEqual(order, []string{"L4", "L5", "L3"}) || !q[0].Priority || q[1].Priority || q[1].OverdueLoans != 1 || q[2].Priority {
			t.Errorf("queue %v: %+v", order, q)
		}
	})
}

func TestPlatformOverdue(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		load(t, db, platformFixture())
		list, err := db.Overdue(context.Background(), hezuo.Scope{Prefix: fxCounty}, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range list {
			got = append(got, o.PartyOrg+":"+o.Kind+":"+o.Subject)
			if o.TownName != "甲镇" || o.Reason.ZH == "" {
				t.Errorf("overdue %+v", o)
			}
		}
		want := []string{"BA:members_meeting:", "BA:joint_meeting:", "BA:contact_visit:成员1→张一", "BA:commitment:成员2", "BA:commitment:成员3",
			"BA:fulfilment:成员3", "JB:members_meeting:", "JB:party_lecture:", "JB:theme_day:", "JB:life_meeting:",
			"JB:appraisal:", "JB:joint_meeting:", "JB:commitment:成员6", "JB:commitment:成员7"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("overdue:\n got %v\nwant %v", got, want)
		}
		if other, _ := db.Overdue(context.Background(), hezuo.Scope{Prefix: fxTownB}, fxDay); len(other) != 0 {
			t.Errorf("township B: %+v", other)
		}
		// The fixture's members hold their party relation nowhere: no dual life.
		life, err := db.LifeSummary(context.Background(), hezuo.Scope{Prefix: fxCounty}, fxDay)
		if err != nil || *life != (hezuo.LifeSummary{From: hezuo.MustDate("2023-07-01"), To: fxDay, Meetings: 7, Attendances: 3, People: 3}) {
			t.Errorf("life summary %+v %v", life, err)
		}
	})
}

// TestPlatformBadInput loads, on top of the fixture, records the store must
// refuse, each with a clear reason, leaving nothing written.
func TestPlatformBadInput(t *testing.T) {
	d := hezuo.MustDate
	id := idNumber
	cases := []struct {
		name string
		ds   hezuo.Dataset
		want string
	}{
		{"guarantor over the cap", hezuo.Dataset{
			Loans: []hezuo.Loan{{No: "L6", Borrower: id(7), OrgNo: "B", Purpose: "x", Lender: "农行", AmountFen: 20_000_000, RatePPM: 43500,
				TermMonths: 12, AppliedOn: d("2023-05-01"), ApprovedOn: d("2023-05-20"), DisbursedOn: d("2023-06-01")}},
			Guarantees: []hezuo.Guarantee{{LoanNo: "L6", IDNumber: id(98)}}}, "超过每名公职人员同时担保上限"},
		{"repayment before disbursement", hezuo.Dataset{
			Repayments: []hezuo.Repayment{{LoanNo: "L2", PaidOn: d("2022-12-25"), InterestFen: 100}}}, "早于贷款发放日期"},
		{"repayment of a loan not disbursed", hezuo.Dataset{
			Repayments: []hezuo.Repayment{{LoanNo: "L3", PaidOn: d("2024-06-01"), InterestFen: 100}}}, "未发放"},
		{"commitment for a non-member", hezuo.Dataset{Commitments: []hezuo.Commitment{
			{IDNumber: id(5), Year: 2024, PartyOrg: "BA", MadeOn: d("2024-02-01"), Content: "x"}}}, "不是党员"},
		{"loan to a non-member", hezuo.Dataset{Loans: []hezuo.Loan{{No: "L7", Borrower: id(5), OrgNo: "A", AmountFen: 100,
			RatePPM: 1, TermMonths: 1, AppliedOn: d("2024-01-01")}}}, "不是党员"},
		{"attendance of a meeting not yet held", hezuo.Dataset{
			Meetings:           []hezuo.Meeting{{PartyOrg: "BA", Kind: hezuo.MeetingThemeDay, HeldOn: d("2024-07-10"), Topic: "x"}},
			MeetingAttendances: []hezuo.MeetingAttendance{{PartyOrg: "BA", Kind: hezuo.MeetingThemeDay, HeldOn: d("2024-07-10"), IDNumber: id(1)}}}, "尚未发生"},
		{"attendance of an unknown meeting", hezuo.Dataset{
			MeetingAttendances: []hezuo.MeetingAttendance{{PartyOrg: "BA", Kind: hezuo.MeetingThemeDay, HeldOn: d("2024-05-10"), IDNumber: id(1)}}}, "未知的会议"},
		{"visit without a link", hezuo.Dataset{ContactVisits: []hezuo.ContactVisit{{IDNumber: id(2), Household: "H1", VisitedOn: d("2024-03-01")}}}, "没有联系关系"},
		{"pairing of a non-member", hezuo.Dataset{HouseholdPairings: []hezuo.HouseholdPairing{
			{IDNumber: id(5), Household: "H3", Period: hezuo.Period{From: d("2024-01-01")}}}}, "不是党员"},
		{"loan repaid beyond its principal", hezuo.Dataset{
			Repayments: []hezuo.Repayment{{LoanNo: "L1", PaidOn: d("2022-02-01"), PrincipalFen: 1}}}, "超过贷款金额"},
		{"unit pairing with two targets", hezuo.Dataset{UnitPairings: []hezuo.UnitPairing{
			{Unit: "U1", OrgNo: "A", Village: fxVA1, Period: hezuo.Period{From: d("2024-01-01")}}}}, "只填写一个"},
	}
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, platformFixture())
		before, _ := db.Stats(ctx, hezuo.Scope{Prefix: fxCounty}, fxDay)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				// The fixture's people and loans come along so every reference resolves.
				ds := c.ds
				err := db.Load(ctx, &ds, fxDay)
				if hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(hezuo.ErrorMessage(err, "zh"), c.want) {
					t.Fatalf("got %v, want EINVALID mentioning %q", err, c.want)
				}
				if en := hezuo.ErrorMessage(err, "en"); en == hezuo.ErrorMessage(err, "zh") {
					t.Errorf("no English message: %s", en)
				}
			})
		}
		after, _ := db.Stats(ctx, hezuo.Scope{Prefix: fxCounty}, fxDay)
		if !reflect.DeepEqual(before, after) {
			t.Errorf("a refused load changed the figures")
		}
		var n int
		db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM loans) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM loan_repayments)`).Scan(&n)
		if n != 5+7+1 {
			t.Errorf("%d loans, meetings and repayments after refused loads, want 13", n)
		}
	})
}

func TestPlatformDumpRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, platformFixture())
		ds, err := db.Dump(ctx, hezuo.AllScope)
		if err == nil {
			err = db.DumpPlatforms(ctx, hezuo.AllScope, ds)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(ds.Units) != 2 || len(ds.UnitPairings) != 4 || len(ds.Loans) != 5 || len(ds.TrainingAttendances) != 6 ||
			len(ds.Meetings) != 7 || len(ds.MeetingAttendances) != 3 || len(ds.Commitments) != 3 || len(ds.Guarantees) != 1 {
			t.Fatalf("platform dump sizes: %+v", ds)
		}
		other, err := Open(ctx, t.TempDir()+"/copy.db")
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		load(t, other, ds)
		again := &hezuo.Dataset{}
		if err := other.DumpPlatforms(ctx, hezuo.AllScope, again); err != nil {
			t.Fatal(err)
		}
		mine := &hezuo.Dataset{}
		db.DumpPlatforms(ctx, hezuo.AllScope, mine)
		if !reflect.DeepEqual(mine, again) {
			t.Fatalf("platform dump of the copy differs:\n%+v\n%+v", mine, again)
		}
		s1, _ := db.Stats(ctx, hezuo.AllScope, fxDay)
		s2, _ := other.Stats(ctx, hezuo.AllScope, fxDay)
		if !statsEqual(s1, s2) {
			t.Fatalf("figures differ after round trip")
		}
		town := &hezuo.Dataset{}
		if err := db.DumpPlatforms(ctx, hezuo.Scope{Prefix: fxTownB}, town); err != nil || len(town.Households) != 1 ||
			len(town.Trainings) != 1 || len(town.Loans) != 0 || len(town.UnitPairings) != 1 {
			t.Fatalf("township dump: %+v %v", town, err)
		}
	})
}
