package xlsx

import (
	"fmt"
	"strings"

	"hezuo"
)

// officerPosts are the choices of 职务.
var officerPosts = func() []string {
	posts := make([]string, len(hezuo.Posts))
	for i, p := range hezuo.Posts {
		posts[i] = p.ZH
	}
	return posts
}()

// officersKind is the party organizations' officers: the key is 党组织编号
// + 身份证号 + 职务 (the role: 组织委员, 宣传委员 and 纪检委员 are 委员 with a
// duty, which a row with a known key updates) + 任职日期. The person must
// be on record.
var officersKind = addKind(50, kindOf(&Schema{Kind: "officers", Sheet: "任职", ZH: "党组织任职", EN: "officer", KeyZH: "党组织编号 + 身份证号 + 职务 + 任职日期",
	TitleZH: "党组织任职", TitleEN: "Officers",
	Columns: []Column{
		{Key: "party_org", ZH: "党组织编号", Aliases: []string{"party_org_id"}, Type: TKey, Required: true, Text: true, Example: "DZB-001",
			NoteZH: "任职的党组织编号（须已导入党组织）", NoteEN: "the party organization served (imported)"},
		idColumn("身份证号", "任职人员的身份证号（须已作为成员或人员导入，任职时为正式党员）", "the officer's ID number (imported as a member or person; a full party member on the start date)"),
		{Key: "name", ZH: "姓名", Type: TText, Example: "李明", NoteZH: "可选；填写时须与登记的姓名一致", NoteEN: "optional; must match the name on record"},
		{Key: "role", ZH: "职务", Type: TEnum, Required: true, Choices: officerPosts, Example: "书记",
			NoteZH: strings.Join(officerPosts, "、") + "（党小组长只设于产业党小组）", NoteEN: "the post: secretary, deputy, organization, publicity or discipline member, member, group leader"},
		{Key: "from", ZH: "任职日期", Type: TDate, Required: true, Example: "2021-01-10", NoteZH: "任职开始日期（不晚于今天）", NoteEN: "start (not after today)"},
		{Key: "to", ZH: "离任日期", Type: TDate, NoteZH: "可选；离任当天，即不再担任该职务的第一天", NoteEN: "optional; the first day no longer in office"},
	},
}, spec[officerRow]{
	read: readOfficer,
	dups: []dupKey[officerRow]{{"role", "与第 %d 行重复（同一党组织、人员、职务和任职日期）", "same party organization, person, post and start as row %d",
		func(r officerRow) string { return officerKey(&r.o) }}},
	probe: func(ds *hezuo.Dataset, r officerRow) { ds.Officers = append(ds.Officers, r.o) },
	refs: func(r officerRow) []colRef {
		return refsTo("party_org", RefPartyOrg, r.o.PartyOrg, "id_number", RefPerson, r.o.IDNumber)
	},
	plan:   planOfficers,
	export: exportOfficers,
}))

// officerRow is an officer's row: the post and the name given.
type officerRow struct {
	o    hezuo.Officer
	name string
}

// officerKey is an officer's key in the file and the store.
func officerKey(o *hezuo.Officer) string {
	return o.PartyOrg + "|" + o.IDNumber + "|" + o.Role + "|" + o.From.String()
}

func readOfficer(r *rowCtx) (officerRow, bool) {
	o := hezuo.Officer{PartyOrg: Key(r.raw("party_org")), IDNumber: r.idNumber("id_number"),
		Period: hezuo.Period{From: r.date("from", true), To: r.date("to", false)}}
	r.need("party_org", o.PartyOrg)
	if s := r.text("role"); r.need("role", s) {
		post, ok := hezuo.ParsePost(s)
		if !ok {
			r.fail("role", fmt.Sprintf("职务 %q 无效，应为 %s", s, strings.Join(r.b.Schema.Column("role").Choices, "、")),
				fmt.Sprintf("post %q invalid: %s", s, strings.Join(r.b.Schema.Column("role").Choices, ", ")))
		}
		o.Role, o.Duty = post.Role, post.Duty
	}
	name := r.text("name")
	if r.bad || !r.domain(o.Validate(r.b.today), nil) {
		return officerRow{}, false
	}
	return officerRow{o: o, name: name}, true
}

