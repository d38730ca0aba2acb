package demo

import (
	"testing"

	"hezuo"
	"hezuo/rules"
)

// platformFigures are the platform figures of a dataset on a day, counted
// by plain loops (cli.md `stats` meanings).
type platformFigures struct {
	units, orgsAssisted, households, peopleOut int
	loans                                      int
	loansFen, coopFen                          int64
	sessions, attendances, people              int
}

func computePlatforms(ds *hezuo.Dataset, day hezuo.Date) platformFigures {
	var f platformFigures
	orgs := map[string]*hezuo.Org{}
	for i := range ds.Orgs {
		orgs[ds.Orgs[i].OrgNo] = &ds.Orgs[i]
	}
	units, assisted := map[string]bool{}, map[string]bool{}
	for _, p := range ds.UnitPairings {
		if !p.ActiveOn(day) || (p.OrgNo != "" && !orgs[p.OrgNo].ActiveOn(day)) {
			continue
		}
		units[p.Unit] = true
		if p.OrgNo != "" {
			assisted[p.OrgNo] = true
		}
	}
	f.units, f.orgsAssisted = len(units), len(assisted)
	pairedFrom := map[string]hezuo.Date{} // household → first pairing
	for _, p := range ds.HouseholdPairings {
		if d, ok := pairedFrom[p.Household]; !p.From.After(day) && (!ok || p.From.Before(d)) {
			pairedFrom[p.Household] = p.From
		}
	}
	f.households = len(pairedFrom)
	for _, h := range ds.Households {
		if from, ok := pairedFrom[h.No]; ok && !h.LeftPovertyOn.IsZero() && !h.LeftPovertyOn.After(day) && !h.LeftPovertyOn.Before(from) {
			f.peopleOut += h.PeopleOut
		}
	}
	for _, l := range ds.Loans {
		if !l.DisbursedOn.IsZero() && !l.DisbursedOn.After(day) {
			f.loans++
			f.loansFen += l.AmountFen
			if l.ForCooperative {
				f.coopFen += l.AmountFen
			}
		}
	}
	held := map[string]bool{}
	for _, t := range ds.Trainings {
		if !t.HeldOn.After(day) {
			held[t.No] = true
		}
	}
	f.sessions = len(held)
	people := map[string]bool{}
	for _, a := range ds.TrainingAttendances {
		if held[a.Training] {
			f.attendances++
			people[a.IDNumber] = true
		}
	}
	f.people = len(people)
	return f
}

func TestPlatformFigures(t *testing.T) {
	tg := SeedPlatformTargets()
	for _, day := range []string{"2022-06-08", "2026-01-01"} {
		f := computePlatforms(county, hezuo.MustDate(day))
		t.Logf("%s: %+v", day, f)
		if f.units != 101 || f.orgsAssisted != 80 || f.households != 165 || f.peopleOut != 620 ||
			f.loansFen != 2_275_000_000 || f.coopFen < 1_100_000_000 || f.coopFen >= 1_200_000_000 ||
			f.sessions != 130 || f.attendances < 12000 || f.attendances >= 13000 || f.people >= f.attendances || f.people < f.attendances/2 {
			t.Errorf("%s: %+v, want the seed's 101/80/165/620, 2275万 with 1100余万 for orgs, 130 sessions, 12000余 attendances", day, f)
		}
		if f.coopFen != tg.CooperativeLoansFen || f.attendances != tg.Attendances {
			t.Errorf("%s: figures differ from the targets %+v", day, tg)
		}
	}
	early, seed := computePlatforms(county, hezuo.MustDate("2016-01-01")), computePlatforms(county, seedDay)
	t.Logf("2016-01-01: %+v", early)
	if early.units >= seed.units || early.orgsAssisted >= seed.orgsAssisted || early.households >= seed.households ||
		early.peopleOut >= seed.peopleOut || early.loansFen >= seed.loansFen || early.sessions >= seed.sessions ||
		early.attendances >= seed.attendances || early.units == 0 || early.loans == 0 || early.sessions == 0 {
		t.Errorf("figures on 2016-01-01 should be smaller, and not zero: %+v", early)
	}
	if f := computePlatforms(county, hezuo.MustDate("2009-01-01")); f != (platformFigures{}) {
		t.Errorf("platform records before 2009: %+v", f)
	}
}

