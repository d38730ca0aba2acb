package report

import "hezuo"

// chartSection is the appendix of charts: orgs by kind and division, the
// party-organization forms, and coverage overall and by division.
func (b *builder) chartSection() Section {
	l, s, in := b.l, b.s, b.in
	sec := Section{Heading: l.t("附图", "Appendix: charts"), Level: 1}
	add := func(c *Chart) { sec.Blocks = append(sec.Blocks, b.chart(c)) }
	var usedKinds []string
	for _, k := range kinds {
		if s.ByKind(k).Orgs > 0 {
			usedKinds = append(usedKinds, k)
		}
	}
	if len(in.Parts) > 0 {
		c := &Chart{Sheet: l.t("图-分区划组织", "Chart orgs"), Title: l.t("各"+partNameZH(in.PartLevel)+"合作组织数量", "Organizations by division and kind"),
			Kind: "stacked", Unit: l.t("个", "orgs")}
		for _, p := range in.Parts {
			c.Categories = append(c.Categories, p.Name)
		}
		for _, k := range usedKinds {
			sr := Series{Name: l.kindName(k)}
			for _, p := range in.Parts {
				sr.Values = append(sr.Values, float64(p.Stats.ByKind(k).Orgs))
			}
			c.Series = append(c.Series, sr)
		}
		add(c)
	}
	kc := &Chart{Sheet: l.t("图-类型", "Chart kinds"), Title: l.t("合作组织类型构成", "Organizations by kind"), Kind: "donut", Unit: l.t("个", "orgs")}
	ks := Series{Name: l.t("组织数", "Orgs")}
	for _, k := range usedKinds {
		kc.Categories = append(kc.Categories, l.kindName(k))
		ks.Values = append(ks.Values, float64(s.ByKind(k).Orgs))
	}
	kc.Series = []Series{ks}
	add(kc)
	po := s.PartyOrgs
	fc := &Chart{Sheet: l.t("图-党组织形式", "Chart forms"), Title: l.t("合作组织党组织形式", "Party organizations by form"), Kind: "bar", Unit: l.t("个", "")}
	fs := Series{Name: l.t("数量", "Number")}
	for _, f := range []struct {
		form string
		n    int
	}{{hezuo.FormBranch, po.Branches}, {hezuo.FormGeneralBranch, po.GeneralBranches}, {hezuo.FormCommittee, po.Committees},
		{hezuo.FormJointBranch, po.JointBranches}, {hezuo.FormPartyGroup, po.PartyGroups}} {
		if f.n == 0 && (f.form == hezuo.FormGeneralBranch || f.form == hezuo.FormCommittee) {
			continue
		}
		fc.Categories = append(fc.Categories, l.t(hezuo.FormNames[f.form], formEN[f.form]))
		fs.Values = append(fs.Values, float64(f.n))
	}
	fc.Series = []Series{fs}
	add(fc)
	cv := s.Coverage
	cc := &Chart{Sheet: l.t("图-覆盖", "Chart coverage"), Title: l.t("党的工作覆盖情况", "Coverage of party work"), Kind: "donut", Unit: l.t("个", "orgs"),
		Categories: coverNames(l), Series: []Series{{Name: l.t("组织数", "Orgs"),
			Values: []float64{float64(cv.OwnOrg), float64(cv.JointOrGroup), float64(cv.InstructorOnly), float64(cv.Uncovered)}}}}
	add(cc)
	if len(in.Parts) > 0 {
		c := &Chart{Sheet: l.t("图-分区划覆盖", "Chart coverage by div"), Title: l.t("各"+partNameZH(in.PartLevel)+"党的工作覆盖情况", "Coverage by division"),
			Kind: "stacked", Unit: l.t("个", "orgs")}
		for _, p := range in.Parts {
			c.Categories = append(c.Categories, p.Name)
		}
		get := []func(hezuo.CoverageStats) int{
			func(c hezuo.CoverageStats) int { return c.OwnOrg }, func(c hezuo.CoverageStats) int { return c.JointOrGroup },
			func(c hezuo.CoverageStats) int { return c.InstructorOnly }, func(c hezuo.CoverageStats) int { return c.Uncovered }}
		for i, name := range coverNames(l) {
			sr := Series{Name: name}
			for _, p := range in.Parts {
				sr.Values = append(sr.Values, float64(get[i](p.Stats.Coverage)))
			}
			c.Series = append(c.Series, sr)
		}
		add(c)
	}
	return sec
}

// coverNames are the coverage classes in chart order.
func coverNames(l lang) []string {
	return []string{l.t("单独建立党组织", "own party organization"), l.t("联合支部或党小组覆盖", "joint branch or party group"),
		l.t("指导员覆盖", "instructor"), l.t("空白点", "blank spot")}
}

// formEN names the party-organization forms in English.
var formEN = map[string]string{
	hezuo.FormBranch: "branches", hezuo.FormGeneralBranch: "general branches", hezuo.FormCommittee: "committees",
	hezuo.FormJointBranch: "joint branches", hezuo.FormPartyGroup: "party groups",
}