// planOfficers classifies the officers' rows: the party organization and the
// person must be on record (an unknown ID number is named by its row only),
// a name given must be the one on record, and every new or changed post is
// checked as the form checks it (hezuo.Officer.CheckPost) against the
// organization's posts as they will stand: those stored, with the file's
// rows in place of the stored ones of the same key and beside them. A row
// equal to the stored post is not judged again.
func planOfficers(b *Batch, have *hezuo.Dataset, rows []row[officerRow]) *Plan {
	pos := byKey(have.PartyOrgs, func(p *hezuo.PartyOrg) string { return p.No })
	people := map[string]string{} // ID number → name
	for _, p := range have.People {
		people[p.IDNumber] = p.Name
	}
	steps := map[string][]hezuo.PartyStatus{}
	for _, s := range have.PartyStatus {
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}
	stored := map[string]hezuo.Officer{}
	for _, o := range have.Officers {
		stored[officerKey(&o)] = o
	}
	_, hasTo := b.bind.idx["to"]
	type resolved struct {
		row            row[officerRow]
		exists, change bool
	}
	var ok []resolved
	for _, r := range rows {
		row, c := r.rec, rowCheck{b: b, num: r.num}
		if pos[row.o.PartyOrg] == nil {
			c.fail("party_org", "未知的党组织编号 "+row.o.PartyOrg+"（请先导入党组织）", "unknown party organization "+row.o.PartyOrg+" (import the party organizations first)")
		}
		name, known := people[row.o.IDNumber]
		switch {
		case !known:
			c.fail("id_number", "此身份证号未登记（请先作为成员或人员导入）", "no person with this ID number is on record (import them as a member or person first)")
		case row.name != "" && row.name != name:
			c.fail("name", "姓名与该身份证号登记的姓名不一致", "the name differs from the one on record for this ID number")
		}
		if c.failed {
			continue
		}
		old, exists := stored[officerKey(&row.o)]
		if exists && !hasTo {
			row.o.To = old.To
		}
		change := exists && (!row.o.To.Equal(old.To) || row.o.Duty != old.Duty)
		r.rec = row
		ok = append(ok, resolved{r, exists, change})
	}
	// The posts of each organization as they will stand.
	final := map[string][]hezuo.Officer{}
	inFile := map[string]bool{}
	for _, r := range ok {
		inFile[officerKey(&r.row.rec.o)] = true
		final[r.row.rec.o.PartyOrg] = append(final[r.row.rec.o.PartyOrg], r.row.rec.o)
	}
	for _, o := range have.Officers {
		if !inFile[officerKey(&o)] {
			final[o.PartyOrg] = append(final[o.PartyOrg], o)
		}
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range ok {
		if !r.exists || r.change {
			o := r.row.rec.o
			if err := o.CheckPost(pos[o.PartyOrg], steps[o.IDNumber], final[o.PartyOrg]); err != nil {
				if e, isE := err.(*hezuo.Error); isE {
					b.fail(r.row.num, e.Field, e.ZH, e.EN)
				} else {
					b.fail(r.row.num, "", err.Error(), err.Error())
				}
				continue
			}
			p.Write.Officers = append(p.Write.Officers, o)
		}
		p.count(!r.exists, r.change)
	}
	return p
}

func exportOfficers(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	names := map[string]string{}
	for _, p := range ds.People {
		names[p.IDNumber] = p.Name
	}
	return table(ds.Officers, func(o hezuo.Officer) []any {
		return []any{o.PartyOrg, o.IDNumber, names[o.IDNumber], o.Post().ZH, o.From, o.To}
	})
}