// TestPlantLoan checks the seed's example: 李亚今 of 绥芬农机 borrowed one
// million yuan for a processing plant that drives 200+ households.
func TestPlantLoan(t *testing.T) {
	a := index(county, seedDay)
	found := 0
	for _, l := range county.Loans {
		if l.AmountFen != 100_000_000 || l.Borrower == "" || a.people[l.Borrower].Name != LiYajin {
			continue
		}
		found++
		if o := a.orgs[l.OrgNo]; o == nil || o.Name != SuifenName || !l.ForCooperative || l.HouseholdsDriven < 200 || l.DisbursedOn.IsZero() {
			t.Errorf("李亚今's loan %+v", l)
		}
	}
	if found != 1 {
		t.Errorf("%d loans of one million to 李亚今, want 1", found)
	}
}

// TestPlatformRecords validates every platform record, resolves its
// references and checks the rules the store enforces on load.
func TestPlatformRecords(t *testing.T) {
	ds := county
	a := index(ds, seedDay)
	partyOn := func(id string, day hezuo.Date) bool {
		for _, s := range a.history[id] {
			if isParty(s.Status) && s.ActiveOn(day) {
				return true
			}
		}
		return false
	}
	ms := map[[2]string][]hezuo.Membership{}
	for _, m := range ds.Memberships {
		ms[[2]string{m.IDNumber, m.OrgNo}] = append(ms[[2]string{m.IDNumber, m.OrgNo}], m)
	}
	memberOn := func(id, org string, day hezuo.Date) bool {
		for _, m := range ms[[2]string{id, org}] {
			if m.ActiveOn(day) {
				return true
			}
		}
		return false
	}
	units := map[string]bool{}
	for i := range ds.Units {
		if err := ds.Units[i].Validate(); err != nil {
			t.Error(err)
		}
		units[ds.Units[i].Code] = true
	}
	for i := range ds.UnitPairings {
		p := &ds.UnitPairings[i]
		if err := p.Validate(); err != nil || !units[p.Unit] || (p.OrgNo != "" && a.orgs[p.OrgNo] == nil) {
			t.Errorf("unit pairing %+v: %v", p, err)
		}
	}
	households := map[string]*hezuo.Household{}
	for i := range ds.Households {
		h := &ds.Households[i]
		if err := h.Validate(); err != nil || households[h.No] != nil {
			t.Errorf("household %+v: %v", h, err)
		}
		households[h.No] = h
	}
	for i := range ds.HouseholdPairings {
		p := &ds.HouseholdPairings[i]
		if err := p.Validate(); err != nil || households[p.Household] == nil || !partyOn(p.IDNumber, p.From) || !memberOn(p.IDNumber, p.OrgNo, p.From) {
			t.Errorf("household pairing %+v: %v", p, err)
		}
	}
	loans := map[string]*hezuo.Loan{}
	for i := range ds.Loans {
		l := &ds.Loans[i]
		if err := l.Validate(); err != nil || loans[l.No] != nil {
			t.Errorf("loan %+v: %v", l, err)
		}
		loans[l.No] = l
		if l.Borrower != "" && (!partyOn(l.Borrower, l.AppliedOn) || !memberOn(l.Borrower, l.OrgNo, l.AppliedOn)) {
			t.Errorf("loan %s: the borrower is not a party member of %s when applying", l.No, l.OrgNo)
		}
		if l.PartyOrg != "" && (a.pos[l.PartyOrg] == nil || a.pos[l.PartyOrg].From.After(l.AppliedOn)) {
			t.Errorf("loan %s: applicant party organization %s", l.No, l.PartyOrg)
		}
	}
	repaid := map[string]int64{}
	for _, r := range ds.Repayments {
		l := loans[r.LoanNo]
		if l == nil || l.DisbursedOn.IsZero() || r.PaidOn.Before(l.DisbursedOn) || r.PrincipalFen+r.InterestFen <= 0 {
			t.Errorf("repayment %+v", r)
			continue
		}
		repaid[r.LoanNo] += r.PrincipalFen
	}
	for no, fen := range repaid {
		if fen > loans[no].AmountFen {
			t.Errorf("loan %s repaid %d > %d", no, fen, loans[no].AmountFen)
		}
	}
	checkGuarantees(t, ds, loans)
	checkLife(t, ds, a, partyOn, memberOn)
}

