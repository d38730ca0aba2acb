package rules

import (
	"reflect"
	"strings"
	"testing"

	"hezuo"
)

const (
	villA   = "222424103201" // 东新村, township 222424103
	villB   = "222424103202" // 西新村, same township
	villC   = "222424104201" // 河东村, township 222424104
	villD   = "222426100201" // another county (222426)
	townABC = "222424103"
)

var day = hezuo.MustDate("2022-06-08")

func testEnv() Env {
	names := map[string]string{
		villA: "东新村", villB: "西新村", villC: "河东村",
		townABC + "000": "罗子沟镇", // stored padded: Evaluate must find it from the 9-digit code
	}
	return Env{Settings: Defaults(), Departments: DefaultDepartments(), Names: func(c string) string { return names[c] }}
}

// org returns an active, registered org in one village with no party members.
func org() Facts {
	return Facts{OrgID: "ORG-1", Name: "绥芬农机专业合作社", Kind: hezuo.KindCooperative, Active: true, Registered: true, Village: villA, Industry: "农机"}
}

func branch(full int) Cover {
	return Cover{No: "P1", Name: "绥芬农机专业合作社党支部", Form: hezuo.FormBranch, Units: 1, FullMembers: full, HasCommittee: full >= 7, ElectedOn: hezuo.MustDate("2021-01-10")}
}

func joint(units, full int) Cover {
	return Cover{No: "J1", Name: "东新村联合党支部", Form: hezuo.FormJointBranch, Units: units, FullMembers: full, ElectedOn: hezuo.MustDate("2021-01-10")}
}

var leader = &Secretary{Name: "李亚今", IsLeader: true}

var villageA = Manager{Level: hezuo.LevelVillage, Code: villA, Name: "东新村"}

type want struct {
	required, actual, status string
	manager                  Manager
	reasons                  []string // rules of the reasons, in order
	warnings                 []string
	suggestions              []string
}

