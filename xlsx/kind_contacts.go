package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "contacts", Sheet: "党员联系户", ZH: "党员联系户", EN: "linked household", KeyZH: "党员身份证号 + 户编号 + 开始日期",
		Columns: []Column{
			{Key: "id_number", ZH: "党员身份证号", Aliases: []string{"身份证号"}, Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "联系农户的党员（开始日期时须为党员）", NoteEN: "the party member (a member on the start day)"},
			{Key: "household", ZH: "户编号", Type: TKey, Required: true, Text: true, Example: "NH-0001", NoteZH: "所联系农户的编号（须已登记）", NoteEN: "the household (registered)"},
			{Key: "from", ZH: "开始日期", Type: TDate, Required: true, Example: "2021-01-01", NoteZH: "联系开始日期", NoteEN: "start"},
			{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选", NoteEN: "optional; end"},
		},
		rows:   func() kindRows { return &contactRows{seen: map[string]int{}} },
		export: exportContacts,
	})
}

type contactRow struct {
	num int
	c   hezuo.ContactLink
}

// contactRows converts rows of 党员联系户: the key is 党员身份证号 + 户编号 +
// 开始日期; a known key updates the end date.
type contactRows struct {
	rows []contactRow
	seen map[string]int
}

func (cr *contactRows) platforms() {}

func contactKey(id, household string, from hezuo.Date) string {
	return id + "|" + household + "|" + from.String()
}

func (cr *contactRows) add(r *rowCtx) {
	c := hezuo.ContactLink{IDNumber: r.idNumber("id_number"), Household: Key(r.raw("household")),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("household", c.Household)
	if r.bad {
		return
	}
	if _, _, _, err := hezuo.ParseIDNumber(c.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return
	}
	if err := c.Period.Validate("联系户 " + c.Household); err != nil {
		r.domain(err, nil)
		return
	}
	k := contactKey(c.IDNumber, c.Household, c.From)
	if first, dup := cr.seen[k]; dup {
		r.fail("from", fmt.Sprintf("与第 %d 行重复（同一党员、同一户、同一开始日期）", first), fmt.Sprintf("same link as row %d", first))
		return
	}
	cr.seen[k] = r.num
	if !r.bounded(&c, nil) {
		return
	}
	cr.rows = append(cr.rows, contactRow{num: r.num, c: c})
}

func (cr *contactRows) finish(*Batch) {}

func (cr *contactRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range cr.rows {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.c.IDNumber})
	}
	return ds
}

func (cr *contactRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	households := map[string]bool{}
	for _, h := range have.Households {
		households[h.No] = true
	}
	stored := map[string]hezuo.ContactLink{}
	for _, c := range have.ContactLinks {
		stored[contactKey(c.IDNumber, c.Household, c.From)] = c
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range cr.rows {
		c, n := row.c, len(b.Problems)
		if !households[c.Household] {
			b.fail(row.num, "household", "未知的户编号 "+c.Household+"（请先导入结对帮扶或农户）", "unknown household "+c.Household)
		}
		if !partyMemberOn(have, c.IDNumber, c.From) {
			b.fail(row.num, "id_number", "此人在开始日期不是党员（正式或预备）", "not a party member on the start day")
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[contactKey(c.IDNumber, c.Household, c.From)]
		if exists && !b.has("to") {
			c.To = old.To
		}
		changed := exists && !old.To.Equal(c.To)
		if !exists || changed {
			p.Write.ContactLinks = append(p.Write.ContactLinks, c)
		}
		p.count(!exists, changed)
	}
	return p
}

func exportContacts(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.ContactLinks))
	for _, c := range ds.ContactLinks {
		out = append(out, []any{c.IDNumber, c.Household, c.From, c.To})
	}
	return out
}
