package xlsx

import (
	"fmt"
	"strings"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "members", Sheet: "成员", ZH: "成员", EN: "member", KeyZH: "身份证号 + 组织编号",
		Columns: []Column{
			{Key: "id_number", ZH: "身份证号", Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "18 位居民身份证号，末位可为 X（小写 x 亦可）", NoteEN: "18-character resident ID number; the last may be X"},
			{Key: "name", ZH: "姓名", Type: TText, Required: true, Example: "张桂兰", NoteZH: "姓名", NoteEN: "name"},
			{Key: "org_id", ZH: "组织编号", Type: TKey, Required: true, Text: true, Example: "WQ-HZS-001",
				NoteZH: "所在合作组织的组织编号（须已导入）", NoteEN: "the org's number (import orgs first)"},
			{Key: "joined", ZH: "加入日期", Type: TDate, Required: true, Example: "2016-05-01",
				NoteZH: "加入该组织的日期", NoteEN: "date the person joined the org"},
			{Key: "political_status", ZH: "政治面貌", Type: TEnum, Required: true, Choices: []string{"中共党员", "中共预备党员", "群众"},
				Example: "中共党员", NoteZH: "中共党员（已转正）、中共预备党员或群众", NoteEN: "中共党员 (full, converted), 中共预备党员 (probationary) or 群众 (none)"},
			{Key: "activist", ZH: "是否入党积极分子", Type: TBool, Choices: []string{"是", "否"}, Example: "否",
				NoteZH: "群众中的入党积极分子填 是", NoteEN: "是 for an activist (not yet a party member)"},
			{Key: "technical_talent", ZH: "是否专业技术人才", Type: TBool, Choices: []string{"是", "否"}, Example: "是",
				NoteZH: "农村专业技术人才填 是", NoteEN: "是 for a rural technical talent"},
			{Key: "phone", ZH: "联系电话", Type: TCode, Text: true, Example: "13904331234", NoteZH: "手机或座机", NoteEN: "phone"},
			{Key: "left", ZH: "退出日期", Type: TDate, NoteZH: "可选；已退出该组织时填写。退出日期是不再是成员的第一天（当天起不计为成员）",
				NoteEN: "optional; when the person left the org: the first day no longer a member (not counted from that day)"},
			{Key: hezuo.FieldJoinedParty, ZH: "入党日期", Aliases: []string{"party_joined"}, Type: TDate, Example: "2010-07-01",
				NoteZH: "可选；党员、预备党员的入党日期，即支部大会通过接收为预备党员之日（党章第七条），正式党员自转正起计。未填时入党日期不详：新登记人员按加入日期、已登记人员按导入之日计，检查页和报告列出这些党员，请补录",
				NoteEN: "optional; the day admitted as a probationary member (party constitution, Art. 7); full membership starts at conversion. When empty the date is unknown: the status counts from the joined date (a person already registered: from the import day), and the check page and the report list such members to complete"},
			{Key: hezuo.FieldFullSince, ZH: "转正日期", Type: TDate, Example: "2011-07-01",
				NoteZH: "可选；中共党员的转正日期，不早于入党日期满一年、不晚于今天。中共党员未填转正日期的，按入党日期满一年推定转正（满一年之日为次年对应日，无对应日的为当月末日，民法典第二百零二条）；中共预备党员不填",
				NoteEN: "optional; a full member's conversion day, at least a year after joining and not after today. Left empty for a 中共党员, conversion is presumed a year after the joining date (the corresponding day, or the month's last day when none: Civil Code Art. 202); empty for a 中共预备党员"},
			{Key: "role", ZH: "职务", Type: TText, Example: "理事长", NoteZH: "可选；理事长、会长、成员等", NoteEN: "optional; role in the org"},
			{Key: "village", ZH: "所在村", Type: TCode, Text: true, NoteZH: "可选；本人户籍所在村 12 位代码", NoteEN: "optional; home village code"},
			{Key: "leader", ZH: "是否致富能手或技术骨干", Aliases: []string{"是否致富能手", "是否技术骨干"}, Type: TBool,
				Choices: []string{"是", "否"}, NoteZH: "可选", NoteEN: "optional; 致富能手 or 技术骨干"},
		},
		rows:   func() kindRows { return &memberRows{people: map[string]int{}, keys: map[memberKey]int{}} },
		export: exportMembers,
	})
}

