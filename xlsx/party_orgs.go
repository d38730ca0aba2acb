package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"hezuo"
)

// partyOrgForms are the choices of 组织形式.
var partyOrgForms = []string{"党支部", "党总支", "党委", "联合党支部", "产业党小组", "村党组织", "乡镇党委", "部门党组织"}

// partyOrgsKind is the party organizations: the key is 党组织编号.
var partyOrgsKind = addKind(40, kindOf(&Schema{Kind: "party-orgs", Sheet: "党组织", ZH: "党组织", EN: "party organization", KeyZH: "党组织编号",
	TitleZH: "党组织", TitleEN: "Party organizations",
	Columns: []Column{
		{Key: "no", ZH: "党组织编号", Aliases: []string{"party_org_id"}, Type: TKey, Required: true, Text: true, Example: "DZB-001",
			NoteZH: "本县内唯一的党组织编号", NoteEN: "unique party organization number"},
		{Key: "name", ZH: "名称", Type: TText, Required: true, Example: "天桥岭黑木耳生产专业合作社党支部", NoteZH: "党组织全称", NoteEN: "full name"},
		{Key: "form", ZH: "组织形式", Type: TEnum, Required: true, Choices: partyOrgForms, Example: "党支部",
			NoteZH: strings.Join(partyOrgForms, "、"), NoteEN: "the form: branch, general branch, committee, joint branch, party group, village, township, department"},
		{Key: "joint_kind", ZH: "联合类型", Type: TEnum, Choices: []string{"村会联合", "跨村组建"}, NoteZH: "联合党支部填写：村会联合 或 跨村组建", NoteEN: "joint branches: 村会联合 or 跨村组建"},
		{Key: "seat", ZH: "所在区划", Type: TCode, Required: true, Text: true, Example: "222424103201",
			NoteZH: "所在村、乡镇或县的区划代码（须已导入）", NoteEN: "division code of its village, township or county (imported)"},
		{Key: "parent", ZH: "上级党组织", Type: TKey, Text: true, Example: "XZ-103", NoteZH: "可选；上级党组织编号", NoteEN: "optional; parent's number"},
		{Key: "manager", ZH: "管理党组织", Type: TKey, Text: true, Example: "XZ-103", NoteZH: "可选；负责管理的党组织编号", NoteEN: "optional; managing party organization's number"},
		{Key: "orgs", ZH: "覆盖组织", Type: TList, Text: true, Example: "WQ-HZS-001",
			NoteZH: "所覆盖合作组织的组织编号，用 ; 或 、 分隔；合作组织党组织必填", NoteEN: "org numbers covered, separated by ; or 、"},
		{Key: "villages", ZH: "覆盖村", Type: TList, Text: true, NoteZH: "可选；覆盖的村", NoteEN: "optional; villages covered"},
		{Key: "founding_method", ZH: "组建方式", Type: TEnum, Choices: hezuo.FoundingMethods, Example: "支部领着建",
			NoteZH: strings.Join(hezuo.FoundingMethods, "、"), NoteEN: "how it was founded"},
		{Key: "term_years", ZH: "任期年数", Type: TInt, Example: "3", NoteZH: "可选；每届任期（年）", NoteEN: "optional; term in years"},
		{Key: "elected_on", ZH: "换届日期", Type: TDate, Example: "2021-06-01", NoteZH: "可选；最近一次换届日期", NoteEN: "optional; last election"},
		{Key: "elections", ZH: "历次换届日期", Type: TList, Text: true, Example: "2018-06-01;2021-06-01",
			NoteZH: "可选；历次换届日期，用 ; 分隔；任期按当天之前最近一次换届计算", NoteEN: "optional; the day of every election, separated by ;: a term counts from the latest up to the day"},
		{Key: "founded", ZH: "成立日期", Type: TDate, Required: true, Example: "2018-07-01", NoteZH: "成立日期", NoteEN: "founding date"},
		{Key: "dissolved", ZH: "撤销日期", Type: TDate, NoteZH: "可选；已撤销时填写", NoteEN: "optional; when dissolved"},
	},
}, spec[hezuo.PartyOrg]{
	read:  readPartyOrg,
	dups:  []dupKey[hezuo.PartyOrg]{{"no", "与第 %d 行重复（同一党组织编号）", "same number as row %d", func(po hezuo.PartyOrg) string { return po.No }}},
	probe: func(ds *hezuo.Dataset, po hezuo.PartyOrg) { ds.PartyOrgs = append(ds.PartyOrgs, po) },
	refs: func(po hezuo.PartyOrg) []colRef {
		refs := refsTo("seat", RefDivision, po.Seat, "no", RefPartyOrg, po.No, "parent", RefPartyOrg, po.Parent, "manager", RefPartyOrg, po.Manager)
		for _, o := range po.Orgs {
			refs = append(refs, colRef{"orgs", Ref{RefOrg, o}})
		}
		for _, v := range po.Villages {
			refs = append(refs, colRef{"villages", Ref{RefDivision, v}})
		}
		return refs
	},
	plan:   planPartyOrgs,
	export: exportPartyOrgs,
}))

