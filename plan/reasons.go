package plan

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// Rules of the planners' reasons besides the settings keys.
const (
	RuleIndustry = "joint_industry" // similar trades (行业相近)
	RuleVillage  = "joint_village"  // neighbouring areas: shared villages first
	RuleAlone    = "joint_alone"    // an org that cannot join a joint branch
	RuleNearest  = "instructor_nearest"
)

// placeZH and placeEN name a division with its code.
func placeZH(name, code string) string {
	if name == "" {
		return code
	}
	return name + "（" + code + "）"
}

func placeEN(name, code string) string {
	if name == "" {
		return code
	}
	return name + " (" + code + ")"
}

// branch turns a built group into a proposed branch.
func (b *builder) branch(g *group) Branch {
	orgs := make([]*Org, len(g.members))
	for i, it := range g.members {
		orgs[i] = it.org
	}
	return makeBranch(orgs, b.m, b.k)
}

// makeBranch describes the branch of orgs: the org with the most full
// members first (its village is the seat), totals and reasons.
func makeBranch(orgs []*Org, m, k int) Branch {
	orgs = append([]*Org(nil), orgs...)
	sort.SliceStable(orgs, func(i, j int) bool {
		return orgs[i].FullMembers > orgs[j].FullMembers || orgs[i].FullMembers == orgs[j].FullMembers && orgs[i].OrgNo < orgs[j].OrgNo
	})
	br := Branch{Township: orgs[0].Township, TownshipName: orgs[0].TownshipName, Seat: orgs[0].Village}
	var villageNames, villageNamesEN, townships, trades []string
	for _, o := range orgs {
		t := o.Trade
		if t == "" {
			t = rules.DepartmentMap(nil).Trade(o.Industry)
		}
		trades = append(trades, t)
		br.Orgs = append(br.Orgs, o.OrgNo)
		br.Names = append(br.Names, o.Name)
		br.FullMembers += max(o.FullMembers, 0)
		if !slices.Contains(br.Industries, o.Industry) {
			br.Industries = append(br.Industries, o.Industry)
		}
		if !slices.Contains(br.Villages, o.Village) {
			br.Villages = append(br.Villages, o.Village)
			villageNames = append(villageNames, placeZH(o.VillageName, o.Village))
			villageNamesEN = append(villageNamesEN, placeEN(o.VillageName, o.Village))
		}
		if !slices.Contains(townships, o.Township) {
			townships = append(townships, o.Township)
		}
	}
	n := len(orgs)
	br.Reasons = append(br.Reasons,
		hezuo.Reason{Rule: rules.KeyJointMinFull,
			ZH: fmt.Sprintf("正式党员合计 %d 名，达到联合党支部不少于 %d 名的要求", br.FullMembers, m),
			EN: fmt.Sprintf("%d full party members in total, at least the %d a joint branch needs", br.FullMembers, m)},
		hezuo.Reason{Rule: rules.KeyJointMaxUnits,
			ZH: fmt.Sprintf("覆盖 %d 个单位，不超过 %d 个", n, k),
			EN: fmt.Sprintf("covers %d units, no more than %d", n, k)})
	if len(townships) == 1 {
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: rules.KeyJointSameTownship,
			ZH: "均在" + placeZH(br.TownshipName, br.Township) + "，地域相邻",
			EN: "all in " + placeEN(br.TownshipName, br.Township) + " (neighbouring areas)"})
	} else {
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: rules.KeyJointSameTownship,
			ZH: fmt.Sprintf("跨 %d 个乡镇（%s），均在本县", len(townships), strings.Join(townships, "、")),
			EN: fmt.Sprintf("spans %d townships (%s) of one county", len(townships), strings.Join(townships, ", "))})
	}
	if len(br.Industries) == 1 && br.Industries[0] != "" {
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: RuleIndustry,
			ZH: "同属" + br.Industries[0] + "产业（行业相近）", EN: "one industry, " + br.Industries[0] + " (similar trades)"})
	} else {
		// The check's notion of similar trades (rules.DepartmentMap.Related).
		zh, en := "", ""
		if known := nonEmpty(br.Industries); len(known) > 1 {
			zh, en = "，同属一个涉农部门（行业相近）", ", of one department (similar trades)"
		}
		if !rules.SameTrade(trades...) {
			zh, en = "，不属同一产业或同一涉农部门（行业不相近）", ", neither one industry nor one department's (not similar trades)"
		}
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: RuleIndustry,
			ZH: "涉及产业：" + strings.Join(br.Industries, "、") + zh, EN: "industries: " + strings.Join(br.Industries, ", ") + en})
	}
	if len(br.Villages) == 1 {
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: RuleVillage,
			ZH: "同在" + villageNames[0], EN: "all in the village " + villageNamesEN[0]})
	} else {
		br.Reasons = append(br.Reasons, hezuo.Reason{Rule: RuleVillage,
			ZH: fmt.Sprintf("涉及 %d 个村：%s", len(br.Villages), strings.Join(villageNames, "、")),
			EN: fmt.Sprintf("%d villages: %s", len(br.Villages), strings.Join(villageNamesEN, ", "))})
	}
	return br
}

// nonEmpty returns the non-empty strings of xs.
func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// unplaced says why an org of the area stays out of every branch; g is the
// most disjoint branches the area allows.
func (b *builder) unplaced(it *item, g int) Unplaced {
	o := it.org
	u := Unplaced{OrgNo: o.OrgNo, Name: o.Name, Township: o.Township, FullMembers: o.FullMembers}
	areaZH, areaEN := b.areaZH, b.areaEN
	group := placeZH(o.VillageName, o.Village)
	todoZH := "；建议成立产业党小组，挂靠" + group + "党组织"
	todoEN := "; form an industry party group attached to the party organization of " + placeEN(o.VillageName, o.Village)
	n := len(b.items)
	u.Reason.Rule = RuleAlone
	switch {
	case n == 1:
		u.Reason.ZH = areaZH + "内仅此一个需要组建党小组或联合党支部的组织，无法与其他组织联合" + todoZH
		u.Reason.EN = "the only org in " + areaEN + " needing a party group or a joint branch, so there is no one to join" + todoEN
	case g == 0 && b.full < b.m:
		u.Reason.Rule = rules.KeyJointMinFull
		u.Reason.ZH = fmt.Sprintf("%s内此类组织共 %d 个，正式党员合计仅 %d 名，不足联合党支部所需的 %d 名%s", areaZH, n, b.full, b.m, todoZH)
		u.Reason.EN = fmt.Sprintf("the %d such orgs in %s have %d full party members in total, fewer than the %d a joint branch needs%s", n, areaEN, b.full, b.m, todoEN)
	case g == 0:
		u.Reason.Rule = rules.KeyJointMaxUnits
		u.Reason.ZH = fmt.Sprintf("%s内此类组织在不超过 %d 个单位的范围内凑不足 %d 名正式党员%s", areaZH, b.k, b.m, todoZH)
		u.Reason.EN = fmt.Sprintf("no %d or fewer of the orgs in %s have %d full party members together%s", b.k, areaEN, b.m, todoEN)
	default:
		u.Reason.Rule = rules.KeyJointMaxUnits
		u.Reason.ZH = fmt.Sprintf("%s内此类组织共 %d 个、正式党员 %d 名，最多可组建 %d 个联合党支部，均已达 %d 个单位的上限%s", areaZH, n, b.full, g, b.k, todoZH)
		u.Reason.EN = fmt.Sprintf("the %d such orgs in %s (%d full party members) allow at most %d joint branches, all already at the limit of %d units%s", n, areaEN, b.full, g, b.k, todoEN)
	}
	return u
}
