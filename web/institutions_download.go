package web

import (
	"net/http"

	"hezuo/store"
)

// meetingsDownload is /institutions.xlsx: every meeting the list's filters
// select, with its attendance count.
func (s *Server) meetingsDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := meetingFilter(r)
	if err != nil {
		return err
	}
	items, err := collect(func(n int) ([]store.MeetingItem, int, error) {
		f.Page, f.PerPage = n, downloadPer
		return s.db.ListMeetings(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"会议日期", "Date"}, [2]string{"党组织编号", "Party organization"}, [2]string{"党组织名称", "Name"},
		[2]string{"乡镇", "Township"}, [2]string{"会议类型", "Kind"}, [2]string{"议题", "Topic"}, [2]string{"村党组织", "Village party organization"},
		[2]string{"参加人员", "Participants"}, [2]string{"议定事项", "Decisions"}, [2]string{"出席人数", "Attendances"})
	rows := make([][]any, len(items))
	for i, m := range items {
		rows[i] = []any{m.HeldOn, m.PartyOrg, m.PartyOrgName, m.TownshipName, overdueKindName(lang, m.Kind), m.Topic, m.VillagePartyOrg,
			m.Participants, m.Decisions, m.Attendances}
	}
	return s.sendXLSX(w, "会议记录.xlsx", "会议记录", head, rows)
}

// overdueDownload is /institutions/overdue.xlsx: every overdue item of the
// scope on the day.
func (s *Server) overdueDownload(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	list, err := s.db.ScopedOverdue(r.Context(), accessOf(r), sc, day)
	if err != nil {
		return err
	}
	list = filterOverdue(list, r.URL.Query().Get("township"), r.URL.Query().Get("kind"))
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
