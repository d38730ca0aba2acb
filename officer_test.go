package hezuo

import (
	"testing"
	"time"
)

func TestParsePost(t *testing.T) {
	tests := []struct {
		in         string
		role, duty string
		ok         bool
	}{
		{"书记", RoleSecretary, "", true}, {"支部书记", RoleSecretary, "", true}, {"secretary", RoleSecretary, "", true},
		{"副书记", RoleDeputy, "", true}, {"Deputy Secretary", RoleDeputy, "", true},
		{"组织委员", RoleCommittee, DutyOrganization, true}, {"宣传委员", RoleCommittee, DutyPublicity, true},
		{"纪检委员", RoleCommittee, DutyDiscipline, true}, {"discipline", RoleCommittee, DutyDiscipline, true},
		{"委员", RoleCommittee, "", true}, {"支委", RoleCommittee, "", true}, {"committee", RoleCommittee, "", true},
		{"党小组长", RoleLeader, "", true}, {"leader", RoleLeader, "", true},
		{"主任", "", "", false}, {"", "", "", false},
	}
	for _, tt := range tests {
		p, ok := ParsePost(tt.in)
		if ok != tt.ok || p.Role != tt.role || p.Duty != tt.duty {
			t.Errorf("ParsePost(%q) = %+v %v", tt.in, p, ok)
		}
	}
}

func TestOfficerValidate(t *testing.T) {
	today := MustDate("2024-06-30")
	id := MakeIDNumber("222424", DateOf(1970, time.May, 5), 12)
	ok := Officer{PartyOrg: "B1", IDNumber: id, Role: RoleCommittee, Duty: DutyPublicity, Period: Period{From: MustDate("2021-01-10")}}
	tests := []struct {
		name  string
		edit  func(o *Officer)
		field string // "" when valid
	}{
		{"valid", func(o *Officer) {}, ""},
		{"no party organization", func(o *Officer) { o.PartyOrg = " " }, "party_org"},
		{"bad ID number", func(o *Officer) { o.IDNumber = id[:17] + "0" }, "id_number"},
		{"unknown role", func(o *Officer) { o.Role, o.Duty = "chair", "" }, "role"},
		{"a duty outside the committee", func(o *Officer) { o.Role = RoleDeputy }, "role"},
		{"unknown duty", func(o *Officer) { o.Duty = "finance" }, "role"},
		{"no start", func(o *Officer) { o.From = Date{} }, "from"},
		{"end not after start", func(o *Officer) { o.To = o.From }, "to"},
		{"start after today", func(o *Officer) { o.From = today.AddDays(1) }, "from"},
		{"start today", func(o *Officer) { o.From = today }, ""},
		{"end after today: a leaving date known ahead", func(o *Officer) { o.To = today.AddDays(30) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := ok
			tt.edit(&o)
			err := o.Validate(today)
			if tt.field == "" {
				if err != nil {
					t.Errorf("error %v", err)
				}
				return
			}
			if e, isE := err.(*Error); !isE || e.Code != EINVALID || e.Field != tt.field {
				t.Errorf("error %#v, want EINVALID on %s", err, tt.field)
			}
		})
	}
}

