package xlsx

import "hezuo"

// unitPairingsKind is 包村联户: the key is 单位代码 + the org or village +
// 开始日期; a known key updates the note and end date.
var unitPairingsKind = addKind(140, kindOf(&Schema{Kind: "unit-pairings", Sheet: "包村联户", ZH: "包村联户", EN: "unit pairing", KeyZH: "单位代码 + 组织编号或村 + 开始日期",
	TitleZH: "包村联户", TitleEN: "Unit pairings", platform: true,
	Columns: []Column{
		{Key: "unit", ZH: "单位代码", Type: TKey, Required: true, Text: true, Example: "U-NYJ", NoteZH: "帮扶单位的代码（须已登记）", NoteEN: "the unit's code (registered)"},
		{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, Example: "WQ-HZS-001", NoteZH: "帮扶的合作组织（与村二选一）", NoteEN: "the org paired with (or a village)"},
		{Key: "village", ZH: "村", Aliases: []string{"所包村"}, Type: TCode, Text: true, NoteZH: "帮扶的村，12 位代码（与组织编号二选一）", NoteEN: "the village paired with, 12 digits (or an org)"},
		{Key: "note", ZH: "帮扶内容", Type: TText, Example: "资金、项目、技术指导", NoteZH: "可选", NoteEN: "optional; what the unit does"},
		{Key: "from", ZH: "开始日期", Type: TDate, Required: true, Example: "2016-01-01", NoteZH: "结对开始日期", NoteEN: "start"},
		{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选", NoteEN: "optional; end"},
	},
}, spec[hezuo.UnitPairing]{
	read: readUnitPairing,
	dups: []dupKey[hezuo.UnitPairing]{{"from", "与第 %d 行重复（同一单位、同一对象、同一开始日期）", "same pairing as row %d", unitPairingKey}},
	probe: func(ds *hezuo.Dataset, p hezuo.UnitPairing) {
		if p.OrgNo != "" {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: p.OrgNo})
		} else {
			ds.Divisions = append(ds.Divisions, hezuo.Division{Code: p.Village})
		}
	},
	refs: func(p hezuo.UnitPairing) []colRef {
		return refsTo("village", RefDivision, p.Village, "org_id", RefOrg, p.OrgNo)
	},
	plan: planUnitPairings,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.UnitPairings, func(p hezuo.UnitPairing) []any { return []any{p.Unit, p.OrgNo, p.Village, p.Note, p.From, p.To} })
	},
}))

func unitPairingKey(p hezuo.UnitPairing) string {
	return p.Unit + "|" + p.Target() + "|" + p.From.String()
}

func readUnitPairing(r *rowCtx) (hezuo.UnitPairing, bool) {
	p := hezuo.UnitPairing{Unit: Key(r.raw("unit")), OrgNo: Key(r.raw("org_id")), Village: r.code("village"), Note: r.text("note"),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("unit", p.Unit)
	if r.bad || !r.domain(p.Validate(), nil) {
		return p, false
	}
	return p, true
}

func planUnitPairings(b *Batch, have *hezuo.Dataset, rows []row[hezuo.UnitPairing]) *Plan {
	units, orgs, divs := unitSet(have), orgSet(have), divisionSet(have)
	stored := keyed(have.UnitPairings, unitPairingKey)
	plan := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		p, n := row.rec, len(b.Problems)
		fail := func(key, zh, en string) { b.fail(row.num, key, zh, en) }
		if !units[p.Unit] {
			fail("unit", "未知的单位代码 "+p.Unit, "unknown unit "+p.Unit)
		}
		if p.OrgNo != "" && !orgs[p.OrgNo] {
			fail("org_id", "未知的组织编号 "+p.OrgNo, "unknown org_id "+p.OrgNo)
		}
		if p.Village != "" && !divs[p.Village] {
			fail("village", "未知的村 "+p.Village+"（请先导入区划）", "unknown village "+p.Village)
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[unitPairingKey(p)]
		keep(b, "note", &p.Note, old.Note)
		put(plan, &plan.Write.UnitPairings, p, exists, exists && (old.Note != p.Note || !old.To.Equal(p.To)))
	}
	return plan
}
