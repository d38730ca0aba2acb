package xlsx

import (
	"fmt"
	"strings"

	"hezuo"
)

func init() {
	posts := make([]string, len(hezuo.Posts))
	for i, p := range hezuo.Posts {
		posts[i] = p.ZH
	}
	addSchema(&Schema{Kind: "officers", Sheet: "任职", ZH: "党组织任职", EN: "officer", KeyZH: "党组织编号 + 身份证号 + 职务 + 任职日期",
		Columns: []Column{
			{Key: "party_org", ZH: "党组织编号", Aliases: []string{"party_org_id"}, Type: TKey, Required: true, Text: true, Example: "DZB-001",
				NoteZH: "任职的党组织编号（须已导入党组织）", NoteEN: "the party organization served (imported)"},
			{Key: "id_number", ZH: "身份证号", Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "任职人员的身份证号（须已作为成员或人员导入，任职时为正式党员）", NoteEN: "the officer's ID number (imported as a member or person; a full party member on the start date)"},
			{Key: "name", ZH: "姓名", Type: TText, Example: "李明", NoteZH: "可选；填写时须与登记的姓名一致", NoteEN: "optional; must match the name on record"},
			{Key: "role", ZH: "职务", Type: TEnum, Required: true, Choices: posts, Example: "书记",
				NoteZH: strings.Join(posts, "、") + "（党小组长只设于产业党小组）", NoteEN: "the post: secretary, deputy, organization, publicity or discipline member, member, group leader"},
			{Key: "from", ZH: "任职日期", Type: TDate, Required: true, Example: "2021-01-10", NoteZH: "任职开始日期（不晚于今天）", NoteEN: "start (not after today)"},
			{Key: "to", ZH: "离任日期", Type: TDate, NoteZH: "可选；离任当天，即不再担任该职务的第一天", NoteEN: "optional; the first day no longer in office"},
		},
		rows:   func() kindRows { return &officerRows{seen: map[string]int{}} },
		export: exportOfficers,
	})
}

type officerRow struct {
	num  int
	o    hezuo.Officer
	name string
}

// officerRows converts rows of officers: the key is 党组织编号 + 身份证号 +
// 职务 (the role: 组织委员, 宣传委员 and 纪检委员 are 委员 with a duty, which
// a row with a known key updates) + 任职日期. The person must be on record.
type officerRows struct {
	rows []officerRow
	seen map[string]int // key → row number
}

// officerKey is an officer's key in the file and the store.
func officerKey(o *hezuo.Officer) string {
	return o.PartyOrg + "|" + o.IDNumber + "|" + o.Role + "|" + o.From.String()
}

func (or *officerRows) add(r *rowCtx) {
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
	if r.bad {
		return
	}
	if err := o.Validate(r.b.today); err != nil {
		r.domain(err, nil)
		return
	}
	k := officerKey(&o)
	if first, dup := or.seen[k]; dup {
		r.fail("role", fmt.Sprintf("与第 %d 行重复（同一党组织、人员、职务和任职日期）", first),
			fmt.Sprintf("same party organization, person, post and start as row %d", first))
		return
	}
	or.seen[k] = r.num
	or.rows = append(or.rows, officerRow{num: r.num, o: o, name: name})
}

func (or *officerRows) finish(*Batch) {}

func (or *officerRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range or.rows {
		ds.Officers = append(ds.Officers, r.o)
	}
	return ds
}

func (or *officerRows) refs() []rowRefs {
	return refsEach(or.rows, func(r officerRow) rowRefs {
		return refsOf(r.num, "party_org", RefPartyOrg, r.o.PartyOrg, "id_number", RefPerson, r.o.IDNumber)
	})
}

func exportOfficers(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	names := map[string]string{}
	for _, p := range ds.People {
		names[p.IDNumber] = p.Name
	}
	out := make([][]any, 0, len(ds.Officers))
	for _, o := range ds.Officers {
		out = append(out, []any{o.PartyOrg, o.IDNumber, names[o.IDNumber], o.Post().ZH, o.From, o.To})
	}
	return out
}
