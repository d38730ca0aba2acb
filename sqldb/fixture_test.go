package sqldb

import (
	"fmt"
	"time"

	"hezuo"
)

// Fixture codes: one county with two townships, and a village of another county.
const (
	fxCounty = "220999"
	fxTownA  = "220999100"
	fxTownB  = "220999101"
	fxVA1    = "220999100201"
	fxVA2    = "220999100202"
	fxVB1    = "220999101201"
	fxOther  = "220998100201"
)

var fxDay = hezuo.MustDate("2024-06-30")

// creditCode returns a valid unified social credit code numbered n.
func creditCode(n int) string {
	for i := n * 100; ; i++ {
		if c := hezuo.MakeCreditCode("93", fxCounty, fmt.Sprintf("%08d", i)); c != "" {
			return c
		}
	}
}

// idNumber returns a valid ID number numbered n.
func idNumber(n int) string {
	return hezuo.MakeIDNumber(fxCounty, hezuo.DateOf(1970+n%30, time.Month(1+n%12), 1+n%28), n)
}

// fixture builds a small county:
//   - A (coop, one village, 3 full members, own branch)            → ok, village manager
//   - B (coop, two villages of one township, 2 full, joint branch) → ok, township manager
//   - C (association, unregistered, two townships, 农机, instructor) → ok, department NJZ
//   - D (coop, 3 full members, only a party group)                 → should_build
//   - E (association, no party members, nothing)                   → uncovered
//
// One member of A left the day before fxDay.
func fixture() *hezuo.Dataset {
	d := func(s string) hezuo.Date { return hezuo.MustDate(s) }
	ds := &hezuo.Dataset{
		Divisions: []hezuo.Division{
			{Code: fxCounty, Name: "测试县"}, {Code: fxTownA, Name: "甲镇"}, {Code: fxTownB, Name: "乙乡"},
			{Code: fxVA1, Name: "东村"}, {Code: fxVA2, Name: "西村"}, {Code: fxVB1, Name: "南村"},
			{Code: "220998", Name: "邻县"}, {Code: "220998100", Name: "邻镇"}, {Code: fxOther, Name: "邻村"},
		},
		Departments: []hezuo.Department{{Code: "NJZ", Name: "县农机总站", County: fxCounty, PartyOrg: "D-NJZ", Industries: []string{"农机"}}},
	}
	org := func(no, name, kind string, reg bool, village string, others []string, industry string, n int) hezuo.Org {
		o := hezuo.Org{OrgNo: no, Name: name, Kind: kind, Village: village, Villages: others, Industry: industry,
			HouseholdsDriven: 10 * n, Founded: d("2015-03-01")}
		if reg {
			o.RegisteredOn, o.CreditCode = d("2015-04-01"), creditCode(n)
		}
		return o
	}
	ds.Orgs = []hezuo.Org{
		org("A", "东村农机专业合作社", hezuo.KindCooperative, true, fxVA1, nil, "农机", 1),
		org("B", "甲镇蔬菜专业合作社", hezuo.KindCooperative, true, fxVA1, []string{fxVA2}, "蔬菜", 2),
		org("C", "农机协会", hezuo.KindAssociation, false, fxVA1, []string{fxVB1}, "农机", 3),
		org("D", "西村黑木耳专业合作社", hezuo.KindCooperative, true, fxVA2, nil, "黑木耳", 4),
		org("E", "南村养殖协会", hezuo.KindAssociation, false, fxVB1, nil, "养殖", 5),
	}
	n := 0
	member := func(orgNo string, status string, from, to string) {
		n++
		id := idNumber(n)
		ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", n), Village: fxVA1, LeaderSince: d("2010-01-01")})
		m := hezuo.Membership{IDNumber: id, OrgNo: orgNo, Period: hezuo.Period{From: d(from)}}
		if to != "" {
			m.To = d(to)
		}
		ds.Memberships = append(ds.Memberships, m)
		if status != "" {
			ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: status, Period: hezuo.Period{From: d("2010-07-01")}})
		}
	}
	for i := 0; i < 3; i++ {
		member("A", hezuo.StatusFull, "2016-01-01", "")
	}
	member("A", "", "2016-01-01", fxDay.AddDays(-1).String()) // left yesterday
	member("A", "", "2016-01-01", "")
	member("B", hezuo.StatusFull, "2016-01-01", "")
	member("B", hezuo.StatusFull, "2016-01-01", "")
	member("B", "", "2016-01-01", "")
	member("C", "", "2016-01-01", "")
	member("C", hezuo.StatusActivist, "2016-01-01", "")
	for i := 0; i < 3; i++ {
		member("D", hezuo.StatusFull, "2016-01-01", "")
	}
	member("E", "", "2016-01-01", "")
	member("E", "", "2016-01-01", "")
	ds.People[0].TalentSince = d("2012-01-01")
	ds.People[4].TalentSince = d("2012-01-01") // an ordinary member of A: a technical talent
	ds.People = append(ds.People, hezuo.Person{IDNumber: idNumber(99), Name: "指导员", Village: fxVA1})
	ds.Instructors = []hezuo.Instructor{{IDNumber: idNumber(99), Township: fxTownA}}
	ds.Dispatches = []hezuo.Dispatch{{IDNumber: idNumber(99), OrgNo: "C", Period: hezuo.Period{From: d("2020-01-01")}}}
	po := func(no, name, form, seat string, orgs, villages []string, parent string) hezuo.PartyOrg {
		return hezuo.PartyOrg{No: no, Name: name, Form: form, Seat: seat, Orgs: orgs, Villages: villages, Parent: parent,
			Period: hezuo.Period{From: d("2017-01-01")}}
	}
	ds.PartyOrgs = []hezuo.PartyOrg{
		po("V1", "东村党支部", hezuo.FormVillage, fxVA1, nil, nil, ""),
		po("T1", "甲镇党委", hezuo.FormTownship, fxTownA+"000", nil, nil, ""),
		po("D-NJZ", "县农机总站党支部", hezuo.FormDepartment, fxCounty+"000000", nil, nil, ""),
		po("BA", "东村农机专业合作社党支部", hezuo.FormBranch, fxVA1, []string{"A"}, nil, "V1"),
		po("JB", "甲镇蔬菜联合党支部", hezuo.FormJointBranch, fxVA1, []string{"B"}, []string{fxVA1}, "T1"),
		po("GD", "西村黑木耳产业党小组", hezuo.FormPartyGroup, fxVA2, []string{"D"}, nil, "V1"),
	}
	ds.Officers = []hezuo.Officer{
		{PartyOrg: "BA", IDNumber: idNumber(1), Role: hezuo.RoleSecretary, Period: hezuo.Period{From: d("2017-01-01")}},
	}
	return ds
}
