package xlsx

import (
	"fmt"

	"hezuo"
)

// fulfilments maps the accepted 践诺情况 cells to results.
var fulfilments = names(map[string]string{"已完成": hezuo.FulfilledAll, "完成": hezuo.FulfilledAll, "部分完成": hezuo.FulfilledPart,
	"未完成": hezuo.FulfilledNot}, hezuo.FulfilmentNames)

// commitmentsKind is 党员承诺: the key is 身份证号 + 年度; a known key
// updates the commitment and its fulfilment.
var commitmentsKind = addKind(190, kindOf(&Schema{Kind: "commitments", Sheet: "党员承诺", ZH: "党员承诺践诺", EN: "commitment", KeyZH: "身份证号 + 年度",
	TitleZH: "党员承诺践诺", TitleEN: "Commitments", platform: true,
	Columns: []Column{
		idColumn("身份证号", "作出承诺的党员（承诺日期时须为正式或预备党员）", "the party member (full or probationary on the day of the commitment)", "党员身份证号"),
		{Key: "year", ZH: "年度", Aliases: []string{"承诺年度"}, Type: TInt, Required: true, Example: "2021", NoteZH: "承诺年度，如 2021", NoteEN: "the year, e.g. 2021"},
		{Key: "party_org", ZH: "党组织编号", Type: TKey, Text: true, Example: "DZZ-001",
			NoteZH: "可选；作出承诺的党组织，留空为该党员组织关系所在的党组织", NoteEN: "optional; default the party organization holding the member's relation"},
		{Key: "made_on", ZH: "承诺日期", Type: TDate, Required: true, Example: "2021-02-01", NoteZH: "作出承诺的日期（承诺年度内或上一年末）", NoteEN: "the day it was made (in its year or at the end of the year before)"},
		{Key: "content", ZH: "承诺内容", Type: TText, Required: true, Example: "带动 5 户农户发展黑木耳种植", NoteZH: "承诺的事项", NoteEN: "what was promised"},
		{Key: "result", ZH: "践诺情况", Aliases: []string{"践诺结果"}, Type: TEnum, Choices: choices([]string{hezuo.FulfilledAll, hezuo.FulfilledPart, hezuo.FulfilledNot}, hezuo.FulfilmentNames),
			Example: "已践诺", NoteZH: "已践诺、部分践诺 或 未践诺；尚未评议留空", NoteEN: "fulfilled, partly or not; empty until assessed"},
		{Key: "fulfilled_on", ZH: "完成日期", Aliases: []string{"践诺日期"}, Type: TDate, Example: "2021-12-15", NoteZH: "评议践诺的日期；有践诺情况时必填", NoteEN: "the day it was assessed (with a result)"},
		{Key: "evidence", ZH: "佐证", Aliases: []string{"佐证材料"}, Type: TText, Example: "带动农户名单及收入台账", NoteZH: "已践诺时必填", NoteEN: "evidence, required when fulfilled"},
	},
}, spec[hezuo.Commitment]{
	read: readCommitment,
	dups: []dupKey[hezuo.Commitment]{{"year", "与第 %d 行重复（同一党员同一年度）", "same member and year as row %d", commitmentKey}},
	probe: func(ds *hezuo.Dataset, c hezuo.Commitment) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: c.IDNumber})
		if c.PartyOrg != "" {
			ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: c.PartyOrg})
		}
	},
	refs: func(c hezuo.Commitment) []colRef {
		return refsTo("id_number", RefPerson, c.IDNumber, "party_org", RefPartyOrg, c.PartyOrg)
	},
	plan: planCommitments,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.Commitments, func(c hezuo.Commitment) []any {
			return []any{c.IDNumber, c.Year, c.PartyOrg, c.MadeOn, c.Content, hezuo.FulfilmentNames[c.Result], c.FulfilledOn, c.Evidence}
		})
	},
}))

func commitmentKey(c hezuo.Commitment) string { return fmt.Sprintf("%s|%d", c.IDNumber, c.Year) }

func readCommitment(r *rowCtx) (hezuo.Commitment, bool) {
	c := hezuo.Commitment{IDNumber: r.idNumber("id_number"), Year: r.integer("year"), PartyOrg: Key(r.raw("party_org")),
		MadeOn: r.date("made_on", true), Content: r.text("content"), Result: r.choice("result", fulfilments, false),
		FulfilledOn: r.date("fulfilled_on", false), Evidence: r.text("evidence")}
	r.need("content", c.Content)
	if r.bad || !checkID(r, c.IDNumber, "id_number") {
		return c, false
	}
	if r.future("fulfilled_on", c.FulfilledOn, "完成日期 %s 晚于今天 %s", "assessed on %s, after today (%s)") {
		return c, false
	}
	probe := c
	if probe.PartyOrg == "" {
		probe.PartyOrg = "-" // resolved by the plan; the other fields are checked now
	}
	if !r.domain(probe.Validate(), nil) {
		return c, false
	}
	return c, true
}

// homePartyOrg returns the party organization holding the person's
// relation on day ("" when none is recorded).
func homePartyOrg(have *hezuo.Dataset, idNumber string, day hezuo.Date) string {
	for _, s := range have.PartyStatus {
		if s.IDNumber == idNumber && s.HomePartyOrg != "" && !day.Before(s.From) && (s.To.IsZero() || day.Before(s.To)) {
			return s.HomePartyOrg
		}
	}
	return ""
}

func planCommitments(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Commitment]) *Plan {
	pos, stored := partyOrgSet(have), keyed(have.Commitments, commitmentKey)
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		c, n := row.rec, len(b.Problems)
		old, exists := stored[commitmentKey(c)]
		if c.PartyOrg != "" && !pos[c.PartyOrg] {
			b.fail(row.num, "party_org", "未知的党组织编号 "+c.PartyOrg, "unknown party organization "+c.PartyOrg)
		}
		if !partyMemberOn(have, c.IDNumber, c.MadeOn) {
			b.fail(row.num, "id_number", fmt.Sprintf("此人在承诺日期 %s 不是党员（正式或预备），不能作出党员承诺", c.MadeOn),
				fmt.Sprintf("not a (full or probationary) party member on %s, so cannot make a party member's commitment", c.MadeOn))
		} else if c.PartyOrg == "" && exists {
			c.PartyOrg = old.PartyOrg // a stored commitment keeps its party organization
		} else if c.PartyOrg == "" {
			if c.PartyOrg = homePartyOrg(have, c.IDNumber, c.MadeOn); c.PartyOrg == "" {
				b.fail(row.num, "party_org", "该党员在承诺日期没有登记组织关系所在的党组织，请填写党组织编号",
					"no party organization holds the member's relation on that day: give the party organization")
			}
		}
		if len(b.Problems) > n {
			continue
		}
		put(p, &p.Write.Commitments, c, exists, exists && old != c)
	}
	return p
}
