package xlsx

import (
	"slices"
	"strings"

	"hezuo"
)

// orgsKind is the cooperative organizations: the key is 组织编号.
var orgsKind = addKind(20, kindOf(&Schema{Kind: "orgs", Sheet: "合作组织", ZH: "合作组织", EN: "org", KeyZH: "组织编号",
	TitleZH: "合作组织", TitleEN: "Organizations",
	Columns: []Column{
		{Key: "org_id", ZH: "组织编号", Type: TKey, Required: true, Text: true, Example: "WQ-HZS-001",
			NoteZH: "本县内唯一的组织编号；再次导入同一编号即更新该组织", NoteEN: "unique org number; importing it again updates the org"},
		{Key: "name", ZH: "名称", Type: TText, Required: true, Example: "天桥岭黑木耳生产专业合作社", NoteZH: "组织全称", NoteEN: "full name"},
		{Key: "kind", ZH: "类型", Type: TEnum, Required: true, Choices: []string{"合作社", "产业协会", "联合社"}, Example: "合作社",
			NoteZH: "合作社、产业协会或联合社", NoteEN: "合作社 (cooperative), 产业协会 (association) or 联合社 (union)"},
		{Key: "registered", ZH: "是否登记", Type: TBool, Required: true, Choices: []string{"是", "否"}, Example: "是",
			NoteZH: "是否已在市场监管部门登记", NoteEN: "registered with market regulation: 是/否"},
		{Key: "credit_code", ZH: "统一社会信用代码", Type: TCode, Text: true, Example: "93222424MA0Y000248",
			NoteZH: "18 位；已登记的组织必填", NoteEN: "18 characters; required when registered"},
		{Key: "village", ZH: "所在村", Type: TCode, Required: true, Text: true, Example: "222424103201",
			NoteZH: "12 位村级区划代码（须已导入区划）", NoteEN: "12-digit village code (import divisions first)"},
		{Key: "villages", ZH: "覆盖村", Type: TList, Text: true, Example: "222424103202;222424103203",
			NoteZH: "跨村时覆盖的其他村，用 ; 或 、 分隔，可为空", NoteEN: "other villages spanned, separated by ; or 、; may be empty"},
		{Key: "industry", ZH: "产业", Type: TText, Example: "黑木耳", NoteZH: "主营产业，如 农机、黑木耳、林产品", NoteEN: "industry, e.g. 农机, 黑木耳"},
		{Key: "households_driven", ZH: "带动农户数", Type: TInt, Example: "200", NoteZH: "带动农户户数", NoteEN: "households driven"},
		{Key: "founded", ZH: "成立日期", Type: TDate, Required: true, Example: "2015-03-01",
			NoteZH: "如 2015-03-01、2015/3/1、2015年3月1日", NoteEN: "e.g. 2015-03-01"},
		{Key: "registered_on", ZH: "登记日期", Type: TDate, Example: "2015-04-01",
			NoteZH: "可选；已登记而未填时取成立日期", NoteEN: "optional; a registered org without it takes the founding date"},
		{Key: "dissolved", ZH: "注销日期", Type: TDate, NoteZH: "可选；已注销时填写", NoteEN: "optional; when dissolved"},
		{Key: "model", ZH: "是否典型", Type: TBool, Choices: []string{"是", "否"}, Example: "否", NoteZH: "可选；典型/示范组织", NoteEN: "optional; model org"},
		{Key: "model_note", ZH: "典型说明", Type: TText, NoteZH: "可选", NoteEN: "optional"},
	},
}, spec[orgRow]{
	read: readOrg,
	dups: []dupKey[orgRow]{
		{"org_id", "与第 %d 行重复（同一组织编号）", "same org_id as row %d", func(r orgRow) string { return r.org.OrgNo }},
		{"credit_code", "与第 %d 行的统一社会信用代码相同", "same credit code as row %d", func(r orgRow) string { return r.org.CreditCode }},
	},
	probe: func(ds *hezuo.Dataset, r orgRow) { ds.Orgs = append(ds.Orgs, r.org) },
	refs: func(r orgRow) []colRef {
		refs := refsTo("village", RefDivision, r.org.Village, "org_id", RefOrg, r.org.OrgNo)
		for _, v := range r.org.Villages {
			refs = append(refs, colRef{"villages", Ref{RefDivision, v}})
		}
		return refs
	},
	plan:   planOrgs,
	export: exportOrgs,
}))

// orgRow is an org's row: the org and how its registration was given.
type orgRow struct {
	org        hezuo.Org
	registered bool
	regDate    hezuo.Date // as given, zero when empty
}

