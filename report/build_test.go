package report

import (
	"strings"
	"testing"
	"unicode"

	"hezuo"
	"hezuo/rules"
)

// seedStats are the seed article's figures as Stats, with platforms.
func seedStats() *hezuo.Stats {
	return &hezuo.Stats{
		AsOf: "2022-06-08", Scope: "222424",
		Orgs:         hezuo.OrgCounts{Total: 168, Cooperatives: 69, Associations: 99, Registered: 156, Models: 0},
		Cooperatives: hezuo.KindFigures{Orgs: 69, Members: 11532, PartyMembers: 354, FullMembers: 327, HouseholdsDriven: 5126},
		Associations: hezuo.KindFigures{Orgs: 99, Members: 17653, PartyMembers: 409, FullMembers: 380},
		AllMembers:   29185,
		PartyOrgs:    hezuo.PartyOrgCounts{Branches: 25, JointBranches: 75, PartyGroups: 108},
		Instructors:  hezuo.InstructorStats{Dispatched: 55, OrgsCovered: 55, MembersDeveloped: 2, Activists: 32},
		Assistance:   hezuo.AssistanceStats{Units: 101, OrgsAssisted: 80, HouseholdsPaired: 165, PeopleOutOfPoverty: 620},
		Loans:        hezuo.LoanStats{Count: 240, TotalFen: 2275_0000_00, ToCooperativesFen: 1103_5000_00},
		Training:     hezuo.TrainingStats{Sessions: 130, Attendances: 12034, People: 6120},
		Talent:       hezuo.TalentStats{PartyMembers: 763, TechnicalTalents: 538, ShareOfCooperativeMembers: 1301.0 / 11532, ShareOfAllMembers: 1301.0 / 29185},
		Coverage:     hezuo.CoverageStats{Orgs: 168, Covered: 168, OwnOrg: 25, JointOrGroup: 88, InstructorOnly: 55},
		ManagedBy:    map[string]int{"village": 142, "township": 19, "department": 7},
	}
}

func seedInput() *Input {
	return &Input{Scope: hezuo.Scope{Prefix: "222424"}, Area: Area{Code: "222424", Name: "汪清县", Level: hezuo.LevelCounty},
		AsOf: hezuo.MustDate("2022-06-08"), Stats: seedStats(), Today: hezuo.MustDate("2022-06-10")}
}

func prose(d *Document) string { return strings.Join(d.Paragraphs(), "\n") }

func TestChineseProseFollowsTheSeed(t *testing.T) {
	got := prose(Build(seedInput(), "zh"))
	for _, want := range []string{
		"截止到2022年6月8日，全县已建立各类农民专业合作组织168个。其中农民专业合作社69个，注册会员11532人，党员354人，带动农户5126户；产业协会发展到99个，吸纳会员17653人，党员409人。",
		"目前已建立专业合作组织党支部25个，联合支部75个，党小组108个。",
		"共向55个专业合作组织下派党建工作指导员55名，发展党员2名，入党积极分子32名。",
		"全县共有101个单位参与包村活动，包扶农民专业合作组织80个。",
		"结对帮扶165户，帮助620人实现脱贫致富。",
		"累计发放党员农贷资金2275万元，共240笔，其中1103.5万元用于农民专业合作组织发展",
		"全县共举办各类培训班130次，参加培训的合作组织会员12034人次",
		"全县有763名党员、538名农村专业技术人才加入各类专业合作组织，合计1301人，占农民专业合作社注册会员（11532人）的11.3%。",
		"占比为4.5%", "没有“空白点”",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("prose lacks %q", want)
		}
	}
}

func TestPlatformsWrittenOnlyWithFigures(t *testing.T) {
	in := seedInput()
	in.Stats.Assistance, in.Stats.Loans, in.Stats.Training = hezuo.AssistanceStats{}, hezuo.LoanStats{}, hezuo.TrainingStats{}
	d := Build(in, "zh")
	for _, s := range d.Sections {
		if strings.Contains(s.Heading, "平台") {
			t.Errorf("a report without platform figures has the chapter %q", s.Heading)
		}
	}
	if p := prose(d); strings.Contains(p, "包村") || strings.Contains(p, "农贷") || strings.Contains(p, "培训班") {
		t.Errorf("platform prose without figures:\n%s", p)
	}
	in.Stats.Loans = hezuo.LoanStats{Count: 1, TotalFen: 100_0000_00}
	p := prose(Build(in, "zh"))
	if !strings.Contains(p, "一是搭建资金平台。") || !strings.Contains(p, "100万元") || strings.Contains(p, "帮扶平台") {
		t.Errorf("only the funding platform should be written:\n%s", p)
	}
}

