package web

import "hezuo"

// The interface text of the institutions' pages: meetings, linked
// households and their visits, commitments and their assessment, the
// overdue list; and the template functions naming their codes.
func init() {
	addMessages("institutions", map[string][2]string{
		// Field errors.
		"choose_household": {"请选择农户", "choose a household"},

		// The overdue list's actions (issue 18: lead somewhere).
		"record_meeting":    {"登记会议", "Record meeting"},
		"record_visit_now":  {"登记走访", "Record visit"},
		"record_commitment": {"登记承诺", "Record commitment"},
		"record_fulfilment": {"登记践诺", "Record fulfilment"},

		// Meetings, linked households and visits, commitments.
		"meetings":          {"会议记录", "Meetings"},
		"meeting":           {"会议", "Meeting"},
		"meeting_kind":      {"会议类型", "Kind"},
		"participants":      {"参加人员", "Participants"},
		"decisions":         {"议定事项", "Decisions"},
		"attendance":        {"出席", "Attendance"},
		"dual_life":         {"双重组织生活", "dual organizational life"},
		"sum_total":         {"合计", "Total"},
		"people_attending":  {"参加人数", "People attending"},
		"dual_note":         {"组织关系在其他党组织的党员出席人次", "attendances of members whose party relation is held elsewhere"},
		"village_party_org": {"村党组织编号（联席会议）", "Village party organization (joint meetings)"},
		"inst_party_org":    {"党组织", "Party organization"},
		"per_partyorg":      {"分党组织（近一年）", "Per party organization (past year)"},
		"per_township_year": {"分乡镇（近一年）", "Per township (past year)"},
		"overdue_items":     {"逾期事项", "Overdue items"},
		"last_done":         {"上次", "Last"},
		"commitments":       {"党员承诺", "Commitments"},
		"commitment":        {"承诺", "Commitment"},
		"inst_year":         {"年度", "Year"},
		"made_on":           {"承诺日期", "Made on"},
		"content":           {"承诺内容", "Content"},
		"fulfilled_on":      {"践诺评议日期", "Assessed on"},
		"result":            {"践诺结果", "Result"},
		"evidence":          {"佐证材料", "Evidence"},
		"pending_only":      {"仅未评议", "not yet assessed only"},
		"fulfil":            {"践诺评议", "Assess"},
		"contacts":          {"党员联系户", "Linked households"},
		"inst_head":         {"户主", "Head"},
		"visits":            {"走访次数", "Visits"},
		"last_visit":        {"最近走访", "Last visit"},
		"record_visit":      {"登记走访", "Record a visit"},
		"visited_on":        {"走访日期", "Visited on"},
		"new_meeting":       {"登记会议", "Record a meeting"},
		"new_commitment":    {"登记承诺", "Record a commitment"},
		"choose_party_org":  {"先选择党组织，再勾选出席人员", "choose the party organization, then tick the attendees"},
		"id_numbers":        {"其他出席人员身份证号（每行一个）", "Other attendees' ID numbers (one a line)"},
	})
	funcs["meetingName"] = func(lang, kind string) string { return overdueKindName(lang, kind) }
	funcs["resultName"] = func(lang, r string) string { return label(lang, "result", r) }
	funcs["meetingKinds"] = func() []string { return hezuo.MeetingKinds }
}

// overdueKindName names a meeting kind or another overdue kind in lang.
func overdueKindName(lang, kind string) string { return label(lang, "meeting", kind) }
