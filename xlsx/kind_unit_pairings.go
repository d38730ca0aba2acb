package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "unit-pairings", Sheet: "包村联户", ZH: "包村联户", EN: "unit pairing", KeyZH: "单位代码 + 组织编号或村 + 开始日期",
		Columns: []Column{
			{Key: "unit", ZH: "单位代码", Type: TKey, Required: true, Text: true, Example: "U-NYJ", NoteZH: "帮扶单位的代码（须已登记）", NoteEN: "the unit's code (registered)"},
			{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, Example: "WQ-HZS-001", NoteZH: "帮扶的合作组织（与村二选一）", NoteEN: "the org paired with (or a village)"},
			{Key: "village", ZH: "村", Aliases: []string{"所包村"}, Type: TCode, Text: true, NoteZH: "帮扶的村，12 位代码（与组织编号二选一）", NoteEN: "the village paired with, 12 digits (or an org)"},
			{Key: "note", ZH: "帮扶内容", Type: TText, Example: "资金、项目、技术指导", NoteZH: "可选", NoteEN: "optional; what the unit does"},
			{Key: "from", ZH: "开始日期", Type: TDate, Required: true, Example: "2016-01-01", NoteZH: "结对开始日期", NoteEN: "start"},
			{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选", NoteEN: "optional; end"},
		},
		rows:   func() kindRows { return &unitPairingRows{seen: map[string]int{}} },
		export: exportUnitPairings,
	})
}

type unitPairingRow struct {
	num int
	p   hezuo.UnitPairing
}

// unitPairingRows converts rows of 包村联户: the key is 单位代码 + the org or
// village + 开始日期; a known key updates the note and end date.
type unitPairingRows struct {
	rows []unitPairingRow
	seen map[string]int
}

func (ur *unitPairingRows) platforms() {}

func (ur *unitPairingRows) add(r *rowCtx) {
	p := hezuo.UnitPairing{Unit: Key(r.raw("unit")), OrgNo: Key(r.raw("org_id")), Village: r.code("village"), Note: r.text("note"),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("unit", p.Unit)
	if r.bad {
		return
	}
	if err := p.Validate(); err != nil {
		r.domain(err, nil)
		return
	}
	k := p.Unit + "|" + p.Target() + "|" + p.From.String()
	if first, dup := ur.seen[k]; dup {
		r.fail("from", fmt.Sprintf("与第 %d 行重复（同一单位、同一对象、同一开始日期）", first), fmt.Sprintf("same pairing as row %d", first))
		return
	}
	ur.seen[k] = r.num
	ur.rows = append(ur.rows, unitPairingRow{num: r.num, p: p})
}

func (ur *unitPairingRows) finish(*Batch) {}

func (ur *unitPairingRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range ur.rows {
		if r.p.OrgNo != "" {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: r.p.OrgNo})
		} else {
			ds.Divisions = append(ds.Divisions, hezuo.Division{Code: r.p.Village})
		}
	}
	return ds
}

func (ur *unitPairingRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	units, orgs, divs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, u := range have.Units {
		units[u.Code] = true
	}
	for _, o := range have.Orgs {
		orgs[o.OrgNo] = true
	}
	for _, d := range have.Divisions {
		divs[d.Code] = true
	}
	stored := map[string]hezuo.UnitPairing{}
	for _, p := range have.UnitPairings {
		stored[p.Unit+"|"+p.Target()+"|"+p.From.String()] = p
	}
	plan := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range ur.rows {
		p, n := row.p, len(b.Problems)
		fail := func(key, zh, en string) { b.Problems = append(b.Problems, b.problem(row.num, key, zh, en)) }
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
		old, exists := stored[p.Unit+"|"+p.Target()+"|"+p.From.String()]
		if exists && !b.has("note") {
			p.Note = old.Note
		}
		changed := exists && (old.Note != p.Note || !old.To.Equal(p.To))
		if !exists || changed {
			plan.Write.UnitPairings = append(plan.Write.UnitPairings, p)
		}
		plan.count(!exists, changed)
	}
	return plan
}

func exportUnitPairings(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.UnitPairings))
	for _, p := range ds.UnitPairings {
		out = append(out, []any{p.Unit, p.OrgNo, p.Village, p.Note, p.From, p.To})
	}
	return out
}
