package xlsx

import (
	"fmt"

	"hezuo"
)

// povertyChoices maps the accepted 贫困状态 cells to poverty statuses.
var povertyChoices = map[string]string{"建档立卡贫困户": hezuo.PovertyRegistered, "贫困户": hezuo.PovertyRegistered, "是": hezuo.PovertyRegistered,
	"低收入户": hezuo.PovertyLowIncome, "边缘户": hezuo.PovertyLowIncome, "一般农户": hezuo.PovertyNone, "否": hezuo.PovertyNone,
	hezuo.PovertyRegistered: hezuo.PovertyRegistered, hezuo.PovertyLowIncome: hezuo.PovertyLowIncome, hezuo.PovertyNone: hezuo.PovertyNone}

// pairingsKind is 结对帮扶: each row carries the household, created or
// updated by its 户编号, and the pairing, keyed by 党员身份证号 + 户编号 +
// 结对日期. Rows of one household must agree on it.
var pairingsKind = addKind(130, kindOf(&Schema{Kind: "pairings", Sheet: "结对帮扶", ZH: "结对帮扶", EN: "household pairing", KeyZH: "党员身份证号 + 户编号 + 结对日期",
	TitleZH: "结对帮扶", TitleEN: "Household pairings", platform: true,
	Columns: []Column{
		idColumn("党员身份证号", "结对党员的身份证号（结对时须为党员）", "the paired party member's ID number", "身份证号"),
		{Key: "household", ZH: "户编号", Type: TKey, Required: true, Text: true, Example: "NH-0001", NoteZH: "农户唯一编号", NoteEN: "the household's number"},
		{Key: "head", ZH: "户主姓名", Type: TText, Required: true, Example: "张大山", NoteZH: "户主姓名", NoteEN: "head of household"},
		{Key: "village", ZH: "所在村", Type: TCode, Required: true, Text: true, Example: "222424103201", NoteZH: "12 位村级区划代码", NoteEN: "12-digit village code"},
		{Key: "size", ZH: "户人口", Type: TInt, Required: true, Example: "4", NoteZH: "家庭人口", NoteEN: "people in the household"},
		{Key: "poverty", ZH: "贫困状态", Aliases: []string{"是否贫困户"}, Type: TEnum, Required: true, Choices: []string{"建档立卡贫困户", "低收入户", "一般农户"},
			Example: "建档立卡贫困户", NoteZH: "建档立卡贫困户、低收入户或一般农户（是/否 亦可）", NoteEN: "registered poor, low income or none"},
		{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, NoteZH: "可选；党员所在的合作组织", NoteEN: "optional; the member's org"},
		{Key: "help", ZH: "帮扶内容", Type: TText, Example: "实用技术", NoteZH: "致富信息、实用技术、生产发展资金、发展项目等", NoteEN: "help given"},
		{Key: "from", ZH: "结对日期", Type: TDate, Required: true, Example: "2016-03-01", NoteZH: "结对开始日期", NoteEN: "start"},
		{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选", NoteEN: "optional; end"},
		{Key: "left_poverty_on", ZH: "脱贫日期", Type: TDate, Example: "2019-12-31", NoteZH: "可选；该户脱贫日期", NoteEN: "optional; day the household left poverty"},
		{Key: "people_out", ZH: "脱贫人数", Type: TInt, Example: "4", NoteZH: "可选；脱贫人口数", NoteEN: "optional; people out of poverty"},
	},
}, spec[pairingRow]{
	read:  readPairing,
	group: func(r pairingRow) string { return r.h.No },
	clash: func(r *rowCtx, o row[pairingRow], row pairingRow) bool {
		if o.rec.h != row.h {
			r.fail("household", fmt.Sprintf("与第 %d 行的同一户信息不一致", o.num), fmt.Sprintf("disagrees with row %d about the same household", o.num))
			return true
		}
		return false
	},
	dups: []dupKey[pairingRow]{{"from", "与第 %d 行重复（同一党员、同一户、同一结对日期）", "same pairing as row %d",
		func(r pairingRow) string { return pairingKey(r.p) }}},
	probe: func(ds *hezuo.Dataset, r pairingRow) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.p.IDNumber, Village: r.h.Village})
		if r.p.OrgNo != "" {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: r.p.OrgNo})
		}
	},
	refs: func(r pairingRow) []colRef {
		return refsTo("village", RefDivision, r.h.Village, "household", RefHouse, r.h.No, "id_number", RefPerson, r.p.IDNumber,
			"org_id", RefOrg, r.p.OrgNo)
	},
	plan:   planPairings,
	export: exportPairings,
}))

