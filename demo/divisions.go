package demo

import "hezuo"

// County, prefecture and province of the demo, as 12-digit codes.
const (
	countyCode     = "222424"
	countyCode12   = "222424000000"
	prefectureCode = "222400000000"
	provinceCode   = "220000000000"
)

// seatsFrom is when the village and township party organizations of the
// registry begin: the year communes and brigades gave way to townships and
// villages (政社分设, 1984). Party histories start no earlier.
var seatsFrom = hezuo.MustDate("1984-01-01")

// town is a township with its villages and party committee.
type town struct {
	code     string // 9 digits
	name     string
	villages []*village
	po       string     // township committee's PartyOrg.No
	orgs     []*orgPlan // orgs whose home village lies here
	pool     []int      // ordinary members who may join a second org here
	joints   int        // joint branches numbered so far
}

// village is a village with its party organization.
type village struct {
	code string // 12 digits
	name string
	town *town
	po   string // village party organization's PartyOrg.No
}

// divisions makes the province, prefecture, county, townships and villages.
func (b *builder) divisions() {
	b.divs = append(b.divs,
		hezuo.Division{Code: provinceCode, Name: "吉林省"},
		hezuo.Division{Code: prefectureCode, Name: "延边朝鲜族自治州"},
		hezuo.Division{Code: countyCode12, Name: "汪清县"})
	for _, tt := range townTable {
		t := &town{code: tt.code, name: tt.name, po: "T" + tt.code}
		b.divs = append(b.divs, hezuo.Division{Code: tt.code + "000", Name: tt.name})
		for i, name := range tt.villages {
			v := &village{code: tt.code + itoa3(201+i), name: name, town: t}
			v.po = "V" + v.code
			t.villages = append(t.villages, v)
			b.villages[v.code] = v
			b.divs = append(b.divs, hezuo.Division{Code: v.code, Name: name})
		}
		b.towns = append(b.towns, t)
	}
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// seats makes the party organizations every county has — departments',
// township committees, village organizations — each with a secretary, a
// cadre who is not a member of any org.
func (b *builder) seats() {
	for _, d := range deptTable {
		no := "D" + countyCode + d.code
		b.depts = append(b.depts, hezuo.Department{Code: d.code, Name: d.name, County: countyCode,
			PartyOrg: no, Industries: append([]string(nil), d.industries...)})
		for _, ind := range d.industries {
			b.deptOf[ind] = no
		}
		elected := b.between(hezuo.MustDate("2019-09-01"), hezuo.MustDate("2021-12-31"))
		b.pos = append(b.pos, hezuo.PartyOrg{No: no, Name: d.party, Form: hezuo.FormDepartment, Seat: countyCode12,
			TermYears: 5, ElectedOn: elected, Period: hezuo.Period{From: seatsFrom}})
		b.seatSecretary(no, b.towns[0].villages[0], elected)
	}
	for _, t := range b.towns {
		elected := b.between(hezuo.MustDate("2021-06-01"), hezuo.MustDate("2021-10-31"))
		b.pos = append(b.pos, hezuo.PartyOrg{No: t.po, Name: "中共" + t.name + "委员会", Form: hezuo.FormTownship,
			Seat: t.code + "000", TermYears: 5, ElectedOn: elected, Period: hezuo.Period{From: seatsFrom}})
		b.seatSecretary(t.po, t.villages[0], elected)
	}
	for _, t := range b.towns {
		for _, v := range t.villages {
			// The 2021 village elections (村“两委”换届) opened the current term.
			elected := b.between(hezuo.MustDate("2021-01-10"), hezuo.MustDate("2021-05-31"))
			b.pos = append(b.pos, hezuo.PartyOrg{No: v.po, Name: t.name + v.name + "党支部", Form: hezuo.FormVillage,
				Seat: v.code, Parent: t.po, Manager: t.po, TermYears: 5, ElectedOn: elected,
				Period: hezuo.Period{From: seatsFrom}})
			b.seatSecretary(v.po, v, elected)
		}
	}
}

// seatSecretary makes the secretary of a seat party organization.
func (b *builder) seatSecretary(po string, v *village, elected hezuo.Date) {
	p := b.newPerson(v, 35, 60, 0.8, kindCadre, false)
	b.fullHistory(p, po)
	if b.chance(0.5) {
		b.people[p].LeaderSince = b.between(hezuo.MustDate("2010-01-01"), elected)
	}
	b.officers = append(b.officers, hezuo.Officer{PartyOrg: po, IDNumber: b.people[p].IDNumber,
		Role: hezuo.RoleSecretary, Period: hezuo.Period{From: elected}})
	b.seatSecretaries[po] = p
}