func TestCompareSaysIncreaseAndDecrease(t *testing.T) {
	in := seedInput()
	then := seedStats()
	then.Orgs.Total, then.Orgs.Cooperatives, then.Cooperatives.Members, then.Talent.PartyMembers = 160, 61, 12000, 763
	in.Compare, in.CompareDay = then, hezuo.MustDate("2021-06-08")
	d := Build(in, "zh")
	p := prose(d)
	for _, want := range []string{"与2021年6月8日相比，合作组织增长8个（合作社增长8个，产业协会持平）", "合作社注册会员减少468人", "合作组织中的党员持平"} {
		if !strings.Contains(p, want) {
			t.Errorf("comparison lacks %q:\n%s", want, p)
		}
	}
	key := d.Tables()[0]
	if len(key.Header) != 5 || key.Rows[0][4].Text != "+8" || key.Rows[0][4].Num != 8 {
		t.Errorf("key table change column: %v %v", key.Header, key.Rows[0])
	}
	en := prose(Build(in, "en"))
	if !strings.Contains(en, "organizations are up 8") || !strings.Contains(en, "cooperative members down 468") {
		t.Errorf("English comparison:\n%s", en)
	}
}

// findingsOf returns the findings block of d.
func findingsOf(d *Document) []Finding {
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*Findings); ok {
				return f.Items
			}
		}
	}
	return nil
}

func TestFindingsCatchTotalsThatDoNotAddUp(t *testing.T) {
	in := seedInput()
	in.Stats.Orgs.Total = 170 // kinds add up to 168
	in.Stats.Coverage.Uncovered = 3
	var errs []string
	for _, f := range findingsOf(Build(in, "zh")) {
		if f.Severity == SevError {
			errs = append(errs, f.Title)
		}
	}
	want := []string{"各类型组织数之和与组织总数：不相符", "覆盖分类之和与参加检查的组织数：不相符", "参加检查的组织数与登记组织总数：不相符"}
	for _, w := range want {
		if !strings.Contains(strings.Join(errs, "\n"), w) {
			t.Errorf("no error %q among %q", w, errs)
		}
	}
	ok := findingsOf(Build(seedInput(), "zh"))
	for _, f := range ok[:3] {
		if f.Severity != SevOK {
			t.Errorf("consistent seed figures: %s %s", f.Severity, f.Title)
		}
	}
}

func TestFindingsNameTheDenominatorAndMissingData(t *testing.T) {
	in := seedInput()
	in.Orgs = []hezuo.Org{
		{OrgNo: "A", Name: "甲合作社", Kind: hezuo.KindCooperative, RegisteredOn: hezuo.MustDate("2020-01-01"), Industry: "", HouseholdsDriven: 3},
		{OrgNo: "B", Name: "乙协会", Kind: hezuo.KindAssociation, Industry: "蜂业"},
	}
	in.Check = []hezuo.CheckRow{{CheckFacts: hezuo.CheckFacts{OrgNo: "A", Name: "甲合作社", Kind: hezuo.KindCooperative, Registered: true, Members: 5, Actual: "branch"},
		Warnings: []hezuo.Reason{{Rule: "term_years_branch", ZH: "任期已届满", EN: "term over"}, {Rule: "secretary", ZH: "未登记书记", EN: "no secretary"}}}}
	in.Overdue = []rules.Overdue{{PartyOrg: "B-1", Name: "甲合作社党支部", Kind: hezuo.MeetingJoint,
		Reason: hezuo.Reason{ZH: "联席会议逾期 82 天", EN: "joint meeting 82 days overdue"}}}
	d := Build(in, "zh")
	if p := prose(d); !strings.Contains(p, "1个合作组织党组织有1项制度逾期未落实，其中联席会议1项") {
		t.Errorf("problems lack the overdue institutions:\n%s", p)
	}
	fs := findingsOf(d)
	text := ""
	for _, f := range fs {
		text += f.Severity + " " + f.Title + " " + f.Detail + " " + strings.Join(f.Items, ",") + "\n"
	}
	for _, want := range []string{
		"以合作社注册会员11532人为分母占11.3%（本报告正文采用此口径）；以各类合作组织全部会员29185人为分母仅占4.5%",
		"warning 未登记产业的组织：1个  甲合作社",
		"warning 已登记但未录入统一社会信用代码的组织：1个  甲合作社",
		"warning 部分党组织任期届满未按期换届 涉及1个合作组织",
		"甲合作社：任期已届满",
		"warning 部分党组织书记缺位 1个合作组织的党组织未登记书记。 甲合作社：未登记书记",
		"warning 逾期未落实：联席会议 1项  甲合作社党支部：联席会议逾期 82 天",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("findings lack %q:\n%s", want, text)
		}
	}
}

