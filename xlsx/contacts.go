package xlsx

import "hezuo"

// contactsKind is 党员联系户: the key is 党员身份证号 + 户编号 + 开始日期; a
// known key updates the end date.
var contactsKind = addKind(150, kindOf(&Schema{Kind: "contacts", Sheet: "党员联系户", ZH: "党员联系户", EN: "linked household", KeyZH: "党员身份证号 + 户编号 + 开始日期",
	TitleZH: "党员联系户", TitleEN: "Linked households", platform: true,
	Columns: []Column{
		idColumn("党员身份证号", "联系农户的党员（开始日期时须为党员）", "the party member (a member on the start day)", "身份证号"),
		{Key: "household", ZH: "户编号", Type: TKey, Required: true, Text: true, Example: "NH-0001", NoteZH: "所联系农户的编号（须已登记）", NoteEN: "the household (registered)"},
		{Key: "from", ZH: "开始日期", Type: TDate, Required: true, Example: "2021-01-01", NoteZH: "联系开始日期", NoteEN: "start"},
		{Key: "to", ZH: "结束日期", Type: TDate, NoteZH: "可选", NoteEN: "optional; end"},
	},
}, spec[hezuo.ContactLink]{
	read: readContact,
	dups: []dupKey[hezuo.ContactLink]{{"from", "与第 %d 行重复（同一党员、同一户、同一开始日期）", "same link as row %d",
		func(c hezuo.ContactLink) string { return contactKey(c.IDNumber, c.Household, c.From) }}},
	after: func(r *rowCtx, c *hezuo.ContactLink) bool { return r.bounded(c, nil) },
	probe: func(ds *hezuo.Dataset, c hezuo.ContactLink) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: c.IDNumber})
	},
	refs: func(c hezuo.ContactLink) []colRef {
		return refsTo("household", RefHouse, c.Household, "id_number", RefPerson, c.IDNumber)
	},
	plan: planContacts,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.ContactLinks, func(c hezuo.ContactLink) []any { return []any{c.IDNumber, c.Household, c.From, c.To} })
	},
}))

// contactKey is the key of a link or a visit.
func contactKey(id, household string, from hezuo.Date) string {
	return id + "|" + household + "|" + from.String()
}

func readContact(r *rowCtx) (hezuo.ContactLink, bool) {
	c := hezuo.ContactLink{IDNumber: r.idNumber("id_number"), Household: Key(r.raw("household")),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("household", c.Household)
	if r.bad || !checkID(r, c.IDNumber, "id_number") {
		return c, false
	}
	if !r.domain(c.Period.Validate("联系户 "+c.Household), nil) {
		return c, false
	}
	return c, true
}

func planContacts(b *Batch, have *hezuo.Dataset, rows []row[hezuo.ContactLink]) *Plan {
	households := keysOf(have.Households, func(h hezuo.Household) string { return h.No })
	stored := keyed(have.ContactLinks, func(c hezuo.ContactLink) string { return contactKey(c.IDNumber, c.Household, c.From) })
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		c, n := row.rec, len(b.Problems)
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
		keep(b, "to", &c.To, old.To)
		put(p, &p.Write.ContactLinks, c, exists, exists && !old.To.Equal(c.To))
	}
	return p
}
