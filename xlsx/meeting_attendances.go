package xlsx

import (
	"fmt"

	"hezuo"
)

// meetingAttendancesKind is the meetings' attendances: the key is the
// meeting (党组织编号 + 会议类型 + 日期) and 身份证号. A row is new or
// unchanged: an attendance has nothing to update.
var meetingAttendancesKind = addKind(180, kindOf(&Schema{Kind: "meeting-attendances", Sheet: "参会", ZH: "参会记录", EN: "meeting attendance",
	KeyZH: "党组织编号 + 会议类型 + 日期 + 身份证号", TitleZH: "参会记录", TitleEN: "Meeting attendances", platform: true,
	Columns: []Column{
		{Key: "party_org", ZH: "党组织编号", Type: TKey, Required: true, Text: true, Example: "DZZ-001",
			NoteZH: "召开会议的党组织编号", NoteEN: "the party organization that held the meeting"},
		{Key: "kind", ZH: "会议类型", Type: TEnum, Required: true, Choices: choices(hezuo.MeetingKinds, hezuo.MeetingNames), Example: "组织生活会",
			NoteZH: meetingKindNote, NoteEN: "the meeting's kind"},
		{Key: "held_on", ZH: "日期", Aliases: []string{"会议日期"}, Type: TDate, Required: true, Example: "2021-12-20",
			NoteZH: "会议日期（会议须已导入且已举行）", NoteEN: "the meeting's date (imported, and not after today)"},
		idColumn("身份证号", "参会人员的身份证号（须已登记）", "the attendee's ID number (registered)"),
	},
}, spec[hezuo.MeetingAttendance]{
	read:  readMeetingAttendance,
	dups:  []dupKey[hezuo.MeetingAttendance]{{"id_number", "与第 %d 行重复（同一会议同一人）", "same person at the same meeting as row %d", meetingAttendanceKey}},
	after: func(r *rowCtx, a *hezuo.MeetingAttendance) bool { return r.bounded(a, nil) },
	probe: func(ds *hezuo.Dataset, a hezuo.MeetingAttendance) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: a.IDNumber})
	},
	refs: func(a hezuo.MeetingAttendance) []colRef {
		return refsTo("party_org", RefPartyOrg, a.PartyOrg, "id_number", RefPerson, a.IDNumber)
	},
	plan: planMeetingAttendances,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.MeetingAttendances, func(a hezuo.MeetingAttendance) []any {
			return []any{a.PartyOrg, hezuo.MeetingNames[a.Kind], a.HeldOn, a.IDNumber}
		})
	},
}))

func meetingOf(a hezuo.MeetingAttendance) string {
	m := hezuo.Meeting{PartyOrg: a.PartyOrg, Kind: a.Kind, HeldOn: a.HeldOn}
	return m.Key()
}

func meetingAttendanceKey(a hezuo.MeetingAttendance) string { return meetingOf(a) + "|" + a.IDNumber }

func readMeetingAttendance(r *rowCtx) (hezuo.MeetingAttendance, bool) {
	a := hezuo.MeetingAttendance{PartyOrg: Key(r.raw("party_org")), Kind: r.choice("kind", meetingKinds, true),
		HeldOn: r.date("held_on", true), IDNumber: r.idNumber("id_number")}
	r.need("party_org", a.PartyOrg)
	return a, !r.bad && checkID(r, a.IDNumber, "id_number")
}

func planMeetingAttendances(b *Batch, have *hezuo.Dataset, rows []row[hezuo.MeetingAttendance]) *Plan {
	people, meetings := personSet(have), keysOf(have.Meetings, meetingKey)
	stored := keysOf(have.MeetingAttendances, meetingAttendanceKey)
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		a, n := row.rec, len(b.Problems)
		name := a.PartyOrg + " " + hezuo.MeetingNames[a.Kind] + " " + a.HeldOn.String()
		nameEN := a.PartyOrg + " " + hezuo.MeetingNamesEN[a.Kind] + " " + a.HeldOn.String()
		switch {
		case a.HeldOn.After(b.today):
			b.fail(row.num, "held_on", fmt.Sprintf("会议日期 %s 晚于今天 %s，会议尚未举行", a.HeldOn, b.today),
				fmt.Sprintf("the meeting on %s is after today (%s): it has not been held", a.HeldOn, b.today))
		case !meetings[meetingOf(a)]:
			b.fail(row.num, "held_on", "未知的会议："+name+"（请先导入会议）", "unknown meeting: "+nameEN+" (import the meetings first)")
		}
		if !people[a.IDNumber] {
			b.fail(row.num, "id_number", "此人尚未登记（请先导入成员）", "unknown person (import the members first)")
		}
		if len(b.Problems) > n {
			continue
		}
		put(p, &p.Write.MeetingAttendances, a, stored[meetingAttendanceKey(a)], false)
	}
	return p
}