// std is the reason list of an org in one village: required rule, coverage, coverage.
func std(requiredRule, statusRule string) []string {
	return []string{requiredRule, RuleCoverage, statusRule, RuleManager}
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name     string
		facts    func(f *Facts)
		settings map[string]string
		want     want
	}{
		{"registered, 2 full, uncovered", func(f *Facts) { f.FullMembers = 2 },
			nil, want{RequiredGroupOrJoint, ActualNone, StatusUncovered, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"registered, 3 full, own branch", func(f *Facts) { f.FullMembers = 3; f.Covers = []Cover{branch(3)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"registered, 3 full, uncovered", func(f *Facts) { f.FullMembers = 3 },
			nil, want{RequiredOwnOrg, ActualNone, StatusUncovered, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"registered, 3 full, only a joint branch", func(f *Facts) { f.FullMembers = 3; f.Covers = []Cover{joint(2, 4)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormJointBranch, StatusShouldBuild, villageA, std(KeyOwnOrgMinFull, KeyOwnOrgMinFull), nil, nil}},
		{"registered, 3 full, only an instructor", func(f *Facts) { f.FullMembers = 3; f.Instructor = true; f.InstructorDeveloped = 3 },
			nil, want{RequiredOwnOrg, ActualInstructor, StatusShouldBuild, villageA, std(KeyOwnOrgMinFull, KeyOwnOrgMinFull), nil, nil}},
		{"unregistered, 3 full, party group", func(f *Facts) {
			f.Registered = false
			f.FullMembers = 3
			f.Covers = []Cover{{No: "G1", Name: "黑木耳产业党小组", Form: hezuo.FormPartyGroup, Units: 1, FullMembers: 3}}
		}, nil, want{RequiredGroupOrJoint, hezuo.FormPartyGroup, StatusOK, villageA, std(RuleRegistration, RuleCoverage), nil, []string{RuleRegistration}}},
		{"unregistered, 3 full, uncovered is not should_build", func(f *Facts) { f.Registered = false; f.FullMembers = 3 },
			nil, want{RequiredGroupOrJoint, ActualNone, StatusUncovered, villageA, std(RuleRegistration, RuleCoverage), nil, []string{RuleRegistration}}},
		{"0 full, 1 probationary, joint branch", func(f *Facts) { f.ProbationaryMembers = 1; f.Covers = []Cover{joint(2, 3)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyProbationaryCountsAsMember, RuleCoverage), nil, nil}},
		{"0 full, 1 probationary, not counted by setting", func(f *Facts) { f.ProbationaryMembers = 1; f.Instructor = true },
			map[string]string{KeyProbationaryCountsAsMember: "false"},
			want{RequiredInstructor, ActualInstructor, StatusOK, villageA, std(KeyProbationaryCountsAsMember, RuleCoverage), nil, nil}},
		{"no members, instructor", func(f *Facts) { f.Instructor = true },
			nil, want{RequiredInstructor, ActualInstructor, StatusOK, villageA, std(RuleInstructor, RuleCoverage), nil, nil}},
		{"no members, nothing", func(f *Facts) {},
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, villageA, std(RuleInstructor, RuleCoverage), nil, nil}},
		{"instructor developed the first member", func(f *Facts) { f.FullMembers = 1; f.Instructor = true; f.InstructorDeveloped = 1 },
			nil, want{RequiredGroupOrJoint, ActualInstructor, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleInstructorDeveloped), nil, []string{RuleInstructorDeveloped}}},
		{"members but only an instructor", func(f *Facts) { f.FullMembers = 1; f.Instructor = true },
			nil, want{RequiredGroupOrJoint, ActualInstructor, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{RuleCoverage}, nil}},
		{"two villages, one township", func(f *Facts) { f.Villages = []string{villA, villB, villB} },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, Manager{Level: hezuo.LevelTownship, Code: townABC, Name: "罗子沟镇"}, std(RuleInstructor, RuleCoverage), nil, nil}},
		{"home village repeated in villages", func(f *Facts) { f.Villages = []string{villA} },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, villageA, std(RuleInstructor, RuleCoverage), nil, nil}},
		{"two townships, mapped industry", func(f *Facts) { f.Villages = []string{villC}; f.Industry = "黑木耳" },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, Manager{Level: ManagerDepartment, Code: "NYJ", Name: "县农业农村局"}, std(RuleInstructor, RuleCoverage), nil, nil}},
		{"two townships, unmapped industry", func(f *Facts) { f.Villages = []string{villC}; f.Industry = "草编" },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, Manager{Level: ManagerDepartment}, []string{RuleInstructor, RuleCoverage, RuleCoverage, RuleDepartmentUnmapped}, nil, nil}},
		{"two counties: undecided, even with a mapped industry", func(f *Facts) { f.Villages = []string{villD}; f.Industry = "林蛙" },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, Manager{Level: ManagerUndecided}, []string{RuleInstructor, RuleCoverage, RuleCoverage, RuleManagerUndecided}, []string{RuleManagerUndecided}, nil}},
		{"no village", func(f *Facts) { f.Village = "" },
			nil, want{RequiredInstructor, ActualNone, StatusUncovered, Manager{}, std(RuleInstructor, RuleCoverage), []string{RuleManager}, nil}},
		{"joint branch over 5 units", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(6, 3)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{KeyJointMaxUnits}, nil}},
		{"joint branch of exactly 5 units", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(5, 3)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"joint branch under 3 full members", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(2, 2)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{KeyJointMinFull}, nil}},
		{"村会联合 joint branch: village members unknown", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(2, -1)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"7 full without committee", func(f *Facts) {
			f.FullMembers = 7
			f.Covers = []Cover{branch(7)}
			f.Covers[0].HasCommittee = false
			f.Secretary = leader
		}, nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{KeyCommitteeMinFull}, nil}},
		{"7 full with committee", func(f *Facts) { f.FullMembers = 7; f.Covers = []Cover{branch(7)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"6 full without committee", func(f *Facts) { f.FullMembers = 6; f.Covers = []Cover{branch(6)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"own branch with 2 full", func(f *Facts) { f.FullMembers = 2; f.Covers = []Cover{branch(2)}; f.Secretary = leader },
			nil, want{RequiredGroupOrJoint, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{KeyOwnOrgMinFull}, nil}},
		{"51 full: general branch allowed", func(f *Facts) { f.FullMembers = 51; f.Covers = []Cover{branch(51)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, []string{KeyGeneralBranchOverMembers, KeyBranchSoftMaxMembers}}},
		{"60 full under a general branch", func(f *Facts) {
			f.FullMembers = 60
			f.Covers = []Cover{{No: "Z1", Name: "总支", Form: hezuo.FormGeneralBranch, Units: 1, FullMembers: 60, HasCommittee: true}}
			f.Secretary = leader
		}, nil, want{RequiredOwnOrg, hezuo.FormGeneralBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"100 full in one branch", func(f *Facts) { f.FullMembers = 100; f.Covers = []Cover{branch(100)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, []string{KeyPartyCommitteeMinMembers, KeyBranchSoftMaxMembers}}},
		{"49 full: nothing to suggest", func(f *Facts) { f.FullMembers = 49; f.Covers = []Cover{branch(49)}; f.Secretary = leader },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"term expired on the day", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Covers[0].ElectedOn = hezuo.MustDate("2019-06-08")
			f.Secretary = leader
		}, nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{KeyTermYearsBranch}, nil}},
		{"term ends tomorrow", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Covers[0].ElectedOn = hezuo.MustDate("2019-06-09")
			f.Secretary = leader
		}, nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"term of the cover overrides the default", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Covers[0].ElectedOn = hezuo.MustDate("2018-06-08")
			f.Covers[0].TermYears = 5
			f.Secretary = leader
		}, nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"secretary not recorded", func(f *Facts) { f.FullMembers = 3; f.Covers = []Cover{branch(3)} },
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{RuleSecretary}, nil}},
		{"secretary not a leader", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Secretary = &Secretary{Name: "王某"}
		},
			nil, want{RequiredOwnOrg, hezuo.FormBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), []string{RuleSecretaryLeader}, nil}},
		{"inactive org", func(f *Facts) { f.Active = false; f.FullMembers = 5; f.Village = "" },
			nil, want{RequiredNone, ActualNone, StatusOK, Manager{}, []string{RuleActive, RuleActive, RuleActive, RuleManager}, nil, nil}},
		{"own_org_min_full=5: 3 full is not enough", func(f *Facts) { f.FullMembers = 3; f.Covers = []Cover{joint(2, 4)}; f.Secretary = leader },
			map[string]string{KeyOwnOrgMinFull: "5"},
			want{RequiredGroupOrJoint, hezuo.FormJointBranch, StatusOK, villageA, std(KeyOwnOrgMinFull, RuleCoverage), nil, nil}},
		{"own_org_min_full=5: 5 full is", func(f *Facts) { f.FullMembers = 5; f.Covers = []Cover{joint(2, 6)}; f.Secretary = leader },
			map[string]string{KeyOwnOrgMinFull: "5"},
			want{RequiredOwnOrg, hezuo.FormJointBranch, StatusShouldBuild, villageA, std(KeyOwnOrgMinFull, KeyOwnOrgMinFull), nil, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := org()
			tt.facts(&f)
			env := testEnv()
			if tt.settings != nil {
				s, err := FromValues(tt.settings)
				if err != nil {
					t.Fatal(err)
				}
				env.Settings = s
			}
			got := Evaluate(f, day, env)
			w := tt.want
			if got.Required != w.required || got.Actual != w.actual || got.Status != w.status {
				t.Errorf("required/actual/status = %s/%s/%s, want %s/%s/%s", got.Required, got.Actual, got.Status, w.required, w.actual, w.status)
			}
			if got.ManagedBy != w.manager {
				t.Errorf("managed_by = %+v, want %+v", got.ManagedBy, w.manager)
			}
			checkRules(t, "reasons", got.Reasons, w.reasons)
			checkRules(t, "warnings", got.Warnings, w.warnings)
			checkRules(t, "suggestions", got.Suggestions, w.suggestions)
			checkTexts(t, got)
		})
	}
}