func TestEnglishReport(t *testing.T) {
	d := Build(seedInput(), "en")
	p := prose(d)
	for _, want := range []string{"As of 8 June 2022, 168 farmers' cooperative organizations", "11,532 registered members", "22.75 million yuan",
		"11.3% of the 11,532 members of professional cooperatives, but 4.5% of all 29,185 members"} {
		if !strings.Contains(p, want) {
			t.Errorf("English prose lacks %q", want)
		}
	}
	for _, s := range d.Sections {
		for _, r := range s.Heading {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("English heading %q", s.Heading)
				break
			}
		}
	}
}

func TestAreaAndParts(t *testing.T) {
	names := map[string]string{"222424000000": "汪清县", "222400000000": "延边州", "222424100000": "汪清镇", "222424200000": "鸡冠乡"}
	for _, c := range []struct {
		scope    string
		villages []string
		area     string
		level    string
		parts    []string
	}{
		{"all", []string{"222424100201", "222424200203"}, "222424", hezuo.LevelTownship, []string{"222424100", "222424200"}},
		{"all", []string{"222424100201", "222426100203"}, "2224", hezuo.LevelCounty, []string{"222424", "222426"}},
		{"222424100", []string{"222424100201"}, "222424100", "", nil},
		{"22", nil, "22", hezuo.LevelPrefecture, []string{"2224"}},
	} {
		sc, _ := hezuo.ParseScope(c.scope)
		a := areaOf(sc, c.villages, names)
		divs := []string{"222400000000", "222424000000", "222424100000", "222424200000"}
		level, parts := partsOf(a, c.villages, divs)
		if a.Code != c.area || level != c.level || strings.Join(parts, ",") != strings.Join(c.parts, ",") {
			t.Errorf("%s %v: area %q, parts %s %v; want %q, %s %v", c.scope, c.villages, a.Code, level, parts, c.area, c.level, c.parts)
		}
	}
}

func TestFormatting(t *testing.T) {
	zh, en := lang{}, lang{en: true}
	for _, c := range []struct{ got, want string }{
		{zh.n(11532), "11532"}, {en.n(11532), "11,532"}, {en.n(-1234567), "-1,234,567"},
		{wanText(2275_0000_00), "2275"}, {wanText(1103_5050_00), "1103.51"}, {yuanEN(2275_0000_00), "22.75 million yuan"},
		{zh.date(hezuo.MustDate("2022-06-08")), "2022年6月8日"}, {en.date(hezuo.MustDate("2022-06-08")), "8 June 2022"},
		{zh.change(5, 3, "个"), "增长2个"}, {zh.change(3, 5, "人"), "减少2人"}, {zh.change(3, 3, "人"), "持平"},
		{pct(1301.0 / 11532), "11.3%"}, {pct(1301.0 / 29185), "4.5%"},
		{wholeZH(hezuo.LevelCounty, "汪清县"), "全县"}, {wholeZH(hezuo.LevelCounty, "珲春市"), "全市"},
		{wholeZH(hezuo.LevelTownship, "鸡冠乡"), "全乡"}, {wholeZH(hezuo.LevelPrefecture, "延边朝鲜族自治州"), "全州"},
		{wholeZH(hezuo.LevelProvince, "吉林省"), "全省"}, {wholeZH("", ""), "全国"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
