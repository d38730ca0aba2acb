package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "visits", Sheet: "走访", ZH: "联系户走访", EN: "household visit", KeyZH: "党员身份证号 + 户编号 + 走访日期",
		Columns: []Column{
			{Key: "id_number", ZH: "党员身份证号", Aliases: []string{"身份证号"}, Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "走访的党员（走访当日须与该户有联系关系）", NoteEN: "the party member (linked with the household that day)"},
			{Key: "household", ZH: "户编号", Type: TKey, Required: true, Text: true, Example: "NH-0001", NoteZH: "所走访农户的编号", NoteEN: "the household"},
			{Key: "visited_on", ZH: "走访日期", Aliases: []string{"日期"}, Type: TDate, Required: true, Example: "2021-05-20", NoteZH: "不晚于今天", NoteEN: "not after today"},
			{Key: "note", ZH: "走访情况", Aliases: []string{"备注"}, Type: TText, Example: "了解春耕资金需求", NoteZH: "可选", NoteEN: "optional; what came of it"},
		},
		rows:   func() kindRows { return &visitRows{seen: map[string]int{}} },
		export: exportVisits,
	})
}

type visitRow struct {
	num int
	v   hezuo.ContactVisit
}

// visitRows converts rows of household visits: the key is 党员身份证号 +
// 户编号 + 走访日期; a known key updates the note.
type visitRows struct {
	rows []visitRow
	seen map[string]int
}

func (vr *visitRows) platforms() {}

func (vr *visitRows) add(r *rowCtx) {
	v := hezuo.ContactVisit{IDNumber: r.idNumber("id_number"), Household: Key(r.raw("household")), VisitedOn: r.date("visited_on", true),
		Note: r.text("note")}
	r.need("household", v.Household)
	if r.bad {
		return
	}
	if _, _, _, err := hezuo.ParseIDNumber(v.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return
	}
	if v.VisitedOn.After(r.b.today) {
		r.fail("visited_on", fmt.Sprintf("走访日期 %s 晚于今天 %s，尚未发生", v.VisitedOn, r.b.today), fmt.Sprintf("visited on %s, after today (%s)", v.VisitedOn, r.b.today))
		return
	}
	k := contactKey(v.IDNumber, v.Household, v.VisitedOn)
	if first, dup := vr.seen[k]; dup {
		r.fail("visited_on", fmt.Sprintf("与第 %d 行重复（同一党员、同一户、同一日期）", first), fmt.Sprintf("same visit as row %d", first))
		return
	}
	vr.seen[k] = r.num
	if !r.bounded(&v, nil) {
		return
	}
	vr.rows = append(vr.rows, visitRow{num: r.num, v: v})
}

func (vr *visitRows) finish(*Batch) {}

func (vr *visitRows) probe() *hezuo.Dataset { return &hezuo.Dataset{} }

func (vr *visitRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	stored := map[string]hezuo.ContactVisit{}
	for _, v := range have.ContactVisits {
		stored[contactKey(v.IDNumber, v.Household, v.VisitedOn)] = v
	}
	links := map[string][]hezuo.Period{}
	for _, c := range have.ContactLinks {
		links[c.IDNumber+"|"+c.Household] = append(links[c.IDNumber+"|"+c.Household], c.Period)
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range vr.rows {
		v := row.v
		linked := false
		for _, per := range links[v.IDNumber+"|"+v.Household] {
			linked = linked || per.ActiveOn(v.VisitedOn)
		}
		if !linked {
			b.fail(row.num, "household", "走访当日该党员与户 "+v.Household+" 没有联系关系（请先导入党员联系户）",
				"the member is not linked with household "+v.Household+" on the day of the visit (import the linked households first)")
			continue
		}
		old, exists := stored[contactKey(v.IDNumber, v.Household, v.VisitedOn)]
		if exists && !b.has("note") {
			v.Note = old.Note
		}
		changed := exists && old != v
		if !exists || changed {
			p.Write.ContactVisits = append(p.Write.ContactVisits, v)
		}
		p.count(!exists, changed)
	}
	return p
}

func exportVisits(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.ContactVisits))
	for _, v := range ds.ContactVisits {
		out = append(out, []any{v.IDNumber, v.Household, v.VisitedOn, v.Note})
	}
	return out
}
