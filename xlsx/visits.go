package xlsx

import "hezuo"

// visitsKind is the linked households' visits: the key is 党员身份证号 +
// 户编号 + 走访日期; a known key updates the note.
var visitsKind = addKind(160, kindOf(&Schema{Kind: "visits", Sheet: "走访", ZH: "联系户走访", EN: "household visit", KeyZH: "党员身份证号 + 户编号 + 走访日期",
	TitleZH: "联系户走访", TitleEN: "Household visits", platform: true,
	Columns: []Column{
		idColumn("党员身份证号", "走访的党员（走访当日须与该户有联系关系）", "the party member (linked with the household that day)", "身份证号"),
		{Key: "household", ZH: "户编号", Type: TKey, Required: true, Text: true, Example: "NH-0001", NoteZH: "所走访农户的编号", NoteEN: "the household"},
		{Key: "visited_on", ZH: "走访日期", Aliases: []string{"日期"}, Type: TDate, Required: true, Example: "2021-05-20", NoteZH: "不晚于今天", NoteEN: "not after today"},
		{Key: "note", ZH: "走访情况", Aliases: []string{"备注"}, Type: TText, Example: "了解春耕资金需求", NoteZH: "可选", NoteEN: "optional; what came of it"},
	},
}, spec[hezuo.ContactVisit]{
	read:  readVisit,
	dups:  []dupKey[hezuo.ContactVisit]{{"visited_on", "与第 %d 行重复（同一党员、同一户、同一日期）", "same visit as row %d", visitKey}},
	after: func(r *rowCtx, v *hezuo.ContactVisit) bool { return r.bounded(v, nil) },
	refs: func(v hezuo.ContactVisit) []colRef {
		return refsTo("household", RefHouse, v.Household, "id_number", RefPerson, v.IDNumber)
	},
	plan: planVisits,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.ContactVisits, func(v hezuo.ContactVisit) []any { return []any{v.IDNumber, v.Household, v.VisitedOn, v.Note} })
	},
}))

func visitKey(v hezuo.ContactVisit) string { return contactKey(v.IDNumber, v.Household, v.VisitedOn) }

func readVisit(r *rowCtx) (hezuo.ContactVisit, bool) {
	v := hezuo.ContactVisit{IDNumber: r.idNumber("id_number"), Household: Key(r.raw("household")), VisitedOn: r.date("visited_on", true),
		Note: r.text("note")}
	r.need("household", v.Household)
	if r.bad || !checkID(r, v.IDNumber, "id_number") {
		return v, false
	}
	if r.future("visited_on", v.VisitedOn, "走访日期 %s 晚于今天 %s，尚未发生", "visited on %s, after today (%s)") {
		return v, false
	}
	return v, true
}

func planVisits(b *Batch, have *hezuo.Dataset, rows []row[hezuo.ContactVisit]) *Plan {
	stored := keyed(have.ContactVisits, visitKey)
	links := map[string][]hezuo.Period{}
	for _, c := range have.ContactLinks {
		links[c.IDNumber+"|"+c.Household] = append(links[c.IDNumber+"|"+c.Household], c.Period)
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		v := row.rec
		linked := false
		for _, per := range links[v.IDNumber+"|"+v.Household] {
			linked = linked || per.ActiveOn(v.VisitedOn)
		}
		if !linked {
			b.fail(row.num, "household", "走访当日该党员与户 "+v.Household+" 没有联系关系（请先导入党员联系户）",
				"the member is not linked with household "+v.Household+" on the day of the visit (import the linked households first)")
			continue
		}
		old, exists := stored[visitKey(v)]
		keep(b, "note", &v.Note, old.Note)
		put(p, &p.Write.ContactVisits, v, exists, exists && old != v)
	}
	return p
}
