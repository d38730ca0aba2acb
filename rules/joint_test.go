package rules

import "testing"

// TestJointBranchNeighbouringAndSimilar checks the principles a joint
// branch is set up on, 地域相邻、行业相近 (支部工作条例 Art. 5: "正式党员不足3人的
// 单位，应当按照地域相邻、行业相近、规模适当、便于管理的原则，成立联合党支部"):
// the check warns when its units lie in more than one township (one county
// when joint_same_township is false) or are of unrelated industries (neither
// one industry nor one department's).
func TestJointBranchNeighbouringAndSimilar(t *testing.T) {
	tests := []struct {
		name       string
		villages   []string
		industries []string
		settings   map[string]string
		noDepts    bool
		want       []string
	}{
		{"one village, one industry", []string{villA}, []string{"黑木耳"}, nil, false, nil},
		{"two villages of one township", []string{villA, villB}, []string{"黑木耳"}, nil, false, nil},
		{"two townships", []string{villA, villC}, []string{"黑木耳"}, nil, false, []string{KeyJointSameTownship}},
		{"two townships allowed by the county", []string{villA, villC}, []string{"黑木耳"}, map[string]string{KeyJointSameTownship: "false"}, false, nil},
		{"two counties even when townships may be crossed", []string{villA, villD}, []string{"黑木耳"}, map[string]string{KeyJointSameTownship: "false"}, false, []string{KeyJointSameTownship}},
		{"industries of one department", []string{villA}, []string{"食用菌", "黑木耳"}, nil, false, nil},
		{"industries of two departments", []string{villA}, []string{"林蛙", "黑木耳"}, nil, false, []string{KeyJointRelatedIndustry}},
		{"two unmapped industries", []string{villA}, []string{"刺绣", "草编"}, nil, false, []string{KeyJointRelatedIndustry}},
		{"an unmapped and a mapped industry", []string{villA}, []string{"草编", "黑木耳"}, nil, false, []string{KeyJointRelatedIndustry}},
		{"unknown industries are not judged", []string{villA}, []string{"", "黑木耳"}, nil, false, nil},
		{"no department map: only one industry is similar", []string{villA}, []string{"食用菌", "黑木耳"}, nil, true, []string{KeyJointRelatedIndustry}},
		{"relatedness switched off", []string{villA}, []string{"林蛙", "黑木耳"}, map[string]string{KeyJointRelatedIndustry: "false"}, false, nil},
		{"both", []string{villA, villC}, []string{"林蛙", "黑木耳"}, nil, false, []string{KeyJointSameTownship, KeyJointRelatedIndustry}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := org()
			f.FullMembers = 1
			c := joint(3, 4)
			c.Villages, c.Industries = tt.villages, tt.industries
			f.Covers, f.Secretary = []Cover{c}, leader
			env := testEnv()
			if tt.noDepts {
				env.Departments = nil
			}
			if tt.settings != nil {
				s, err := FromValues(tt.settings)
				if err != nil {
					t.Fatal(err)
				}
				env.Settings = s
			}
			d := Evaluate(f, day, env)
			checkRules(t, "warnings", d.Warnings, tt.want)
			checkTexts(t, d)
		})
	}
}

func TestJointTexts(t *testing.T) {
	f := org()
	f.FullMembers = 1
	c := joint(3, 4)
	c.Villages, c.Industries = []string{villA, villC}, []string{"林蛙", "黑木耳"}
	f.Covers, f.Secretary = []Cover{c}, leader
	d := Evaluate(f, day, testEnv())
	if len(d.Warnings) != 2 {
		t.Fatalf("warnings %q", Texts(d.Warnings, "zh"))
	}
	matchText(t, d.Warnings[0].ZH, "东新村联合党支部（联合党支部，编号 J1）联合的单位分属 2 个乡镇（222424103、222424104），不符合地域相邻原则（《中国共产党支部工作条例（试行）》第五条）")
	matchText(t, d.Warnings[0].EN, "…joins units in 2 townships (222424103, 222424104), not neighbouring areas (Branch Work Regulations, Art. 5)")
	matchText(t, d.Warnings[1].ZH, "…联合的单位产业为林蛙、黑木耳，既非同一产业也不属同一涉农部门，不符合行业相近原则（《中国共产党支部工作条例（试行）》第五条…")
	matchText(t, d.Warnings[1].EN, "…the industries 林蛙, 黑木耳, neither one industry nor one department's: not similar trades…")
}

// TestJointArea: the planner groups orgs by JointArea, so a
// branch it proposes never draws the check's warning on neighbouring areas.
func TestJointArea(t *testing.T) {
	s := Defaults()
	if JointArea(villA, s) != townABC || JointArea(townABC, s) != townABC {
		t.Errorf("same township: %s %s", JointArea(villA, s), JointArea(townABC, s))
	}
	s.JointSameTownship = false
	if JointArea(villA, s) != "222424" || JointArea(townABC, s) != "222424" {
		t.Errorf("county: %s %s", JointArea(villA, s), JointArea(townABC, s))
	}
}