// parseForm reads 组织形式: a Chinese name, a synonym or the English name.
func parseForm(s string) (string, bool) {
	s = Text(Fold(s))
	for f, zh := range hezuo.FormNames {
		if s == zh || s == f {
			return f, true
		}
	}
	switch s {
	case "支部":
		return hezuo.FormBranch, true
	case "总支":
		return hezuo.FormGeneralBranch, true
	case "基层党委":
		return hezuo.FormCommittee, true
	case "联合支部":
		return hezuo.FormJointBranch, true
	case "党小组":
		return hezuo.FormPartyGroup, true
	}
	return "", false
}

var jointKinds = map[string]string{"村会联合": hezuo.JointVillageOrg, "跨村组建": hezuo.JointCrossVill,
	hezuo.JointVillageOrg: hezuo.JointVillageOrg, hezuo.JointCrossVill: hezuo.JointCrossVill}

func readPartyOrg(r *rowCtx) (hezuo.PartyOrg, bool) {
	po := hezuo.PartyOrg{No: Key(r.raw("no")), Name: r.text("name"), Parent: Key(r.raw("parent")), Manager: Key(r.raw("manager")),
		FoundingMethod: r.text("founding_method"), TermYears: r.integer("term_years"), ElectedOn: r.date("elected_on", false),
		Period: hezuo.Period{From: r.date("founded", true), To: r.date("dissolved", false)}}
	r.need("no", po.No)
	r.need("name", po.Name)
	po.Form = parsed(r, "form", parseForm, "组织形式 %q 无效", "form %q invalid")
	if s := r.text("joint_kind"); s != "" {
		var ok bool
		if po.JointKind, ok = jointKinds[s]; !ok {
			r.fail("joint_kind", fmt.Sprintf("联合类型 %q 应为 村会联合 或 跨村组建", s), fmt.Sprintf("joint kind %q: 村会联合 or 跨村组建", s))
		}
	}
	if m := po.FoundingMethod; m != "" && !slices.Contains(hezuo.FoundingMethods, m) {
		r.fail("founding_method", "组建方式应为 "+strings.Join(hezuo.FoundingMethods, "、"), "founding method must be one of "+strings.Join(hezuo.FoundingMethods, ", "))
	}
	if seat := r.code("seat"); r.need("seat", seat) {
		norm, err := hezuo.NormalizeDivisionCode(seat)
		if err != nil {
			r.domain(err, map[string]string{"": "seat"})
		}
		po.Seat = norm
	}
	for _, no := range strings.FieldsFunc(Fold(r.raw("orgs")), func(c rune) bool { return c == ';' || c == '、' || c == ',' || isBlank(c) }) {
		po.Orgs = append(po.Orgs, Key(no))
	}
	po.Villages = SplitList(r.raw("villages"))
	for _, x := range SplitList(r.raw("elections")) {
		d, ok := ParseDate(x, r.b.date1904)
		if !ok {
			r.fail("elections", fmt.Sprintf("换届日期 %q 无法识别或不存在", x), fmt.Sprintf("election date %q not understood or not a real date", x))
			continue
		}
		po.Elections = append(po.Elections, hezuo.Election{On: d})
	}
	if days := po.ElectionDays(); po.ElectedOn.IsZero() && len(days) > 0 {
		po.ElectedOn = days[len(days)-1] // 换届日期 left blank: the latest
	}
	if r.bad || !r.domain(po.Validate(), map[string]string{"from": "founded", "to": "dissolved"}) {
		return po, false
	}
	return po, true
}