func readOrg(r *rowCtx) (orgRow, bool) {
	no, name := Key(r.raw("org_id")), r.text("name")
	r.need("org_id", no)
	r.need("name", name)
	kind := parsed(r, "kind", func(s string) (string, bool) { return hezuo.ParseKind(Fold(s)) },
		"类型 %q 无效，应为 合作社、产业协会 或 联合社", "kind %q invalid: 合作社, 产业协会 or 联合社")
	row := orgRow{registered: r.boolean("registered"), regDate: r.date("registered_on", false)}
	org := hezuo.Org{OrgNo: no, Name: name, Kind: kind, CreditCode: r.code("credit_code"), Village: r.code("village"),
		Villages: SplitList(r.raw("villages")), Industry: r.text("industry"), HouseholdsDriven: r.integer("households_driven"),
		Founded: r.date("founded", true), Dissolved: r.date("dissolved", false), Model: r.boolean("model"), ModelNote: r.text("model_note")}
	r.need("village", org.Village)
	if row.registered {
		org.RegisteredOn = row.regDate
		if org.RegisteredOn.IsZero() {
			org.RegisteredOn = org.Founded
		}
	} else if !row.regDate.IsZero() {
		r.fail("registered_on", "填写了登记日期，但“是否登记”为否", "a registration date is given but registered is no")
	}
	if org.CreditCode != "" {
		if err := hezuo.ValidateCreditCode(org.CreditCode); err != nil {
			r.domain(err, map[string]string{"": "credit_code"})
		}
	}
	if r.bad {
		return row, false
	}
	check := org
	if !r.has("credit_code") {
		// Without the column a stored org keeps its code: checked after the merge.
		check.RegisteredOn = hezuo.Date{}
	}
	if !r.domain(check.Validate(), nil) {
		return row, false
	}
	row.org = org
	return row, true
}

func planOrgs(b *Batch, have *hezuo.Dataset, rows []row[orgRow]) *Plan {
	villages := villageSet(have)
	stored := map[string]*hezuo.Org{}
	owner := map[string]string{} // credit code → org_id
	for i := range have.Orgs {
		stored[have.Orgs[i].OrgNo] = &have.Orgs[i]
		if c := have.Orgs[i].CreditCode; c != "" {
			owner[c] = have.Orgs[i].OrgNo
		}
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range rows {
		row, c := r.rec, rowCheck{b: b, num: r.num}
		if !villages[row.org.Village] {
			c.fail("village", "未知的村 "+row.org.Village+"（请先导入区划）", "unknown village "+row.org.Village+" (import the divisions first)")
		}
		for _, v := range row.org.Villages {
			if !villages[v] {
				c.fail("villages", "未知的村 "+v+"（请先导入区划）", "unknown village "+v+" (import the divisions first)")
			}
		}
		if by, taken := owner[row.org.CreditCode]; taken && by != row.org.OrgNo {
			c.fail("credit_code", "该统一社会信用代码已属于组织 "+by, "this credit code already belongs to org "+by)
		}
		if c.failed {
			continue
		}
		old := stored[row.org.OrgNo]
		org := mergeOrg(b, row, old)
		if err := org.Validate(); err != nil {
			for _, e := range hezuo.FieldErrors(err) {
				c.fail(e.Field, e.ZH, e.EN)
			}
			continue
		}
		put(p, &p.Write.Orgs, org, old != nil, old != nil && !sameOrg(org, *old))
	}
	return p
}

// mergeOrg overlays the columns the file has on the stored org: a column
// the file lacks keeps the stored value, a registered org keeps its stored
// registration date unless the file gives one.
func mergeOrg(b *Batch, row orgRow, old *hezuo.Org) hezuo.Org {
	if old == nil {
		return row.org
	}
	o := row.org
	o.ID = old.ID
	if row.registered && row.regDate.IsZero() && !old.RegisteredOn.IsZero() {
		o.RegisteredOn = old.RegisteredOn
	}
	keep(b, "credit_code", &o.CreditCode, old.CreditCode)
	keep(b, "villages", &o.Villages, old.Villages)
	keep(b, "industry", &o.Industry, old.Industry)
	keep(b, "households_driven", &o.HouseholdsDriven, old.HouseholdsDriven)
	keep(b, "dissolved", &o.Dissolved, old.Dissolved)
	keep(b, "model", &o.Model, old.Model)
	keep(b, "model_note", &o.ModelNote, old.ModelNote)
	return o
}

// sameOrg compares every stored field; spanned villages as a set.
func sameOrg(a, b hezuo.Org) bool {
	va, vb := otherVillages(a), otherVillages(b)
	return a.Name == b.Name && a.Kind == b.Kind && a.RegisteredOn.Equal(b.RegisteredOn) && a.CreditCode == b.CreditCode &&
		a.Village == b.Village && slices.Equal(va, vb) && a.Industry == b.Industry && a.HouseholdsDriven == b.HouseholdsDriven &&
		a.Model == b.Model && a.ModelNote == b.ModelNote && a.Founded.Equal(b.Founded) && a.Dissolved.Equal(b.Dissolved)
}

// otherVillages returns the spanned villages other than the home one, sorted.
func otherVillages(o hezuo.Org) []string {
	vs := o.AllVillages()[1:]
	slices.Sort(vs)
	return vs
}

func exportOrgs(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	return table(ds.Orgs, func(o hezuo.Org) []any {
		return []any{o.OrgNo, o.Name, hezuo.KindNames[o.Kind], yesNo(!o.RegisteredOn.IsZero()), o.CreditCode,
			o.Village, strings.Join(otherVillages(o), ";"), o.Industry, o.HouseholdsDriven, o.Founded, o.RegisteredOn,
			o.Dissolved, yesNo(o.Model), o.ModelNote}
	})
}

func yesNo(v bool) string {
	if v {
		return "是"
	}
	return "否"
}
