package rules

import (
	"strings"
	"testing"

	"hezuo"
)

// TestOfficersLeaders checks the suggestion on the leading members of the
// covering party organizations who are neither 致富能手 nor 技术骨干.
func TestOfficersLeaders(t *testing.T) {
	sec := func(name string, leader bool) Officer {
		return Officer{PartyOrg: "P1", Role: hezuo.RoleSecretary, Name: name, IsLeader: leader}
	}
	deputy := Officer{PartyOrg: "P1", Role: hezuo.RoleDeputy, Name: "张副"}
	orgm := Officer{PartyOrg: "P1", Role: hezuo.RoleCommittee, Duty: hezuo.DutyOrganization, Name: "李组"}
	plain := Officer{PartyOrg: "P1", Role: hezuo.RoleCommittee, Name: "赵委"}
	talent := Officer{PartyOrg: "P1", Role: hezuo.RoleCommittee, Duty: hezuo.DutyPublicity, Name: "钱宣", IsTalent: true}
	lead := func(o Officer) Officer { o.IsLeader = true; return o }
	tests := []struct {
		name        string
		covers      []Cover
		secretary   *Secretary
		officers    []Officer
		warnings    []string
		suggestions []string
		named       []string // names in the suggestion, in order
		absent      []string // names it must not hold
	}{
		{"every officer a leader", []Cover{branch(7)}, leader,
			[]Officer{sec("李亚今", true), lead(deputy), lead(orgm)}, nil, nil, nil, []string{"李亚今", "张副", "李组"}},
		{"deputy and organization member are not", []Cover{branch(7)}, leader,
			[]Officer{sec("李亚今", true), deputy, orgm, lead(plain)}, nil, []string{RuleOfficersLeaders}, []string{"副书记张副", "组织委员李组"}, []string{"赵委", "李亚今"}},
		{"a secretary not a leader keeps the warning and is not named twice", []Cover{branch(7)}, &Secretary{Name: "王某"},
			[]Officer{sec("王某", false), plain}, []string{RuleSecretaryLeader}, []string{RuleOfficersLeaders}, []string{"委员赵委"}, []string{"王某"}},
		{"only the secretary: the warning alone", []Cover{branch(3)}, &Secretary{Name: "王某"},
			[]Officer{sec("王某", false)}, []string{RuleSecretaryLeader}, nil, nil, nil},
		{"a technical talent is not a 技术骨干 by that alone", []Cover{branch(7)}, leader,
			[]Officer{sec("李亚今", true), talent}, nil, []string{RuleOfficersLeaders}, []string{"宣传委员钱宣（农村专业技术人才）", "请登记认定日期"}, nil},
		{"a party group's leader is not a branch leader", []Cover{{No: "G1", Name: "党小组", Form: hezuo.FormPartyGroup}}, nil,
			[]Officer{{PartyOrg: "G1", Role: hezuo.RoleLeader, Name: "孙组长"}, {PartyOrg: "G1", Role: hezuo.RoleCommittee, Name: "周某"}}, nil, nil, nil, nil},
		{"group leaders among a branch's officers are skipped", []Cover{branch(7)}, leader,
			[]Officer{sec("李亚今", true), {PartyOrg: "P1", Role: hezuo.RoleLeader, Name: "孙组长"}}, nil, nil, nil, nil},
		{"the secretary of a second cover is named", []Cover{branch(7), joint(3, 5)}, &Secretary{Name: "王某"},
			[]Officer{sec("王某", false), {PartyOrg: "J1", Role: hezuo.RoleSecretary, Name: "吴书记"}},
			[]string{RuleSecretaryLeader}, []string{RuleOfficersLeaders}, []string{"东新村联合党支部", "书记吴书记"}, []string{"王某"}},
		{"one suggestion per organization", []Cover{branch(7), joint(3, 5)}, leader,
			[]Officer{sec("李亚今", true), deputy, {PartyOrg: "J1", Role: hezuo.RoleDeputy, Name: "郑副", IsLeader: false}},
			nil, []string{RuleOfficersLeaders, RuleOfficersLeaders}, []string{"张副", "郑副"}, nil},
		{"officers of an organization not covering the org are ignored", []Cover{branch(7)}, leader,
			[]Officer{sec("李亚今", true), {PartyOrg: "X9", Role: hezuo.RoleDeputy, Name: "冯副"}}, nil, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := org()
			f.FullMembers = tt.covers[0].FullMembers
			f.Covers, f.Secretary, f.Officers = tt.covers, tt.secretary, tt.officers
			got := Evaluate(f, day, testEnv())
			var warns []Reason
			for _, w := range got.Warnings {
				if w.Rule == RuleSecretary || w.Rule == RuleSecretaryLeader {
					warns = append(warns, w)
				}
			}
			var sugs []Reason
			for _, s := range got.Suggestions {
				if s.Rule == RuleOfficersLeaders {
					sugs = append(sugs, s)
				}
			}
			checkRules(t, "secretary warnings", warns, tt.warnings)
			checkRules(t, "officer suggestions", sugs, tt.suggestions)
			checkTexts(t, got)
			zh := strings.Join(Texts(sugs, "zh"), "\n")
			at := 0
			for _, n := range tt.named {
				i := strings.Index(zh[at:], n)
				if i < 0 {
					t.Errorf("suggestion lacks %q (in order):\n%s", n, zh)
					continue
				}
				at += i
			}
			for _, n := range tt.absent {
				if strings.Contains(zh, n) {
					t.Errorf("suggestion names %q:\n%s", n, zh)
				}
			}
			for _, s := range sugs {
				if !strings.Contains(s.ZH, "致富先锋工程") || !strings.Contains(s.EN, "Vanguards of Prosperity") {
					t.Errorf("suggestion does not cite the seed: %+v", s)
				}
			}
		})
	}
}

// TestOfficersLeadersEnglish checks the English sentence's grammar.
func TestOfficersLeadersEnglish(t *testing.T) {
	f := org()
	f.FullMembers = 7
	f.Covers, f.Secretary = []Cover{branch(7)}, leader
	f.Officers = []Officer{{PartyOrg: "P1", Role: hezuo.RoleDeputy, Name: "张副"}}
	one := Evaluate(f, day, testEnv()).Suggestions
	f.Officers = append(f.Officers, Officer{PartyOrg: "P1", Role: hezuo.RoleCommittee, Duty: hezuo.DutyDiscipline, Name: "李纪"},
		Officer{PartyOrg: "P1", Role: hezuo.RoleCommittee, Name: "赵委"})
	three := Evaluate(f, day, testEnv()).Suggestions
	if len(one) != 1 || !strings.Contains(one[0].EN, "the deputy secretary 张副 is neither") {
		t.Errorf("one officer: %+v", one)
	}
	if len(three) != 1 || !strings.Contains(three[0].EN, "the deputy secretary 张副, the discipline member 李纪 and the committee member 赵委 are neither") {
		t.Errorf("three officers: %+v", three)
	}
}