func TestOfficerCheckPost(t *testing.T) {
	d := MustDate
	id, other := "22242419700505001X", "222424197101010023"
	branch := PartyOrg{No: "B1", Form: FormBranch, Period: Period{From: d("2015-07-01")}}
	full := []PartyStatus{{IDNumber: id, Status: StatusProbationary, Period: Period{From: d("2017-01-01"), To: d("2018-01-01")}},
		{IDNumber: id, Status: StatusFull, Period: Period{From: d("2018-01-01")}}}
	post := func(who, role, duty, from, to string) Officer {
		o := Officer{PartyOrg: "B1", IDNumber: who, Role: role, Duty: duty, Period: Period{From: d(from)}}
		if to != "" {
			o.To = d(to)
		}
		return o
	}
	tests := []struct {
		name   string
		o      Officer
		po     PartyOrg
		steps  []PartyStatus
		others []Officer
		field  string
	}{
		{"valid", post(id, RoleSecretary, "", "2021-01-10", ""), branch, full, nil, ""},
		{"before the founding", post(id, RoleSecretary, "", "2015-06-30", ""), branch, full, nil, "from"},
		{"after the dissolution", post(id, RoleSecretary, "", "2021-01-10", ""),
			PartyOrg{No: "B1", Form: FormBranch, Period: Period{From: d("2015-07-01"), To: d("2020-01-01")}}, full, nil, "from"},
		{"open past the dissolution", post(id, RoleSecretary, "", "2019-01-10", ""),
			PartyOrg{No: "B1", Form: FormBranch, Period: Period{From: d("2015-07-01"), To: d("2020-01-01")}}, full, nil, "to"},
		{"ending with the dissolution", post(id, RoleSecretary, "", "2019-01-10", "2020-01-01"),
			PartyOrg{No: "B1", Form: FormBranch, Period: Period{From: d("2015-07-01"), To: d("2020-01-01")}}, full, nil, ""},
		{"probationary on the start date", post(id, RoleCommittee, "", "2017-06-01", ""), branch, full, nil, "id_number"},
		{"full from the start date", post(id, RoleCommittee, "", "2018-01-01", ""), branch, full, nil, ""},
		{"never a member", post(id, RoleCommittee, "", "2021-01-10", ""), branch, nil, nil, "id_number"},
		{"a group leader in a branch", post(id, RoleLeader, "", "2021-01-10", ""), branch, full, nil, "role"},
		{"a secretary of a party group", post(id, RoleSecretary, "", "2021-01-10", ""),
			PartyOrg{No: "B1", Form: FormPartyGroup, Period: Period{From: d("2015-07-01")}}, full, nil, "role"},
		{"a group's leader", post(id, RoleLeader, "", "2021-01-10", ""),
			PartyOrg{No: "B1", Form: FormPartyGroup, Period: Period{From: d("2015-07-01")}}, full, nil, ""},
		{"two posts at once", post(id, RoleDeputy, "", "2021-01-10", ""), branch, full,
			[]Officer{post(id, RoleCommittee, "", "2020-01-01", "")}, "from"},
		{"a post after the last one ended", post(id, RoleSecretary, "", "2021-01-10", ""), branch, full,
			[]Officer{post(id, RoleDeputy, "", "2018-01-10", "2021-01-10")}, ""},
		{"its own stored version is skipped", post(id, RoleSecretary, "", "2021-01-10", "2023-01-01"), branch, full,
			[]Officer{post(id, RoleSecretary, "", "2021-01-10", "")}, ""},
		{"a second secretary", post(id, RoleSecretary, "", "2021-01-10", ""), branch, full,
			[]Officer{post(other, RoleSecretary, "", "2018-01-10", "")}, "role"},
		{"the secretary after the last one left", post(id, RoleSecretary, "", "2021-01-10", ""), branch, full,
			[]Officer{post(other, RoleSecretary, "", "2018-01-10", "2021-01-10")}, ""},
		{"a second organization member", post(id, RoleCommittee, DutyOrganization, "2021-01-10", ""), branch, full,
			[]Officer{post(other, RoleCommittee, DutyOrganization, "2018-01-10", "")}, "role"},
		{"two plain committee members", post(id, RoleCommittee, "", "2021-01-10", ""), branch, full,
			[]Officer{post(other, RoleCommittee, "", "2018-01-10", "")}, ""},
		{"two deputies", post(id, RoleDeputy, "", "2021-01-10", ""), branch, full,
			[]Officer{post(other, RoleDeputy, "", "2018-01-10", "")}, ""},
		{"another organization's secretary", post(id, RoleSecretary, "", "2021-01-10", ""), branch, full,
			[]Officer{{PartyOrg: "B2", IDNumber: other, Role: RoleSecretary, Period: Period{From: d("2018-01-10")}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			po := tt.po
			err := tt.o.CheckPost(&po, tt.steps, tt.others)
			if tt.field == "" {
				if err != nil {
					t.Errorf("error %v", err)
				}
				return
			}
			if e, isE := err.(*Error); !isE || e.Code != EINVALID || e.Field != tt.field {
				t.Errorf("error %#v, want EINVALID on %s", err, tt.field)
			}
		})
	}
}
