package xlsx

import "hezuo"

// meetingKinds maps the accepted 会议类型 cells to meeting kinds.
var meetingKinds = names(map[string]string{"党员大会": hezuo.MeetingMembers, "支委会会议": hezuo.MeetingCommittee,
	"支部委员会会议": hezuo.MeetingCommittee, "村企联席会议": hezuo.MeetingJoint, "联席会": hezuo.MeetingJoint,
	"民主评议": hezuo.MeetingAppraisal}, hezuo.MeetingNames, hezuo.MeetingNamesEN)

// meetingKindNote is the note of a 会议类型 column.
var meetingKindNote = "支部党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议党员 或 联席会议"

// meetingsKind is the party organizations' meetings: the key is 党组织编号
// + 会议类型 + 日期; a known key updates the topic, village party
// organization, participants and decisions. Attendances are the
// meeting-attendances KIND.
var meetingsKind = addKind(170, kindOf(&Schema{Kind: "meetings", Sheet: "会议", ZH: "组织生活会议", EN: "meeting", KeyZH: "党组织编号 + 会议类型 + 日期",
	TitleZH: "组织生活会议", TitleEN: "Meetings", platform: true,
	Columns: []Column{
		{Key: "party_org", ZH: "党组织编号", Type: TKey, Required: true, Text: true, Example: "DZZ-001",
			NoteZH: "召开会议的党组织编号（须已登记）", NoteEN: "the party organization holding the meeting (registered)"},
		{Key: "kind", ZH: "会议类型", Type: TEnum, Required: true, Choices: choices(hezuo.MeetingKinds, hezuo.MeetingNames), Example: "组织生活会",
			NoteZH: meetingKindNote, NoteEN: "members' meeting, committee, party group, lecture, theme day, life meeting, appraisal or joint meeting"},
		{Key: "held_on", ZH: "日期", Aliases: []string{"会议日期"}, Type: TDate, Required: true, Example: "2021-12-20", NoteZH: "会议日期", NoteEN: "date"},
		{Key: "topic", ZH: "议题", Aliases: []string{"会议议题", "主题"}, Type: TText, Required: true, Example: "年度组织生活会", NoteZH: "会议议题", NoteEN: "topic"},
		{Key: "village_party_org", ZH: "村党组织", Aliases: []string{"村党组织编号"}, Type: TKey, Text: true,
			NoteZH: "联席会议必填：参加的村党组织编号", NoteEN: "joint meetings: the village party organization's number"},
		{Key: "participants", ZH: "参加人员", Type: TText, Example: "全体党员", NoteZH: "可选", NoteEN: "optional; who took part"},
		{Key: "decisions", ZH: "决定事项", Type: TText, NoteZH: "可选；会议决定的事项", NoteEN: "optional; what was decided"},
	},
}, spec[hezuo.Meeting]{
	read: readMeeting,
	dups: []dupKey[hezuo.Meeting]{{"held_on", "与第 %d 行重复（同一党组织、同一类型、同一日期）", "same meeting as row %d", meetingKey}},
	probe: func(ds *hezuo.Dataset, m hezuo.Meeting) {
		ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: m.PartyOrg})
		if m.VillagePartyOrg != "" {
			ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: m.VillagePartyOrg})
		}
	},
	refs: func(m hezuo.Meeting) []colRef {
		return refsTo("party_org", RefPartyOrg, m.PartyOrg, "village_party_org", RefPartyOrg, m.VillagePartyOrg)
	},
	plan: planMeetings,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.Meetings, func(m hezuo.Meeting) []any {
			return []any{m.PartyOrg, hezuo.MeetingNames[m.Kind], m.HeldOn, m.Topic, m.VillagePartyOrg, m.Participants, m.Decisions}
		})
	},
}))

func meetingKey(m hezuo.Meeting) string { return m.Key() }

func readMeeting(r *rowCtx) (hezuo.Meeting, bool) {
	m := hezuo.Meeting{PartyOrg: Key(r.raw("party_org")), Kind: r.choice("kind", meetingKinds, true), HeldOn: r.date("held_on", true),
		Topic: r.text("topic"), VillagePartyOrg: Key(r.raw("village_party_org")), Participants: r.text("participants"),
		Decisions: r.text("decisions")}
	r.need("party_org", m.PartyOrg)
	r.need("topic", m.Topic)
	if r.bad || !r.domain(m.Validate(), nil) {
		return m, false
	}
	return m, true
}

func planMeetings(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Meeting]) *Plan {
	forms := map[string]string{}
	for _, p := range have.PartyOrgs {
		forms[p.No] = p.Form
	}
	stored := keyed(have.Meetings, meetingKey)
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		m, n := row.rec, len(b.Problems)
		if _, ok := forms[m.PartyOrg]; !ok {
			b.fail(row.num, "party_org", "未知的党组织编号 "+m.PartyOrg+"（请先导入党组织）", "unknown party organization "+m.PartyOrg+" (import the party organizations first)")
		}
		if v := m.VillagePartyOrg; v != "" {
			if form, ok := forms[v]; !ok {
				b.fail(row.num, "village_party_org", "未知的村党组织编号 "+v, "unknown village party organization "+v)
			} else if form != hezuo.FormVillage {
				b.fail(row.num, "village_party_org", v+" 不是村党组织", v+" is not a village party organization")
			}
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[m.Key()]
		if exists {
			keep(b, "village_party_org", &m.VillagePartyOrg, old.VillagePartyOrg)
			keep(b, "participants", &m.Participants, old.Participants)
			keep(b, "decisions", &m.Decisions, old.Decisions)
		}
		put(p, &p.Write.Meetings, m, exists, exists && old != m)
	}
	return p
}
