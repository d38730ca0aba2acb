package xlsx

import (
	"fmt"
	"slices"

	"hezuo"
	"hezuo/rules"
)

// membersKind is the orgs' members: a row is a membership and states the
// person and their party status (memberRows).
var membersKind = addKind(30, &Schema{Kind: "members", Sheet: "成员", ZH: "成员", EN: "member", KeyZH: "身份证号 + 组织编号",
	TitleZH: "会员", TitleEN: "Members", settings: true,
	Columns: []Column{
		idColumn("身份证号", "18 位居民身份证号，末位可为 X（小写 x 亦可）", "18-character resident ID number; the last may be X"),
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
	if r.bad || !r.domain(row.person.Validate(r.b.today), nil) {
		return
	}
	if !r.domain(row.m.Period.Validate(""), map[string]string{"from": "joined", "to": "left"}) {
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

func (mr *memberRows) refs() []rowRefs {
	out := make([]rowRefs, len(mr.rows))
	for i, r := range mr.rows {
		out[i] = rowRefs{num: r.num, refs: refsTo("org_id", RefOrg, r.m.OrgNo, "id_number", RefPerson, r.person.IDNumber, "village", RefDivision, r.person.Village)}
	}
	return out
}

// plan merges member rows into the stored records:
//   - the person (key 身份证号) takes the row's name and, where the file has
//     the columns, phone, village and flags; a flag newly set dates from the
//     person's earliest joined date for a new person, from today otherwise;
//   - the membership (key 身份证号 + 组织编号) is the stored one with the same
//     加入日期, else — when the file has one row for the pair — the latest
//     stored one, whose dates the row corrects; else a new one;
//   - the party status only moves forward (群众 → 积极分子 → 预备党员 →
//     党员; a lower level than the person's today is a problem). A party
//     member's 政治面貌, 入党日期 and 转正日期 are a hezuo.PartyRecord,
//     validated and merged into the stored steps by hezuo.PartyRecord.Merge:
//     the dates describe the steps (probationary from 入党日期, full from
//     转正日期 or, when empty, 入党日期 + the probation), so a row whose
//     dates differ from the stored steps corrects them and the same row
//     again changes nothing; a party member without dates keeps the stored
//     steps of that status, else starts on the joined date (a new person)
//     or today, marked FromUnknown. An activist's step starts the same way.
func (mr *memberRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	orgs, villages := orgSet(have), villageSet(have)
	people := byKey(have.People, func(p *hezuo.Person) string { return p.IDNumber })
	memberships := map[memberKey][]*hezuo.Membership{}
	for i := range have.Memberships {
		m := &have.Memberships[i]
		k := memberKey{m.IDNumber, m.OrgNo}
		memberships[k] = append(memberships[k], m)
	}
	steps := map[string][]*hezuo.PartyStatus{}
	for i := range have.PartyStatus {
		s := &have.PartyStatus[i]
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}

	p := &Plan{Write: &hezuo.Dataset{People: make([]hezuo.Person, 0, len(mr.people)),
		Memberships: make([]hezuo.Membership, 0, len(mr.rows))}}
	bad := map[string]bool{} // people with a problem
	fail := func(row *memberRow, key, zh, en string) {
		b.Problems = append(b.Problems, b.problem(row.num, key, zh, en))
		bad[row.person.IDNumber] = true
	}
	for i := range mr.rows {
		row := &mr.rows[i]
		if !orgs[row.m.OrgNo] {
			fail(row, "org_id", "未知的组织编号 "+row.m.OrgNo+"（请先导入合作组织）", "unknown org_id "+row.m.OrgNo+" (import the orgs first)")
		}
		if v := row.person.Village; v != "" && !villages[v] {
			fail(row, "village", "未知的村 "+v+"（请先导入区划）", "unknown village "+v+" (import the divisions first)")
		}
	}

	// Per person, in ID number order (deterministic for the writer and for
	// tests; sorting the ID numbers is cheaper than sorting the people made):
	// the merged record and the party status change.
	ids := make([]string, 0, len(mr.people))
	for id := range mr.people {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	personChanged := make(map[string]bool, len(mr.people))
	probation := rules.Defaults().ProbationMonths
	if b.settings != nil {
		probation = b.settings.ProbationMonths
	}
	for _, id := range ids {
		row := &mr.rows[mr.people[id]] // the person's first row, whose earliest is their earliest joined date
		old := people[id]
		person, changed := mergePerson(b, row, old, row.earliest)
		if old == nil || changed {
			p.Write.People = append(p.Write.People, person)
		}
		moves, err := moveStatus(p, row, old, steps[id], b.today, probation)
		if err != nil {
			key := err.Field
			if key == "" {
				key = hezuo.FieldPoliticalStatus
			}
			fail(row, key, err.ZH, err.EN)
			continue
		}
		p.Write.PartyStatus = append(p.Write.PartyStatus, moves...)
		personChanged[id] = old != nil && (changed || len(moves) > 0)
	}

	merged := make([]hezuo.Membership, len(mr.rows))
	matched := map[int64]bool{} // stored memberships a row speaks of
	for i := range mr.rows {
		row := &mr.rows[i]
		k := memberKey{row.m.IDNumber, row.m.OrgNo}
		m, isNew, changed := mergeMembership(b, row, memberships[k], row.prev == -1 && mr.keys[k] == i)
		merged[i], matched[m.ID] = m, m.ID != 0
		if bad[row.person.IDNumber] {
			continue
		}
		if isNew || changed {
			p.Write.Memberships = append(p.Write.Memberships, m)
		}
		// A row that changes a stored person is a change even when its
		// membership is new: the preview's "new" never hides an update.
		p.count(isNew && !personChanged[row.person.IDNumber], changed || personChanged[row.person.IDNumber])
	}
	// A row's membership must not overlap a stored one of the same person
	// and org that no row speaks of.
	for i := range mr.rows {
		row := &mr.rows[i]
		for _, s := range memberships[memberKey{row.m.IDNumber, row.m.OrgNo}] {
			if !matched[s.ID] && overlap(merged[i].Period, s.Period) {
				fail(row, "joined", fmt.Sprintf("与系统中此人在该组织自 %s 起的成员记录时段重叠", s.From),
					fmt.Sprintf("overlaps the stored membership of this person in this org from %s", s.From))
			}
		}
	}
	return p
}

// mergeMembership finds the stored membership a row speaks of and overlays
// it; it reports whether the membership is new or changed.
func mergeMembership(b *Batch, row *memberRow, have []*hezuo.Membership, only bool) (hezuo.Membership, bool, bool) {
	var old *hezuo.Membership
	for _, m := range have {
		if m.From.Equal(row.m.From) {
			old = m
		}
	}
	if old == nil && only {
		for _, m := range have {
			if old == nil || m.From.After(old.From) {
				old = m
			}
		}
	}
	if old == nil {
		return row.m, true, false
	}
	m := *old
	m.From = row.m.From
	if b.has("left") {
		m.To = row.m.To
	}
	if b.has("role") {
		m.Role = row.m.Role
	}
	return m, false, !m.From.Equal(old.From) || !m.To.Equal(old.To) || m.Role != old.Role
}

// exportMembers writes one row per membership, with the person's party
// status as of today: 政治面貌, and 入党日期 and 转正日期 as the steps state
// them (hezuo.PartyRecordOf; a start marked unknown stays empty), so that
// importing the export changes nothing.
func exportMembers(ds *hezuo.Dataset, today hezuo.Date) [][]any {
	people := map[string]*hezuo.Person{}
	for i := range ds.People {
		people[ds.People[i].IDNumber] = &ds.People[i]
	}
	steps := map[string][]hezuo.PartyStatus{}
	for _, s := range ds.PartyStatus {
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}
	out := make([][]any, 0, len(ds.Memberships))
	for _, m := range ds.Memberships {
		p := people[m.IDNumber]
		if p == nil {
			continue
		}
		have := steps[m.IDNumber]
		rec := hezuo.PartyRecordOf(have, today)
		status, activist := "群众", false
		if rec.Status != "" {
			status = hezuo.StatusNames[rec.Status]
		} else if cur := currentStep(have, today); cur != nil {
			activist = levelOf(cur.Status) == levelActivist
		}
		out = append(out, []any{p.IDNumber, p.Name, m.OrgNo, m.From, status, yesNo(activist),
			yesNo(!p.TalentSince.IsZero()), p.Phone, m.To, rec.JoinedParty, rec.FullSince, m.Role, p.Village, yesNo(!p.LeaderSince.IsZero())})
	}
	return out
}
