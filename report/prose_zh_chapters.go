package report

import (
	"fmt"

	"hezuo"
)

// platformsZH writes one subsection per platform whose figures are not all
// zero: assistance (帮扶), funding (资金), training (科技).
func (b *builder) platformsZH() Section {
	s := b.s
	sec := b.h1("平台建设情况", "")
	i := 0
	if a := s.Assistance; a != (hezuo.AssistanceStats{}) {
		p := ""
		if a.Units > 0 || a.OrgsAssisted > 0 {
			p = fmt.Sprintf("建立县、乡领导和部门联系合作组织的“包村联户”活动，%s共有%d个单位参与包村活动，包扶农民专业合作组织%d个。", b.wholeZH(), a.Units, a.OrgsAssisted)
		}
		if a.HouseholdsPaired > 0 || a.PeopleOutOfPoverty > 0 {
			p += fmt.Sprintf("结合党员“帮扶工程”，合作组织党员与群众结对帮扶%d户，帮助%d人实现脱贫致富。", a.HouseholdsPaired, a.PeopleOutOfPoverty)
		}
		sec.Blocks = append(sec.Blocks, &Paragraph{Lead: b.h2lead(&i, "帮扶平台。"), Text: p})
	}
	if ln := s.Loans; ln.Count > 0 || ln.TotalFen > 0 {
		p := fmt.Sprintf("落实“党员农贷”党费补贴和公职人员为农民党员担保贷款政策，累计发放党员农贷资金%s万元，共%d笔", wanText(ln.TotalFen), ln.Count)
		if ln.ToCooperativesFen > 0 {
			p += fmt.Sprintf("，其中%s万元用于农民专业合作组织发展，占%s", wanText(ln.ToCooperativesFen), pct(float64(ln.ToCooperativesFen)/float64(max(ln.TotalFen, 1))))
		}
		sec.Blocks = append(sec.Blocks, &Paragraph{Lead: b.h2lead(&i, "资金平台。"), Text: p + "。"})
	}
	if t := s.Training; t.Sessions > 0 || t.Attendances > 0 {
		p := fmt.Sprintf("运用农村党员干部现代远程教育网络平台和技术下乡等形式开展培训，%s共举办各类培训班%d次，参加培训的合作组织会员%d人次", b.wholeZH(), t.Sessions, t.Attendances)
		if t.People > 0 {
			p += fmt.Sprintf("，涉及%d人（同一人多次参训只计一次）", t.People)
		}
		sec.Blocks = append(sec.Blocks, &Paragraph{Lead: b.h2lead(&i, "科技平台。"), Text: p + "。"})
	}
	return sec
}

// h2lead returns the next 一是… lead-in and advances the counter.
func (b *builder) h2lead(i *int, zh string) string {
	*i++
	if b.l.en {
		return zh
	}
	return ordinal(*i-1) + "是搭建" + zh
}

func (b *builder) talentZH() Section {
	t, s := b.s.Talent, b.s
	sec := b.h1("人才队伍情况", "")
	sum := t.PartyMembers + t.TechnicalTalents
	p := fmt.Sprintf("%s有%d名党员、%d名农村专业技术人才加入各类专业合作组织，合计%d人，占农民专业合作社注册会员（%d人）的%s。",
		b.wholeZH(), t.PartyMembers, t.TechnicalTalents, sum, s.Cooperatives.Members, pct(t.ShareOfCooperativeMembers))
	p += fmt.Sprintf("需要说明的是，这一比例以合作社注册会员为分母；如以各类合作组织全部会员（%d人）为分母，占比为%s。本报告所称“占会员总数的比例”采用前一口径，两个口径均列于附表。",
		s.AllMembers, pct(t.ShareOfAllMembers))
	sec.para(p)
	sec.para("统计中，党员按人计算，一人加入多个组织只计一次；农村专业技术人才不含已计入党员的人员，两项相加不重复计算。")
	return sec
}

func (b *builder) problemsZH() Section {
	sec := b.h1("存在的问题", "")
	ps := b.problems()
	if len(ps) == 0 {
		sec.para("经系统逐一检查，未发现党组织任期届满未换届、书记缺位、应建未建等问题，登记信息完整。")
		return sec
	}
	sec.para("经系统按党组织设置规则逐一检查，主要存在以下问题：")
	for i, p := range ps {
		sec.Blocks = append(sec.Blocks, &Paragraph{Lead: ordinal(i) + "是" + p.leadZH + "。", Text: p.zh + "。"})
	}
	sec.para("以上问题的明细见附件《数据质量检查》，请各乡镇党委和有关部门逐项核实整改。")
	return sec
}
