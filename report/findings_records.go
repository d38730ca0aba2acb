package report

import (
	"fmt"

	"hezuo"
)

// missingData lists the orgs whose records lack what the report needs.
func (b *builder) missingData() []Finding {
	d, l := b.d, b.l
	list := func(sev, zh, en string, items []string) Finding {
		if len(items) == 0 {
			return Finding{Severity: SevOK, Title: l.t("无"+zh, "No "+en)}
		}
		return Finding{Severity: sev, Title: l.t(fmt.Sprintf("%s：%d个", zh, len(items)), fmt.Sprintf("%s: %d", en, len(items))), Items: items}
	}
	return []Finding{
		b.unknownPartyDates(),
		list(SevWarning, "未登记产业的组织", "orgs without an industry", d.noIndustry),
		list(SevWarning, "已登记但未录入统一社会信用代码的组织", "registered orgs without a credit code", d.noCredit),
		list(SevWarning, "统一社会信用代码校验不通过的组织", "orgs whose credit code fails its check", d.badCredit),
		list(SevWarning, "截止日没有会员的组织", "orgs without members on the day", d.noMembers),
		list(SevInfo, "未填报带动农户数的合作社", "cooperatives reporting no households driven", d.noHouseholds),
	}
}

// warningFindings turns the rules' warnings into findings, one per group,
// listing every org concerned and the warning's words.
func (b *builder) warningFindings() []Finding {
	d, l := b.d, b.l
	orgs, lines := d.groupedWarnings(l.t("：", ": "))
	var out []Finding
	for _, w := range warnGroups {
		n := len(orgs[w.key])
		if n == 0 {
			out = append(out, Finding{Severity: SevOK, Title: l.t("未发现："+w.g.leadZH, "Not found: "+w.g.leadEN)})
			continue
		}
		out = append(out, Finding{Severity: SevWarning, Title: l.t(w.g.leadZH, w.g.leadEN),
			Detail: l.t(fmt.Sprintf(w.g.zhFmt, n)+"。", fmt.Sprintf(w.g.enFmt, n)+"."), Items: lines[w.key]})
	}
	if n := len(orgs["other"]); n > 0 {
		out = append(out, Finding{Severity: SevWarning, Title: l.t("其他规则提示", "Other warnings"),
			Detail: l.t(fmt.Sprintf("%d个合作组织另有规则检查提示。", n), fmt.Sprintf("%d orgs have other warnings.", n)), Items: lines["other"]})
	}
	return out
}

// unknownPartyDates lists the party members counted without a known start:
// they count (the status is a fact) from a stand-in day, which the officer
// should replace with their 入党日期.
func (b *builder) unknownPartyDates() Finding {
	l, us := b.l, b.in.UnknownPartyDates
	if len(us) == 0 {
		return Finding{Severity: SevOK, Title: l.t("无入党日期不详的党员", "No party member without a joining date")}
	}
	items := make([]string, len(us))
	for i, u := range us {
		items[i] = l.t(fmt.Sprintf("%s（%s %s，%s，自 %s 起计）", u.Name, u.OrgNo, u.OrgName, hezuo.StatusNames[u.Status], u.CountedFrom),
			fmt.Sprintf("%s (%s %s, %s, counted from %s)", u.Name, u.OrgNo, u.OrgName, u.Status, u.CountedFrom))
	}
	return Finding{Severity: SevWarning, Title: l.t(fmt.Sprintf("%d名党员入党日期不详，按加入组织日期计为党员，请补录", len(us)),
		fmt.Sprintf("%d party members without a joining date, counted from the day they joined their org: fill the dates in", len(us))),
		Detail: l.t("导入或录入时政治面貌为中共党员（或预备党员）但未填入党日期：政治面貌属实，自何时起不详，系统按加入组织之日（已登记人员按登记之日）计入党员人数。请在人员信息中补录入党日期、转正日期。",
			"These were recorded as party members without a joining date: the status is a fact, since when is not, so the figures count them from the day they joined their org (or the day recorded). Fill in the joining and conversion dates on the person's form."),
		Items: items}
}