// Party levels a member row can state, in order.
const (
	levelNone = iota
	levelActivist
	levelProbationary
	levelFull
)

var levelStatus = [...]string{levelActivist: hezuo.StatusActivist, levelProbationary: hezuo.StatusProbationary, levelFull: hezuo.StatusFull}

// levelNames names levels for messages.
var levelNames = [...][2]string{{"群众", "not a party member"}, {"入党积极分子", "activist"}, {"中共预备党员", "probationary member"}, {"中共党员", "full member"}}

// parseLevel reads 政治面貌.
func parseLevel(s string) (int, bool) {
	switch strings.ToLower(strings.ReplaceAll(Text(Fold(s)), " ", "")) {
	case "中共党员", "党员", "正式党员", "中共正式党员", "中国共产党党员", "full", "partymember":
		return levelFull, true
	case "中共预备党员", "预备党员", "probationary":
		return levelProbationary, true
	case "入党积极分子", "积极分子", "activist":
		return levelActivist, true
	case "群众", "共青团员", "团员", "无党派人士", "民主党派", "none", "masses":
		return levelNone, true
	}
	return 0, false
}

// levelOf maps a stored party status to the level a row states.
func levelOf(status string) int {
	switch status {
	case hezuo.StatusFull:
		return levelFull
	case hezuo.StatusProbationary:
		return levelProbationary
	case hezuo.StatusActivist, hezuo.StatusCandidate:
		return levelActivist
	}
	return levelNone
}

type memberRow struct {
	num            int
	person         hezuo.Person
	m              hezuo.Membership
	level          int
	partyDate      hezuo.Date // 入党日期
	fullSince      hezuo.Date // 转正日期
	talent, leader bool
	earliest       hezuo.Date // on a person's first row: the earliest joined date of all their rows
	prev           int        // the index of the previous row of the same ID number and org_id, -1 when none
}

// memberRows converts rows of members. A row is a membership (key 身份证号 +
// 组织编号, and 加入日期 when one person joined an org twice) and states the
// person's name, phone, flags and current party status; rows of one person
// must agree on those.
type memberRows struct {
	rows   []memberRow
	people map[string]int    // ID number → index of the person's first row
	keys   map[memberKey]int // ID number + org_id → index of its last row (the others chained by prev)
}

// memberKey is a membership's key in a file: ID number and org_id (a
// struct, not a joined string: no string made per row and lookup).
type memberKey struct{ id, org string }

func (mr *memberRows) add(r *rowCtx) {
	row := memberRow{num: r.num}
	id := r.idNumber("id_number")
	name := r.text("name")
	r.need("name", name)
	org := Key(r.raw("org_id"))
	r.need("org_id", org)
	from, to := r.date("joined", true), r.date("left", false)
	if s := r.raw("political_status"); r.need("political_status", Text(s)) {
		var ok bool
		if row.level, ok = parseLevel(s); !ok {
			r.fail("political_status", fmt.Sprintf("政治面貌 %q 无效，应为 中共党员、中共预备党员 或 群众", Text(s)),
				fmt.Sprintf("political status %q invalid: 中共党员, 中共预备党员 or 群众", Text(s)))
		}
	}
	if r.boolean("activist") {
		if row.level >= levelProbationary {
			r.fail("activist", "党员不应同时登记为入党积极分子", "a party member cannot also be an activist")
		} else {
			row.level = levelActivist
		}
	}
	row.talent, row.leader = r.boolean("technical_talent"), r.boolean("leader")
	row.partyDate, row.fullSince = r.date(hezuo.FieldJoinedParty, false), r.date(hezuo.FieldFullSince, false)
	if !row.partyDate.IsZero() && row.level < levelProbationary && !r.bad {
		r.fail(hezuo.FieldJoinedParty, "填写了入党日期，但政治面貌不是党员", "a party joining date is given but the person is not a party member")
	}
	if !row.fullSince.IsZero() && row.level < levelFull && !r.bad {
		r.fail(hezuo.FieldFullSince, "填写了转正日期，但政治面貌不是中共党员", "a conversion date is given but the person is not a full member")
	}
	row.person = hezuo.Person{IDNumber: id, Name: name, Phone: Text(Fold(r.raw("phone"))), Village: r.code("village")}
	row.m = hezuo.Membership{IDNumber: id, OrgNo: org, Role: r.text("role"), Period: hezuo.Period{From: from, To: to}}
	if r.bad {
		return
	}
	if err := row.person.Validate(r.b.today); err != nil {
		r.domain(err, nil)
		return
	}
	if err := row.m.Period.Validate(""); err != nil {
		r.domain(err, map[string]string{"from": "joined", "to": "left"})
		return
	}
	if !r.bounded(&row.m, map[string]string{"from": "joined", "to": "left"}) {
		return
	}
	if from.Before(row.person.BirthDate) {
		r.fail("joined", "加入日期早于身份证号中的出生日期", "joined before the birth date in the ID number")
		return
	}
	if mr.conflicts(r, &row) {
		return
	}
	k := memberKey{id, org}
	row.prev = -1
	if last, ok := mr.keys[k]; ok {
		row.prev = last
	}
	mr.keys[k] = len(mr.rows)
	if j, ok := mr.people[id]; !ok {
		mr.people[id] = len(mr.rows)
		row.earliest = from
	} else if from.Before(mr.rows[j].earliest) {
		mr.rows[j].earliest = from
	}
	if len(mr.rows) == cap(mr.rows) {
		// Doubling: append grows a big slice by a quarter, copying these
		// large rows over and over.
		rows := make([]memberRow, len(mr.rows), max(1024, 2*cap(mr.rows)))
		copy(rows, mr.rows)
		mr.rows = rows
	}
	mr.rows = append(mr.rows, row)
}

