package report

import "fmt"

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
