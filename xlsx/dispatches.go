package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "dispatches", Sheet: "派驻", ZH: "指导员派驻", EN: "dispatch", KeyZH: "身份证号 + 组织编号 + 派驻日期",
		Columns: []Column{
			{Key: "id_number", ZH: "身份证号", Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "指导员的身份证号（须已导入指导员）", NoteEN: "the instructor's ID number (import instructors first)"},
			{Key: "org_id", ZH: "组织编号", Type: TKey, Required: true, Text: true, Example: "WQ-HZS-001",
				NoteZH: "派驻到的合作组织编号", NoteEN: "the org dispatched to"},
			{Key: "from", ZH: "派驻日期", Type: TDate, Required: true, Example: "2021-03-01", NoteZH: "派驻开始日期", NoteEN: "start"},
			{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选；派驻结束时填写", NoteEN: "optional; end"},
		},
		rows:   func() kindRows { return &dispatchRows{keys: map[string][]int{}} },
		export: exportDispatches,
	})
}

type dispatchRow struct {
	num int
	d   hezuo.Dispatch
}

// dispatchRows converts rows of dispatches: the key is 身份证号 + 组织编号 +
// 派驻日期; a row with a known key updates its end date.
type dispatchRows struct {
	rows []dispatchRow
	keys map[string][]int // ID number|org_id → indexes of its rows
}

func (dr *dispatchRows) add(r *rowCtx) {
	d := hezuo.Dispatch{IDNumber: r.idNumber("id_number"), OrgNo: Key(r.raw("org_id")),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("org_id", d.OrgNo)
	if r.bad {
		return
	}
	if _, _, _, err := hezuo.ParseIDNumber(d.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return
	}
	if err := d.Period.Validate(""); err != nil {
		r.domain(err, nil)
		return
	}
	if !r.bounded(&d, nil) {
		return
	}
	k := d.IDNumber + "|" + d.OrgNo
	for _, j := range dr.keys[k] {
		o := dr.rows[j]
		if overlap(o.d.Period, d.Period) {
			r.fail("from", fmt.Sprintf("与第 %d 行同一指导员派驻同一组织的时段重叠", o.num),
				fmt.Sprintf("overlaps the dispatch of the same instructor to the same org on row %d", o.num))
			return
		}
	}
	dr.keys[k] = append(dr.keys[k], len(dr.rows))
	dr.rows = append(dr.rows, dispatchRow{num: r.num, d: d})
}

func (dr *dispatchRows) finish(*Batch) {}

func (dr *dispatchRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range dr.rows {
		ds.Dispatches = append(ds.Dispatches, r.d)
	}
	return ds
}

func (dr *dispatchRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	instructors := map[string]bool{}
	for _, in := range have.Instructors {
		instructors[in.IDNumber] = true
	}
	orgs := map[string]bool{}
	for _, o := range have.Orgs {
		orgs[o.OrgNo] = true
	}
	stored := map[string]hezuo.Dispatch{}
	for _, d := range have.Dispatches {
		stored[d.IDNumber+"|"+d.OrgNo+"|"+d.From.String()] = d
	}
	_, hasTo := b.bind.idx["to"]
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range dr.rows {
		ok := true
		if !instructors[row.d.IDNumber] {
			b.Problems = append(b.Problems, b.problem(row.num, "id_number", "此人不是已登记的指导员（请先导入指导员）",
				"not a registered instructor (import the instructors first)"))
			ok = false
		}
		if !orgs[row.d.OrgNo] {
			b.Problems = append(b.Problems, b.problem(row.num, "org_id", "未知的组织编号 "+row.d.OrgNo+"（请先导入合作组织）",
				"unknown org_id "+row.d.OrgNo+" (import the orgs first)"))
			ok = false
		}
		if !ok {
			continue
		}
		d := row.d
		old, exists := stored[d.IDNumber+"|"+d.OrgNo+"|"+d.From.String()]
		if exists && !hasTo {
			d.To = old.To
		}
		changed := exists && !d.To.Equal(old.To)
		if !exists || changed {
			p.Write.Dispatches = append(p.Write.Dispatches, d)
		}
		p.count(!exists, changed)
	}
	return p
}

func exportDispatches(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.Dispatches))
	for _, d := range ds.Dispatches {
		out = append(out, []any{d.IDNumber, d.OrgNo, d.From, d.To})
	}
	return out
}