// grow makes room for about n rows.
func (mr *memberRows) grow(n int) {
	if n > cap(mr.rows) {
		mr.rows = make([]memberRow, 0, n)
		mr.people, mr.keys = make(map[string]int, n), make(map[memberKey]int, n)
	}
}

// conflicts reports (and records) a row that repeats a membership of an
// earlier row or disagrees with an earlier row of the same person. The later
// row is the one named, with the earlier row's number.
func (mr *memberRows) conflicts(r *rowCtx, row *memberRow) bool {
	j, ok := mr.keys[memberKey{row.m.IDNumber, row.m.OrgNo}]
	for ; ok && j >= 0; j = mr.rows[j].prev {
		o := &mr.rows[j]
		if o.m.From.Equal(row.m.From) {
			r.fail("id_number", fmt.Sprintf("与第 %d 行重复（同一身份证号、组织编号和加入日期）", o.num),
				fmt.Sprintf("same ID number, org and joined date as row %d", o.num))
			return true
		}
		if overlap(o.m.Period, row.m.Period) {
			r.fail("joined", fmt.Sprintf("与第 %d 行同一人同一组织的成员时段重叠", o.num),
				fmt.Sprintf("overlaps the membership of the same person in the same org on row %d", o.num))
			return true
		}
	}
	j, ok = mr.people[row.m.IDNumber]
	if !ok {
		return false
	}
	o := &mr.rows[j]
	differ := func(key string, same bool, was string) {
		if !same {
			r.fail(key, fmt.Sprintf("同一身份证号在第 %d 行为“%s”，两行不一致", o.num, was),
				fmt.Sprintf("the same ID number has %q on row %d; the rows disagree", was, o.num))
		}
	}
	differ("name", o.person.Name == row.person.Name, o.person.Name)
	differ("political_status", o.level == row.level, levelNames[o.level][0])
	differ(hezuo.FieldJoinedParty, o.partyDate.Equal(row.partyDate), o.partyDate.String())
	differ(hezuo.FieldFullSince, o.fullSince.Equal(row.fullSince), o.fullSince.String())
	differ("phone", o.person.Phone == row.person.Phone, o.person.Phone)
	differ("village", o.person.Village == row.person.Village, o.person.Village)
	differ("technical_talent", o.talent == row.talent, yesNo(o.talent))
	differ("leader", o.leader == row.leader, yesNo(o.leader))
	return r.bad
}

func (mr *memberRows) finish(*Batch) {}

func (mr *memberRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{People: make([]hezuo.Person, 0, len(mr.people)), Memberships: make([]hezuo.Membership, len(mr.rows))}
	for i := range mr.rows {
		if mr.people[mr.rows[i].person.IDNumber] == i {
			ds.People = append(ds.People, mr.rows[i].person)
		}
		ds.Memberships[i] = mr.rows[i].m
	}
	return ds
}