func planPartyOrgs(b *Batch, have *hezuo.Dataset, rows []row[hezuo.PartyOrg]) *Plan {
	divisions, orgs := divisionSet(have), orgSet(have)
	stored := byKey(have.PartyOrgs, func(p *hezuo.PartyOrg) string { return p.No })
	inFile := map[string]bool{}
	for _, row := range rows {
		inFile[row.rec.No] = true
	}
	known := func(no string) bool { return inFile[no] || stored[no] != nil }
	plan := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range rows {
		n, c := r.rec, rowCheck{b: b, num: r.num}
		if !divisions[n.Seat] {
			c.fail("seat", "未知的区划 "+n.Seat+"（请先导入区划）", "unknown division "+n.Seat+" (import the divisions first)")
		}
		for _, k := range []string{"parent", "manager"} {
			if no := map[string]string{"parent": n.Parent, "manager": n.Manager}[k]; no != "" && !known(no) {
				c.fail(k, "未知的党组织编号 "+no, "unknown party organization "+no)
			}
		}
		for _, o := range n.Orgs {
			if !orgs[o] {
				c.fail("orgs", "未知的组织编号 "+o+"（请先导入合作组织）", "unknown org_id "+o+" (import the orgs first)")
			}
		}
		for _, v := range n.Villages {
			if !divisions[v] || hezuo.LevelOf(v) != hezuo.LevelVillage {
				c.fail("villages", "未知的村 "+v, "unknown village "+v)
			}
		}
		if c.failed {
			continue
		}
		old := stored[n.No]
		po := mergePartyOrg(b, n, old)
		put(plan, &plan.Write.PartyOrgs, po, old != nil, old != nil && !samePartyOrg(po, *old))
	}
	return plan
}

// mergePartyOrg overlays the columns the file has on the stored record.
func mergePartyOrg(b *Batch, n hezuo.PartyOrg, old *hezuo.PartyOrg) hezuo.PartyOrg {
	if old == nil {
		return n
	}
	o := n
	o.ID, o.Elections = old.ID, old.Elections
	keep(b, "joint_kind", &o.JointKind, old.JointKind)
	keep(b, "parent", &o.Parent, old.Parent)
	keep(b, "manager", &o.Manager, old.Manager)
	keep(b, "founding_method", &o.FoundingMethod, old.FoundingMethod)
	keep(b, "orgs", &o.Orgs, old.Orgs)
	keep(b, "villages", &o.Villages, old.Villages)
	keep(b, "term_years", &o.TermYears, old.TermYears)
	keep(b, "elected_on", &o.ElectedOn, old.ElectedOn)
	keep(b, "dissolved", &o.To, old.To)
	if b.has("elections") { // a new list of days replaces the history; the same keeps its notes
		m := o
		m.Elections = n.Elections
		if !slices.EqualFunc(m.ElectionDays(), o.ElectionDays(), hezuo.Date.Equal) {
			o.Elections = n.Elections
		}
	}
	return o
}

func samePartyOrg(a, b hezuo.PartyOrg) bool {
	sorted := func(xs []string) []string { return slices.Sorted(slices.Values(xs)) }
	return a.Name == b.Name && a.Form == b.Form && a.JointKind == b.JointKind && a.Seat == b.Seat && a.Parent == b.Parent &&
		a.Manager == b.Manager && a.FoundingMethod == b.FoundingMethod && a.TermYears == b.TermYears &&
		a.ElectedOn.Equal(b.ElectedOn) && slices.EqualFunc(a.ElectionDays(), b.ElectionDays(), hezuo.Date.Equal) && a.From.Equal(b.From) && a.To.Equal(b.To) &&
		slices.Equal(sorted(a.Orgs), sorted(b.Orgs)) && slices.Equal(sorted(a.Villages), sorted(b.Villages))
}

func exportPartyOrgs(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	joint := map[string]string{hezuo.JointVillageOrg: "村会联合", hezuo.JointCrossVill: "跨村组建"}
	return table(ds.PartyOrgs, func(p hezuo.PartyOrg) []any {
		return []any{p.No, p.Name, hezuo.FormNames[p.Form], joint[p.JointKind], shortCode(p.Seat), p.Parent, p.Manager,
			strings.Join(p.Orgs, ";"), strings.Join(p.Villages, ";"), p.FoundingMethod, p.TermYears, p.ElectedOn, electionList(p), p.From, p.To}
	})
}

// electionList is the 历次换届日期 cell: every election's day, separated by
// ";", when there are more than the latest.
func electionList(p hezuo.PartyOrg) string {
	days := p.ElectionDays()
	if len(days) < 2 {
		return ""
	}
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = d.String()
	}
	return strings.Join(out, ";")
}