func rules(rs []Reason) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Rule)
	}
	return out
}

func checkRules(t *testing.T, what string, got []Reason, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if g := rules(got); !reflect.DeepEqual(g, want) {
		t.Errorf("%s rules = %q, want %q\n%s", what, g, want, strings.Join(Texts(got, "zh"), "\n"))
	}
}

// checkTexts requires every sentence in both languages, with no formatting
// mistakes, and English text in English.
func checkTexts(t *testing.T, d Determination) {
	t.Helper()
	for _, r := range d.All() {
		if r.ZH == "" || r.EN == "" || r.Rule == "" {
			t.Errorf("incomplete reason %+v", r)
		}
		if strings.Contains(r.ZH+r.EN, "%!") {
			t.Errorf("formatting mistake in %+v", r)
		}
		if r.Text("zh") != r.ZH || r.Text("en") != r.EN {
			t.Errorf("Text picks the wrong language for %+v", r)
		}
	}
}

func TestEvaluateTexts(t *testing.T) {
	tests := []struct {
		name     string
		facts    func(f *Facts)
		settings map[string]string
		list     func(d Determination) []Reason
		i        int
		zh, en   string // exact when they hold no "…", else substrings
	}{
		{"own org, the example sentence", func(f *Facts) { f.FullMembers = 3 }, nil, reasons, 0,
			"已登记注册且有正式党员 3 名（≥3），应单独建立党组织（《中国共产党支部工作条例（试行）》第四条）",
			"registered with 3 full party members (>= 3): must set up its own party organization (Branch Work Regulations, Art. 4)"},
		{"threshold from settings", func(f *Facts) { f.FullMembers = 3 }, map[string]string{KeyOwnOrgMinFull: "5"}, reasons, 0,
			"…正式党员 3 名（不足 5 名）…", "…3 full party members (fewer than 5)…"},
		{"probationary members do not count toward 3", func(f *Facts) { f.FullMembers = 2; f.ProbationaryMembers = 1 }, nil, reasons, 0,
			"…不足 3 名，另有预备党员 1 名不计入…", "…(fewer than 3, not counting 1 probationary member)…"},
		{"uncovered own org must build its own", func(f *Facts) { f.FullMembers = 3 }, nil, reasons, 2,
			"…空白点…应单独建立党组织…", "…blank spot…must set up its own party organization…"},
		{"should build names what it has", func(f *Facts) { f.FullMembers = 4; f.Covers = []Cover{joint(2, 5)} }, nil, reasons, 2,
			"…应建未建…现仅有联合党支部…", "…should build, not built…has only a joint party branch…"},
		{"village manager", func(f *Facts) {}, nil, reasons, 3,
			"…东新村（222424103201）…村党组织负责组建并管理…", "…222424103201 (东新村)…"},
		{"township manager", func(f *Facts) { f.Villages = []string{villB} }, nil, reasons, 3,
			"…跨 2 个村，均在罗子沟镇（222424103）内…乡镇党委…", "…spans 2 villages, all in 222424103 (罗子沟镇)…"},
		{"department manager", func(f *Facts) { f.Villages = []string{villC}; f.Industry = "黑木耳" }, nil, reasons, 3,
			"…跨 2 个乡镇…“黑木耳”…县农业农村局（NYJ）党组织…", "…spans 2 townships: the party organization of NYJ (县农业农村局)…"},
		{"unmapped industry", func(f *Facts) { f.Villages = []string{villC}; f.Industry = "草编" }, nil, reasons, 3,
			"…没有对应的涉农部门，由县委组织部确定其隶属关系…", "…county organization department (县委组织部) decides…"},
		{"several counties", func(f *Facts) { f.Villages = []string{villD} }, nil, reasons, 3,
			"…分属 2 个县（222424、222426），管理党组织待定：隶属关系由共同的上级党委组织部门确定…（《中国共产党农村基层组织工作条例》第五条）",
			"…lie in 2 counties (222424, 222426): its manager is undecided until the common higher organization department fixes its affiliation…(Rural Base Organization Regulations, Art. 5)"},
		{"joint branch too wide", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(6, 3)}; f.Secretary = leader }, nil, warnings, 0,
			"东新村联合党支部（联合党支部，编号 J1）覆盖 6 个单位，超过一般不超过 5 个的规定（《中国共产党支部工作条例（试行）》第五条）",
			"东新村联合党支部 (joint party branch, no. J1) covers 6 units, more than the usual maximum of 5 (Branch Work Regulations, Art. 5)"},
		{"joint_max_units from settings", func(f *Facts) { f.FullMembers = 1; f.Covers = []Cover{joint(4, 3)}; f.Secretary = leader }, map[string]string{KeyJointMaxUnits: "3"}, warnings, 0,
			"…覆盖 4 个单位，超过一般不超过 3 个的规定…", "…covers 4 units, more than the usual maximum of 3…"},
		{"term expired", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Covers[0].ElectedOn = hezuo.MustDate("2019-06-08")
			f.Secretary = leader
		}, nil, warnings, 0, "…于 2019-06-08 选举产生，任期 3 年，已于 2022-06-08 届满…", "…elected on 2019-06-08 for 3 years; the term ended on 2022-06-08…"},
		{"secretary not a leader", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{branch(3)}
			f.Secretary = &Secretary{Name: "王某"}
		}, nil, warnings, 0,
			"…书记王某不是致富能手或技术骨干…", "…王某, is neither a successful farmer (致富能手) nor a technical backbone (技术骨干)…"},
		{"general branch suggestion", func(f *Facts) {
			f.FullMembers = 48
			f.ProbationaryMembers = 3
			f.Covers = []Cover{branch(48)}
			f.Secretary = leader
		}, nil, suggestions, 0,
			"党员 51 名（正式党员 48 名、预备党员 3 名），超过 50 名，经上级党组织批准可设立党总支（《中国共产党农村基层组织工作条例》第五条）",
			"51 party members (48 full, 3 probationary), more than 50: with higher approval it may set up a general party branch (Rural Base Organization Regulations, Art. 5)"},
		{"split a large branch", func(f *Facts) { f.FullMembers = 100; f.Covers = []Cover{branch(100)}; f.Secretary = leader }, nil, suggestions, 1,
			"…有正式党员 100 名，超过一般不超过 50 名的规模，可划分若干党小组…", "…above the usual 50: split its members into party groups…"},
		{"several covers", func(f *Facts) {
			f.FullMembers = 3
			f.Covers = []Cover{joint(2, 4), branch(3), {No: "G1", Form: hezuo.FormPartyGroup}}
			f.Secretary = leader
		}, nil, reasons, 1, "现由绥芬农机专业合作社党支部（党支部，编号 P1）覆盖（共有 3 个党组织覆盖，按最高形式计）",
			"covered by 绥芬农机专业合作社党支部 (party branch, no. P1) (3 party organizations cover it; the strongest form counts)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := org()
			tt.facts(&f)
			env := testEnv()
			if tt.settings != nil {
				env.Settings, _ = FromValues(tt.settings)
			}
			rs := tt.list(Evaluate(f, day, env))
			if tt.i >= len(rs) {
				t.Fatalf("only %d reasons: %q", len(rs), Texts(rs, "zh"))
			}
			matchText(t, rs[tt.i].ZH, tt.zh)
			matchText(t, rs[tt.i].EN, tt.en)
		})
	}
}

func reasons(d Determination) []Reason     { return d.Reasons }
func warnings(d Determination) []Reason    { return d.Warnings }
func suggestions(d Determination) []Reason { return d.Suggestions }

// matchText compares exactly, or, when want holds "…", checks that its
// pieces appear in got in order.
func matchText(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(want, "…") {
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		return
	}
	rest := got
	for _, piece := range strings.Split(want, "…") {
		i := strings.Index(rest, piece)
		if i < 0 {
			t.Errorf("%q lacks %q (in order)", got, piece)
			return
		}
		rest = rest[i+len(piece):]
	}
}
