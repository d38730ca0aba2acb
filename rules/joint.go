package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"hezuo"
)

// JointArea returns the area the units of a joint branch must share to be
// neighbouring (地域相邻, 支部工作条例 Art. 5): the township (9 digits) of a
// unit's village (12 digits, or its 9-digit township) under
// joint_same_township, else its county (6 digits).
// The planner groups orgs by it and the check warns when a joint branch's
// units lie in more than one.
func JointArea(village string, s Settings) string {
	if s.JointSameTownship {
		return hezuo.TownshipOf(village)
	}
	return hezuo.CountyOf(village)
}

// Trade returns the class of similar trades (行业相近) of an industry: the
// department of m that answers for it, else the industry itself; "" when
// the industry is not recorded. Industries of one class are similar trades
// (Related); the planner reads it from plan.Org.Trade.
func (m DepartmentMap) Trade(industry string) string {
	industry = strings.TrimSpace(industry)
	if industry == "" {
		return ""
	}
	if d, ok := m.Lookup(industry); ok {
		return "dept:" + d.Code
	}
	return "ind:" + industry
}

// Related reports whether industries are similar trades (行业相近, 支部工作
// 条例 Art. 5): all the same, or all answered for by one agriculture-related
// department of m (黑木耳 and 食用菌 by the agriculture bureau; 林蛙 and 山野菜
// by the forestry bureau). Empty industries are not known and are ignored.
func (m DepartmentMap) Related(industries []string) bool {
	return SameTrade(m.trades(industries)...)
}

func (m DepartmentMap) trades(industries []string) []string {
	out := make([]string, len(industries))
	for i, ind := range industries {
		out[i] = m.Trade(ind)
	}
	return out
}

// SameTrade reports whether the non-empty trades (DepartmentMap.Trade) are
// all one.
func SameTrade(trades ...string) bool {
	first := ""
	for _, t := range trades {
		switch {
		case t == "":
		case first == "":
			first = t
		case t != first:
			return false
		}
	}
	return true
}

// checkJoint warns when the units of joint branch c are not neighbouring
// (their villages in more than one area, JointArea) or not of similar
// trades (Related), per joint_same_township and joint_related_industry.
func (e *evaluator) checkJoint(c *Cover, zh, en string) {
	src := source(KeyJointSameTownship)
	var areas []string
	for _, v := range c.Villages {
		if a := JointArea(v, e.s); a != "" && !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
	}
	sort.Strings(areas)
	if len(areas) > 1 {
		unitZH, unitEN := "乡镇", "townships"
		if !e.s.JointSameTownship {
			unitZH, unitEN = "县", "counties"
		}
		e.warn(KeyJointSameTownship,
			fmt.Sprintf("%s联合的单位分属 %d 个%s（%s），不符合地域相邻原则（%s）", zh, len(areas), unitZH, strings.Join(areas, "、"), src.zh),
			fmt.Sprintf("%s joins units in %d %s (%s), not neighbouring areas (%s)", en, len(areas), unitEN, strings.Join(areas, ", "), src.en))
	}
	if e.s.JointRelatedIndustry && !e.env.Departments.Related(c.Industries) {
		src := source(KeyJointRelatedIndustry)
		inds := strings.Join(c.Industries, "、")
		e.warn(KeyJointRelatedIndustry,
			fmt.Sprintf("%s联合的单位产业为%s，既非同一产业也不属同一涉农部门，不符合行业相近原则（%s）", zh, inds, src.zh),
			fmt.Sprintf("%s joins units of the industries %s, neither one industry nor one department's: not similar trades (%s)", en, strings.Join(c.Industries, ", "), src.en))
	}
}
