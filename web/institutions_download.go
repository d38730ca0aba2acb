package web

import (
	"net/http"

	"hezuo/rules"
	"hezuo/store"
)

// meetingList is the meeting list of /institutions, /institutions.xlsx
// (every meeting the filters select, with its attendance count) and
// /api/meetings.
func (s *Server) meetingList() listSpec[store.MeetingFilter, store.MeetingItem] {
	return listSpec[store.MeetingFilter, store.MeetingItem]{filter: meetingFilter,
		paging: func(f *store.MeetingFilter) (*int, *int) { return &f.Page, &f.PerPage },
		fetch:  s.db.ListMeetings, sorts: []string{"held_on", "kind", "party_org", "topic", "attendances"},
		sheet: sheet[store.MeetingItem]{name: "会议记录",
			cols: [][2]string{{"会议日期", "Date"}, {"党组织编号", "Party organization"}, {"党组织名称", "Name"},
				{"乡镇", "Township"}, {"会议类型", "Kind"}, {"议题", "Topic"}, {"村党组织", "Village party organization"},
				{"参加人员", "Participants"}, {"议定事项", "Decisions"}, {"出席人数", "Attendances"}},
			row: func(lang string, m store.MeetingItem) []any {
				return []any{m.HeldOn, m.PartyOrg, m.PartyOrgName, m.TownshipName, overdueKindName(lang, m.Kind), m.Topic, m.VillagePartyOrg,
					m.Participants, m.Decisions, m.Attendances}
			}}}
}

var _ = pageRoute("GET /institutions.xlsx", (*Server).meetingsDownload)

func (s *Server) meetingsDownload(w http.ResponseWriter, r *http.Request) error {
	return s.meetingList().download(s, w, r)
}

// overdueList is what is overdue in the request's scope on its day, of
// its township and kind when it names them.
func (s *Server) overdueList(r *http.Request) ([]rules.Overdue, string, error) {
	list, day, err := scopedRead(r, s.db.ScopedOverdue)
	q := r.URL.Query()
	return filterOverdue(list, q.Get("township"), q.Get("kind")), day.String(), err
}

var _ = pageRoute("GET /institutions/overdue.xlsx", (*Server).overdueDownload)

// overdueDownload is /institutions/overdue.xlsx: every overdue item of the
// scope on the day.
func (s *Server) overdueDownload(w http.ResponseWriter, r *http.Request) error {
	list, _, err := s.overdueList(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"乡镇", "Township"}, [2]string{"党组织编号", "Party organization"}, [2]string{"党组织名称", "Name"},
		[2]string{"事项", "Item"}, [2]string{"涉及", "Concerning"}, [2]string{"上次", "Last"}, [2]string{"应于", "Due by"},
		[2]string{"逾期天数", "Days overdue"}, [2]string{"依据", "Reason"})
	rows := make([][]any, len(list))
	for i, o := range list {
		reason := o.Reason.ZH
		if lang == "en" {
			reason = o.Reason.EN
		}
		rows[i] = []any{o.TownName, o.PartyOrg, o.Name, overdueKindName(lang, o.Kind), o.Subject, o.Last, o.Due, o.DaysOverdue, reason}
	}
	return s.sendXLSX(w, "逾期事项.xlsx", "逾期事项", head, rows)
}
