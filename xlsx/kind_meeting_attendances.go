package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "meeting-attendances", Sheet: "参会", ZH: "参会记录", EN: "meeting attendance", KeyZH: "党组织编号 + 会议类型 + 日期 + 身份证号",
		Columns: []Column{
			{Key: "party_org", ZH: "党组织编号", Type: TKey, Required: true, Text: true, Example: "DZZ-001",
				NoteZH: "召开会议的党组织编号", NoteEN: "the party organization that held the meeting"},
			{Key: "kind", ZH: "会议类型", Type: TEnum, Required: true, Choices: choices(hezuo.MeetingKinds, hezuo.MeetingNames), Example: "组织生活会",
				NoteZH: meetingKindNote, NoteEN: "the meeting's kind"},
			{Key: "held_on", ZH: "日期", Aliases: []string{"会议日期"}, Type: TDate, Required: true, Example: "2021-12-20",
				NoteZH: "会议日期（会议须已导入且已举行）", NoteEN: "the meeting's date (imported, and not after today)"},
			{Key: "id_number", ZH: "身份证号", Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "参会人员的身份证号（须已登记）", NoteEN: "the attendee's ID number (registered)"},
		},
		rows:   func() kindRows { return &meetingAttendanceRows{seen: map[string]int{}} },
		export: exportMeetingAttendances,
	})
}

type meetingAttendanceRow struct {
	num int
	a   hezuo.MeetingAttendance
}

// meetingAttendanceRows converts rows of meeting attendances: the key is
// the meeting (党组织编号 + 会议类型 + 日期) and 身份证号. A row is new or
// unchanged: an attendance has nothing to update.
type meetingAttendanceRows struct {
	rows []meetingAttendanceRow
	seen map[string]int
}

func (ar *meetingAttendanceRows) platforms() {}

func meetingOf(a hezuo.MeetingAttendance) string {
	m := hezuo.Meeting{PartyOrg: a.PartyOrg, Kind: a.Kind, HeldOn: a.HeldOn}
	return m.Key()
}

func (ar *meetingAttendanceRows) add(r *rowCtx) {
	a := hezuo.MeetingAttendance{PartyOrg: Key(r.raw("party_org")), Kind: r.choice("kind", meetingKinds, true),
		HeldOn: r.date("held_on", true), IDNumber: r.idNumber("id_number")}
	r.need("party_org", a.PartyOrg)
	if r.bad {
		return
	}
	if _, _, _, err := hezuo.ParseIDNumber(a.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return
	}
	k := meetingOf(a) + "|" + a.IDNumber
	if first, dup := ar.seen[k]; dup {
		r.fail("id_number", fmt.Sprintf("与第 %d 行重复（同一会议同一人）", first), fmt.Sprintf("same person at the same meeting as row %d", first))
		return
	}
	ar.seen[k] = r.num
	if !r.bounded(&a, nil) {
		return
	}
	ar.rows = append(ar.rows, meetingAttendanceRow{num: r.num, a: a})
}

func (ar *meetingAttendanceRows) finish(*Batch) {}

func (ar *meetingAttendanceRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range ar.rows {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.a.IDNumber})
	}
	return ds
}

func (ar *meetingAttendanceRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	people, meetings, stored := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range have.People {
		people[p.IDNumber] = true
	}
	for _, m := range have.Meetings {
		meetings[m.Key()] = true
	}
	for _, a := range have.MeetingAttendances {
		stored[meetingOf(a)+"|"+a.IDNumber] = true
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range ar.rows {
		a, n := row.a, len(b.Problems)
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
		exists := stored[meetingOf(a)+"|"+a.IDNumber]
		if !exists {
			p.Write.MeetingAttendances = append(p.Write.MeetingAttendances, a)
		}
		p.count(!exists, false)
	}
	return p
}

func exportMeetingAttendances(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.MeetingAttendances))
	for _, a := range ds.MeetingAttendances {
		out = append(out, []any{a.PartyOrg, hezuo.MeetingNames[a.Kind], a.HeldOn, a.IDNumber})
	}
	return out
}