func checkGuarantees(t *testing.T, ds *hezuo.Dataset, loans map[string]*hezuo.Loan) {
	repaidOn := map[string]hezuo.Date{}
	sum := map[string]int64{}
	for _, r := range ds.Repayments {
		if sum[r.LoanNo] += r.PrincipalFen; sum[r.LoanNo] >= loans[r.LoanNo].AmountFen && repaidOn[r.LoanNo].IsZero() {
			repaidOn[r.LoanNo] = r.PaidOn
		}
	}
	exposures := map[string][]rules.Exposure{}
	for _, g := range ds.Guarantees {
		l := loans[g.LoanNo]
		exposures[g.IDNumber] = append(exposures[g.IDNumber], rules.Exposure{LoanNo: l.No, AmountFen: l.AmountFen, From: l.ApprovedOn, To: repaidOn[l.No]})
	}
	s := rules.Defaults()
	for id, xs := range exposures {
		if err := s.CheckGuarantor(id, xs); err != nil {
			t.Error(err)
		}
	}
	if len(ds.Guarantees) < 40 || len(exposures) < 20 {
		t.Errorf("%d guarantees by %d guarantors: want many", len(ds.Guarantees), len(exposures))
	}
}

func checkLife(t *testing.T, ds *hezuo.Dataset, a *asOf, partyOn func(string, hezuo.Date) bool, memberOn func(string, string, hezuo.Date) bool) {
	held := map[string]bool{}
	for i := range ds.Meetings {
		m := &ds.Meetings[i]
		if err := m.Validate(); err != nil || a.pos[m.PartyOrg] == nil || held[m.Key()] {
			t.Errorf("meeting %+v: %v", m, err)
		}
		held[m.Key()] = true
	}
	for _, at := range ds.MeetingAttendances {
		m := hezuo.Meeting{PartyOrg: at.PartyOrg, Kind: at.Kind, HeldOn: at.HeldOn}
		if !held[m.Key()] || !partyOn(at.IDNumber, at.HeldOn) {
			t.Errorf("attendance %+v", at)
		}
	}
	for _, c := range ds.Commitments {
		if err := c.Validate(); err != nil || !partyOn(c.IDNumber, c.MadeOn) || a.pos[c.PartyOrg] == nil {
			t.Errorf("commitment %+v: %v", c, err)
		}
	}
	sessions := map[string]hezuo.Date{}
	for _, s := range ds.Trainings {
		sessions[s.No] = s.HeldOn
	}
	for _, at := range ds.TrainingAttendances {
		if !memberOn(at.IDNumber, at.OrgNo, sessions[at.Training]) {
			t.Errorf("training attendance %+v: not a member of the org that day", at)
			break
		}
	}
}

// TestPlatformsNothingAfterTheDay checks that no platform event happens
// after the seed day (a loan may fall due later), so that every figure
// holds on any later day.
func TestPlatformsNothingAfterTheDay(t *testing.T) {
	ds := county
	var dates []hezuo.Date
	for _, p := range ds.UnitPairings {
		dates = append(dates, p.From, p.To)
	}
	for _, h := range ds.Households {
		dates = append(dates, h.LeftPovertyOn)
	}
	for _, p := range ds.HouseholdPairings {
		dates = append(dates, p.From, p.To)
	}
	for _, l := range ds.Loans {
		dates = append(dates, l.AppliedOn, l.ApprovedOn, l.RejectedOn, l.DisbursedOn)
	}
	for _, r := range ds.Repayments {
		dates = append(dates, r.PaidOn)
	}
	for _, f := range ds.FeeSubsidies {
		dates = append(dates, f.PaidOn)
	}
	for _, s := range ds.Trainings {
		dates = append(dates, s.HeldOn)
	}
	for _, m := range ds.Meetings {
		dates = append(dates, m.HeldOn)
	}
	for _, c := range ds.ContactLinks {
		dates = append(dates, c.From, c.To)
	}
	for _, v := range ds.ContactVisits {
		dates = append(dates, v.VisitedOn)
	}
	for _, c := range ds.Commitments {
		dates = append(dates, c.MadeOn, c.FulfilledOn)
	}
	for _, d := range dates {
		if d.After(seedDay) {
			t.Fatalf("a platform record dated %s, after the seed day", d)
		}
	}
}
