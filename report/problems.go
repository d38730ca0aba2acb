package report

import (
	"fmt"
	"sort"
	"strings"
)

// problem is one item of the "problems" chapter, in both languages.
type problem struct {
	leadZH, zh string
	leadEN, en string
}

// warnGroup is how the report names the orgs concerned by the rules'
// warnings of one group (a rule key, or "term" for every term key).
type warnGroup struct {
	leadZH, zhFmt string // zhFmt takes the number of orgs
	leadEN, enFmt string
}

// warnGroups names the warnings the rules give, in the order the report
// lists them. Warnings of rules not named here are counted under "other".
var warnGroups = []struct {
	key string
	g   warnGroup
}{
	{"term", warnGroup{"部分党组织任期届满未按期换届", "涉及%d个合作组织，其所在党组织已超过规定任期，应按期换届选举",
		"some party organizations are past their term", "%d orgs are covered by a party organization whose term has ended; it must hold an election"}},
	{"committee_min_full", warnGroup{"部分党支部应设支委会而未设", "%d个合作组织的党支部正式党员已达到设立支部委员会的人数，尚未设立支委会",
		"some branches lack the committee their size requires", "the branches of %d orgs have enough full members to need a branch committee and have none"}},
	{"secretary", warnGroup{"部分党组织书记缺位", "%d个合作组织的党组织未登记书记",
		"some party organizations have no secretary", "the party organizations of %d orgs have no secretary on record"}},
	{"secretary_leader", warnGroup{"部分书记不是致富能手或技术骨干", "%d个合作组织的党组织书记不是“致富先锋”中的致富能手或技术骨干，与支部领导成员选拔要求不符",
		"some secretaries are not vanguard farmers", "the secretaries of %d orgs are neither 致富能手 nor 技术骨干, as branch leaders should be"}},
	{"joint_max_units", warnGroup{"部分联合党支部覆盖单位过多", "%d个合作组织所在的联合党支部覆盖单位超过规定数量",
		"some joint branches cover too many units", "%d orgs are in joint branches covering more units than allowed"}},
	{"joint_same_township", warnGroup{"部分联合党支部跨乡镇设置", "%d个合作组织所在的联合党支部所联合的单位不在同一乡镇，不符合地域相邻原则",
		"some joint branches span townships", "%d orgs are in joint branches whose units lie in several townships, not neighbouring areas"}},
	{"joint_related_industry", warnGroup{"部分联合党支部跨不相近行业", "%d个合作组织所在的联合党支部所联合的单位行业不相近",
		"some joint branches join unrelated trades", "%d orgs are in joint branches whose units are of unrelated trades"}},
	{"joint_min_full", warnGroup{"部分联合党支部正式党员不足", "%d个合作组织所在的联合党支部正式党员人数不足",
		"some joint branches have too few full members", "%d orgs are in joint branches with too few full members"}},
	{"own_org_min_full", warnGroup{"部分党支部正式党员不足", "%d个合作组织的党支部正式党员不足成立党支部所需人数",
		"some branches have too few full members", "the branches of %d orgs have fewer full members than a branch needs"}},
	{"coverage", warnGroup{"部分已有党员的组织仍只由指导员覆盖", "%d个合作组织已有党员，应成立产业党小组或加入联合党支部",
		"some orgs with party members rely on an instructor alone", "%d orgs have party members and should form a party group or join a joint branch"}},
	{"managed_by_undecided", warnGroup{"部分跨县组织隶属关系待定", "%d个合作组织跨县，管理党组织待共同的上级党委组织部门确定",
		"some cross-county orgs have no manager yet", "%d orgs span counties; the common higher organization department has yet to fix their manager"}},
	{"managed_by", warnGroup{"部分组织缺少所在村信息", "%d个合作组织未登记所在村，无法确定负责管理的党组织",
		"some orgs have no village on record", "%d orgs have no village on record, so their managing party organization is unknown"}},
}

// groupOf returns the warning group of a rule key.
func groupOf(rule string) string {
	if rule == "term" || strings.HasPrefix(rule, "term_years") {
		return "term"
	}
	for _, w := range warnGroups {
		if w.key == rule {
			return rule
		}
	}
	return "other"
}

// groupedWarnings returns, per warning group, the orgs concerned and the
// lines "org: warning".
func (d *derived) groupedWarnings(sep string) (map[string]map[string]bool, map[string][]string) {
	orgs, lines := map[string]map[string]bool{}, map[string][]string{}
	rules := make([]string, 0, len(d.warnings))
	for r := range d.warnings {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		g := groupOf(r)
		if orgs[g] == nil {
			orgs[g] = map[string]bool{}
		}
		for _, w := range d.warnings[r] {
			orgs[g][w.Org] = true
			lines[g] = append(lines[g], w.Org+sep+w.Text)
		}
	}
	return orgs, lines
}

// problems lists what the check and the registry show is wrong, most
// serious first; none when all is in order.
func (b *builder) problems() []problem {
	s, d := b.s, b.d
	var ps []problem
	if n := s.Coverage.Uncovered; n > 0 {
		ps = append(ps, problem{"仍有党的工作“空白点”", fmt.Sprintf("%d个合作组织既无党组织覆盖，也未派驻党建工作指导员", n),
			"blank spots remain", fmt.Sprintf("%d orgs are covered neither by a party organization nor by an instructor", n)})
	}
	if n := s.Coverage.ShouldBuildNotBuilt; n > 0 {
		ps = append(ps, problem{"存在应建未建", fmt.Sprintf("%d个合作组织已登记注册、正式党员达到规定人数，尚未单独建立党组织", n),
			"orgs that should have their own party organization have none", fmt.Sprintf("%d registered orgs have enough full party members for their own party organization and have not built it", n)})
	}
	orgs, _ := d.groupedWarnings("")
	for _, w := range warnGroups {
		if n := len(orgs[w.key]); n > 0 {
			ps = append(ps, problem{w.g.leadZH, fmt.Sprintf(w.g.zhFmt, n), w.g.leadEN, fmt.Sprintf(w.g.enFmt, n)})
		}
	}
	if p, ok := b.overdueProblem(); ok {
		ps = append(ps, p)
	}
	if n := len(orgs["other"]); n > 0 {
		ps = append(ps, problem{"其他规则提示", fmt.Sprintf("%d个合作组织另有规则检查提示", n),
			"other warnings", fmt.Sprintf("%d orgs have other warnings from the rules", n)})
	}
	var zh, en []string
	if n := len(d.noIndustry); n > 0 {
		zh, en = append(zh, fmt.Sprintf("%d个组织未登记产业", n)), append(en, fmt.Sprintf("%d orgs have no industry", n))
	}
	if n := len(d.noCredit); n > 0 {
		zh, en = append(zh, fmt.Sprintf("%d个已登记组织未录入统一社会信用代码", n)), append(en, fmt.Sprintf("%d registered orgs have no unified social credit code", n))
	}
	if n := len(d.badCredit); n > 0 {
		zh, en = append(zh, fmt.Sprintf("%d个组织的统一社会信用代码校验不通过", n)), append(en, fmt.Sprintf("%d credit codes fail their check character", n))
	}
	if len(zh) > 0 {
		ps = append(ps, problem{"部分台账信息不完整", strings.Join(zh, "，"), "some records are incomplete", strings.Join(en, "; ")})
	}
	return ps
}