// pairingRow is a pairing's row: the household and the pairing.
type pairingRow struct {
	h hezuo.Household
	p hezuo.HouseholdPairing
}

func pairingKey(p hezuo.HouseholdPairing) string {
	return p.IDNumber + "|" + p.Household + "|" + p.From.String()
}

func readPairing(r *rowCtx) (pairingRow, bool) {
	h := hezuo.Household{No: Key(r.raw("household")), Head: r.text("head"), Village: r.code("village"), Size: r.integer("size"),
		LeftPovertyOn: r.date("left_poverty_on", false), PeopleOut: r.integer("people_out")}
	p := hezuo.HouseholdPairing{IDNumber: r.idNumber("id_number"), Household: h.No, OrgNo: Key(r.raw("org_id")), Help: r.text("help"),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("household", h.No)
	r.need("head", h.Head)
	r.need("village", h.Village)
	h.Poverty = parsed(r, "poverty", among(povertyChoices), "贫困状态 %q 无效（建档立卡贫困户、低收入户或一般农户）", "poverty status %q is not valid")
	if r.bad || !checkID(r, p.IDNumber, "id_number") {
		return pairingRow{}, false
	}
	if !r.domain(h.Validate(), nil) {
		return pairingRow{}, false
	}
	if !r.domain(p.Validate(), nil) {
		return pairingRow{}, false
	}
	return pairingRow{h: h, p: p}, true
}

func planPairings(b *Batch, have *hezuo.Dataset, rows []row[pairingRow]) *Plan {
	divs, orgs := divisionSet(have), orgSet(have)
	households := keyed(have.Households, func(h hezuo.Household) string { return h.No })
	stored := keyed(have.HouseholdPairings, pairingKey)
	written := map[string]bool{}
	plan := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		h, p, n := row.rec.h, row.rec.p, len(b.Problems)
		fail := func(key, zh, en string) { b.fail(row.num, key, zh, en) }
		if !divs[h.Village] || hezuo.LevelOf(h.Village) != hezuo.LevelVillage {
			fail("village", "未知的村 "+h.Village+"（请先导入区划）", "unknown village "+h.Village)
		}
		if p.OrgNo != "" && !orgs[p.OrgNo] {
			fail("org_id", "未知的组织编号 "+p.OrgNo, "unknown org_id "+p.OrgNo)
		}
		if !partyMemberOn(have, p.IDNumber, p.From) {
			fail("id_number", "此人在结对日期不是党员（正式或预备）", "not a party member on the pairing's start")
		}
		if len(b.Problems) > n {
			continue
		}
		oldH, hExists := households[h.No]
		hChanged := hExists && oldH != h
		if (!hExists || hChanged) && !written[h.No] {
			written[h.No] = true
			plan.Write.Households = append(plan.Write.Households, h)
		}
		old, exists := stored[pairingKey(p)]
		keep(b, "org_id", &p.OrgNo, old.OrgNo)
		changed := exists && (old.OrgNo != p.OrgNo || old.Help != p.Help || !old.To.Equal(p.To))
		if !exists || changed {
			plan.Write.HouseholdPairings = append(plan.Write.HouseholdPairings, p)
		}
		plan.count(!exists, changed || (exists && hChanged))
	}
	return plan
}

func exportPairings(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	households := map[string]*hezuo.Household{}
	for i := range ds.Households {
		households[ds.Households[i].No] = &ds.Households[i]
	}
	return table(ds.HouseholdPairings, func(p hezuo.HouseholdPairing) []any {
		h := households[p.Household]
		if h == nil {
			return nil
		}
		return []any{p.IDNumber, h.No, h.Head, h.Village, h.Size, hezuo.PovertyNames[h.Poverty], p.OrgNo, p.Help,
			p.From, p.To, h.LeftPovertyOn, h.PeopleOut}
	})
}
