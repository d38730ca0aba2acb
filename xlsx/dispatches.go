package xlsx

import (
	"fmt"

	"hezuo"
)

// dispatchesKind is the instructors' dispatches: the key is 身份证号 +
// 组织编号 + 派驻日期; a row with a known key updates its end date.
var dispatchesKind = addKind(70, kindOf(&Schema{Kind: "dispatches", Sheet: "派驻", ZH: "指导员派驻", EN: "dispatch", KeyZH: "身份证号 + 组织编号 + 派驻日期",
	TitleZH: "派驻", TitleEN: "Dispatches",
	Columns: []Column{
		idColumn("身份证号", "指导员的身份证号（须已导入指导员）", "the instructor's ID number (import instructors first)"),
		{Key: "org_id", ZH: "组织编号", Type: TKey, Required: true, Text: true, Example: "WQ-HZS-001",
			NoteZH: "派驻到的合作组织编号", NoteEN: "the org dispatched to"},
		{Key: "from", ZH: "派驻日期", Type: TDate, Required: true, Example: "2021-03-01", NoteZH: "派驻开始日期", NoteEN: "start"},
		{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选；派驻结束时填写", NoteEN: "optional; end"},
	},
}, spec[hezuo.Dispatch]{
	read:  readDispatch,
	group: func(d hezuo.Dispatch) string { return d.IDNumber + "|" + d.OrgNo },
	clash: func(r *rowCtx, o row[hezuo.Dispatch], d hezuo.Dispatch) bool {
		if overlap(o.rec.Period, d.Period) {
			r.fail("from", fmt.Sprintf("与第 %d 行同一指导员派驻同一组织的时段重叠", o.num),
				fmt.Sprintf("overlaps the dispatch of the same instructor to the same org on row %d", o.num))
			return true
		}
		return false
	},
	probe: func(ds *hezuo.Dataset, d hezuo.Dispatch) { ds.Dispatches = append(ds.Dispatches, d) },
	refs: func(d hezuo.Dispatch) []colRef {
		return refsTo("org_id", RefOrg, d.OrgNo, "id_number", RefInstr, d.IDNumber)
	},
	plan: planDispatches,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.Dispatches, func(d hezuo.Dispatch) []any { return []any{d.IDNumber, d.OrgNo, d.From, d.To} })
	},
}))

func readDispatch(r *rowCtx) (hezuo.Dispatch, bool) {
	d := hezuo.Dispatch{IDNumber: r.idNumber("id_number"), OrgNo: Key(r.raw("org_id")),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("org_id", d.OrgNo)
	if r.bad {
		return d, false
	}
	if _, _, _, err := hezuo.ParseIDNumber(d.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return d, false
	}
	if !r.domain(d.Period.Validate(""), nil) {
		return d, false
	}
	return d, r.bounded(&d, nil)
}

func planDispatches(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Dispatch]) *Plan {
	instructors := keysOf(have.Instructors, func(in hezuo.Instructor) string { return in.IDNumber })
	orgs := orgSet(have)
	key := func(d hezuo.Dispatch) string { return d.IDNumber + "|" + d.OrgNo + "|" + d.From.String() }
	stored := keyed(have.Dispatches, key)
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		d, n := row.rec, len(b.Problems)
		if !instructors[d.IDNumber] {
			b.fail(row.num, "id_number", "此人不是已登记的指导员（请先导入指导员）", "not a registered instructor (import the instructors first)")
		}
		if !orgs[d.OrgNo] {
			b.fail(row.num, "org_id", "未知的组织编号 "+d.OrgNo+"（请先导入合作组织）", "unknown org_id "+d.OrgNo+" (import the orgs first)")
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[key(d)]
		keep(b, "to", &d.To, old.To)
		put(p, &p.Write.Dispatches, d, exists, exists && !d.To.Equal(old.To))
	}
	return p
}
