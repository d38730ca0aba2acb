package report

import (
	"fmt"
	"strings"

	"hezuo"
)

// findingSection is the data-quality appendix: totals that must add up,
// shares and counts whose definition a reader could take two ways, records
// with missing data, and the rules' warnings (overdue terms, missing
// committees and secretaries…).
func (b *builder) findingSection() Section {
	l := b.l
	fs := &Findings{}
	fs.Items = append(fs.Items, b.totalChecks()...)
	fs.Items = append(fs.Items, b.definitionNotes()...)
	fs.Items = append(fs.Items, b.missingData()...)
	fs.Items = append(fs.Items, b.warningFindings()...)
	fs.Items = append(fs.Items, b.overdueFindings()...)
	sec := Section{Heading: l.t("附件：数据质量检查", "Appendix: data quality"), Level: 1}
	sec.para(l.t("本附件由系统对统计数字和台账记录逐项核对生成：“通过”表示核对一致，“说明”解释统计口径，“问题”需要核实整改，“错误”表示数字相互矛盾。",
		"The system produced this appendix by checking the figures and the records: “ok” means they agree, “note” explains a definition, “problem” needs checking and correcting, “error” means figures contradict each other."))
	sec.Blocks = append(sec.Blocks, fs)
	return sec
}

// sumCheck compares a total with the sum of its parts.
func (b *builder) sumCheck(zh, en string, total int, parts map[string]int, order []string, sev string) Finding {
	l := b.l
	sum := 0
	var terms []string
	for _, k := range order {
		sum += parts[k]
		terms = append(terms, fmt.Sprintf("%s %s", k, l.n(parts[k])))
	}
	detail := fmt.Sprintf("%s = %s%s%s %s", strings.Join(terms, " + "), l.n(sum), l.t("；", "; "), l.t("总数", "total"), l.n(total))
	if len(order) == 1 {
		detail = fmt.Sprintf("%s %s%s%s %s", order[0], l.n(sum), l.t("；", "; "), l.t("总数", "total"), l.n(total))
	}
	if sum == total {
		return Finding{Severity: SevOK, Title: l.t(zh+"：相符", en+": they add up"), Detail: detail}
	}
	return Finding{Severity: sev, Title: l.t(zh+"：不相符", en+": they do not add up"), Detail: detail + l.t(fmt.Sprintf("，相差%d", sum-total), fmt.Sprintf(", a difference of %s", l.n(sum-total)))}
}

// totalChecks are the sums the figures must satisfy.
func (b *builder) totalChecks() []Finding {
	s, l, in := b.s, b.l, b.in
	kindParts, order := map[string]int{}, []string{}
	for _, k := range kinds {
		kindParts[l.kindName(k)] = s.ByKind(k).Orgs
		order = append(order, l.kindName(k))
	}
	out := []Finding{b.sumCheck("各类型组织数之和与组织总数", "Orgs by kind against the total", s.Orgs.Total, kindParts, order, SevError)}
	cn := coverNames(l)
	cv := s.Coverage
	out = append(out, b.sumCheck("覆盖分类之和与参加检查的组织数", "Coverage classes against the orgs checked", cv.Orgs,
		map[string]int{cn[0]: cv.OwnOrg, cn[1]: cv.JointOrGroup, cn[2]: cv.InstructorOnly, cn[3]: cv.Uncovered}, cn, SevError))
	out = append(out, b.sumCheck("参加检查的组织数与登记组织总数", "Orgs checked against the registry", s.Orgs.Total,
		map[string]int{l.t("参加检查", "checked"): cv.Orgs}, []string{l.t("参加检查", "checked")}, SevError))
	if len(in.Parts) > 0 {
		orgs, members, pos := map[string]int{}, map[string]int{}, map[string]int{}
		var names []string
		for _, p := range in.Parts {
			orgs[p.Name], members[p.Name] = p.Stats.Orgs.Total, p.Stats.AllMembers
			pos[p.Name] = partyOrgTotal(p.Stats)
			names = append(names, p.Name)
		}
		out = append(out, b.sumCheck("各"+partNameZH(in.PartLevel)+"组织数之和与总数", "Orgs by division against the total", s.Orgs.Total, orgs, names, SevError))
		out = append(out, b.sumCheck("各"+partNameZH(in.PartLevel)+"会员数之和与总数", "Members by division against the total", s.AllMembers, members, names, SevError))
		f := b.sumCheck("各"+partNameZH(in.PartLevel)+"党组织数之和与总数", "Party organizations by division against the total", partyOrgTotal(s), pos, names, SevInfo)
		if f.Severity != SevOK {
			f.Detail += l.t("。跨"+partNameZH(in.PartLevel)+"的联合支部在所覆盖的各"+partNameZH(in.PartLevel)+"分别计入，总数按全域去重，故分项之和可能大于总数。",
				". A joint branch spanning divisions counts in each division it covers and once in the total, so the parts may add up to more.")
		}
		out = append(out, f)
	}
	reg := 0
	for _, r := range in.Check {
		if r.Registered {
			reg++
		}
	}
	out = append(out, b.sumCheck("检查中已登记组织与统计数", "Registered orgs in the check against the figures", s.Orgs.Registered,
		map[string]int{l.t("检查中已登记", "registered in the check"): reg}, []string{l.t("检查中已登记", "registered in the check")}, SevError))
	return append(out, b.figureLists()...)
}

