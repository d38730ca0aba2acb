package report

import (
	"hezuo"
)

// formsTable counts the party organizations built by founding method and
// the joint branches by kind.
func (b *builder) formsTable() *Table {
	l, d := b.l, b.d
	t := &Table{Sheet: l.t("组建方式", "Founding"), Caption: l.t("合作组织党组织组建方式和联合支部类型", "Party organizations by founding method, joint branches by kind"),
		Header: []string{l.t("分类", "Class"), l.t("项目", "Item"), l.t("数量（个）", "Number")}}
	class := l.t("组建方式", "Founding method")
	for _, m := range hezuo.FoundingMethods {
		t.Rows = append(t.Rows, []Cell{txt(class), txt(l.t(m, methodNameEN[m])), l.num(d.methods[m])})
	}
	if d.noMethod > 0 {
		t.Rows = append(t.Rows, []Cell{txt(class), txt(l.t("未记录", "not recorded")), l.num(d.noMethod)})
	}
	class = l.t("联合支部类型", "Joint branch kind")
	t.Rows = append(t.Rows,
		[]Cell{txt(class), txt(l.t("村会联合", "org with its village (村会联合)")), l.num(d.jointKinds[hezuo.JointVillageOrg])},
		[]Cell{txt(class), txt(l.t("跨村组建", "across villages (跨村组建)")), l.num(d.jointKinds[hezuo.JointCrossVill])})
	t.Notes = []string{l.t("组建方式统计党支部、党总支、党委和联合支部，产业党小组随所在支部或村党组织组建，不单列。",
		"Founding methods count branches, general branches, committees and joint branches; party groups are founded with the branch or village they sit in.")}
	return b.table(t)
}

// modelTable lists the model organizations (典型).
func (b *builder) modelTable() *Table {
	l, d, in := b.l, b.d, b.in
	if len(d.models) == 0 {
		return nil
	}
	t := &Table{Sheet: l.t("典型组织", "Models"), Caption: l.t("农民专业合作组织典型", "Model organizations"),
		Header: []string{l.t("组织编号", "Org ID"), l.t("名称", "Name"), l.t(partNameZH(in.PartLevel), partLabelEN(in.PartLevel)),
			l.t("产业", "Industry"), l.t("会员", "Members"), l.t("党组织形式", "Party organization")}}
	for _, o := range d.models {
		members, form := 0, ""
		if r := d.rows[o.OrgNo]; r != nil {
			members, form = r.Members, l.t(hezuo.ActualNames[r.Actual], r.Actual)
		}
		t.Rows = append(t.Rows, []Cell{txt(o.OrgNo), txt(o.Name), txt(in.partName(o.Village)), txt(o.Industry), l.num(members), txt(form)})
	}
	return b.table(t)
}

// tableSection is the appendix of tables.
func (b *builder) tableSection() Section {
	sec := Section{Heading: b.l.t("附表", "Appendix: tables"), Level: 1}
	add := func(t *Table) {
		if t != nil {
			sec.Blocks = append(sec.Blocks, t)
		}
	}
	add(b.keyTable())
	for _, t := range b.partTables() {
		add(t)
	}
	add(b.kindTable())
	add(b.formsTable())
	add(b.modelTable())
	return sec
}