// figureLists compares each coverage figure with the orgs the check lists
// under it (the same predicates, rules.Uncovered and
// rules.ShouldBuildNotBuilt) and names those orgs.
func (b *builder) figureLists() []Finding {
	s, l, d := b.s, b.l, b.d
	var out []Finding
	for _, f := range []struct {
		zh, en string
		figure int
		orgs   []string
	}{
		{"空白点", "blank spots", s.Coverage.Uncovered, d.uncovered},
		{"应建未建（含应建的空白点）", "should build, not built (blank spots that must build included)", s.Coverage.ShouldBuildNotBuilt, d.shouldBuild},
	} {
		in := l.t("检查中的"+f.zh, f.en+" in the check")
		fd := b.sumCheck("检查中的"+f.zh+"与统计数", "The check's "+f.en+" against the figure", f.figure,
			map[string]int{in: len(f.orgs)}, []string{in}, SevError)
		fd.Items = append([]string(nil), f.orgs...)
		out = append(out, fd)
	}
	return out
}

func partyOrgTotal(s *hezuo.Stats) int {
	p := s.PartyOrgs
	return p.Branches + p.GeneralBranches + p.Committees + p.JointBranches + p.PartyGroups
}

// definitionNotes explain the figures whose denominator or unit a reader
// could take two ways, and say which one the report uses.
func (b *builder) definitionNotes() []Finding {
	s, l := b.s, b.l
	t := s.Talent
	sum := t.PartyMembers + t.TechnicalTalents
	out := []Finding{{Severity: SevInfo, Title: l.t("人才占比的分母", "The denominator of the talent share"),
		Detail: l.t(fmt.Sprintf("党员%d人与农村专业技术人才%d人合计%d人：以合作社注册会员%d人为分母占%s（本报告正文采用此口径）；以各类合作组织全部会员%d人为分母仅占%s。引用时须注明分母。",
			t.PartyMembers, t.TechnicalTalents, sum, s.Cooperatives.Members, pct(t.ShareOfCooperativeMembers), s.AllMembers, pct(t.ShareOfAllMembers)),
			fmt.Sprintf("%s party members and %s technical talents make %s people: %s of the %s cooperative members (the share this report quotes), but only %s of all %s members. Quote the denominator with the share.",
				l.n(t.PartyMembers), l.n(t.TechnicalTalents), l.n(sum), pct(t.ShareOfCooperativeMembers), l.n(s.Cooperatives.Members), pct(t.ShareOfAllMembers), l.n(s.AllMembers)))}}
	byKind := s.Cooperatives.PartyMembers + s.Associations.PartyMembers + s.Unions.PartyMembers
	f := Finding{Severity: SevInfo, Title: l.t("党员人数：按会员资格与按人", "Party members: memberships and people"),
		Detail: l.t(fmt.Sprintf("分类型党员数按会员资格计（合作社%d + 产业协会%d + 联合社%d = %d），一人加入多个组织分别计入；按人计为%d人。",
			s.Cooperatives.PartyMembers, s.Associations.PartyMembers, s.Unions.PartyMembers, byKind, t.PartyMembers),
			fmt.Sprintf("Party members by kind count memberships (%s + %s + %s = %s), a person in two organizations counting in each; counted as people there are %s.",
				l.n(s.Cooperatives.PartyMembers), l.n(s.Associations.PartyMembers), l.n(s.Unions.PartyMembers), l.n(byKind), l.n(t.PartyMembers)))}
	if byKind != t.PartyMembers {
		f.Detail += l.t(fmt.Sprintf("两者相差%d，为同时加入多个组织的党员。", byKind-t.PartyMembers),
			fmt.Sprintf(" The difference, %s, is party members in more than one organization.", l.n(byKind-t.PartyMembers)))
	}
	out = append(out, f)
	out = append(out, Finding{Severity: SevInfo, Title: l.t("带动农户数", "Households driven"),
		Detail: l.t("带动农户数为各组织填报数之和，同一农户被多个组织带动时重复计入，宜视为上限。",
			"Households driven is the sum of what each organization reports; a household driven by two organizations counts twice, so read it as an upper bound.")})
	if tr := s.Training; tr.Attendances > 0 {
		out = append(out, Finding{Severity: SevInfo, Title: l.t("培训：人次与人数", "Training: attendances and people"),
			Detail: l.t(fmt.Sprintf("参训%d为人次（每参加一次计一次），不重复人数为%d人。", tr.Attendances, tr.People),
				fmt.Sprintf("%s are attendances (each session attended counts); %s distinct people were trained.", l.n(tr.Attendances), l.n(tr.People)))})
	}
	if !b.platformsActive() {
		out = append(out, Finding{Severity: SevWarning, Title: l.t("平台数据尚未录入", "No platform data yet"),
			Detail: l.t("截止日帮扶（包村联户、结对帮扶）、资金（党员农贷）、科技（培训）平台均无记录，正文未写这些平台；请录入后重新生成报告。",
				"On the as-of day there are no assistance, loan or training records, so the report says nothing about these platforms; record them and produce the report again.")})
	}
	return out
}
