package web

import (
	"hezuo"
	"hezuo/store"
)

// The interface text of the institutions, training and development pages
// (issue 5), and the template functions naming their codes.
func init() {
	addMessages("platforms", map[string][2]string{
		"institutions":       {"组织生活", "Institutions"},
		"trainings":          {"培训", "Training"},
		"development":        {"发展党员", "Member development"},
		"meetings":           {"会议记录", "Meetings"},
		"meeting":            {"会议", "Meeting"},
		"meeting_kind":       {"会议类型", "Kind"},
		"held_on":            {"日期", "Date"},
		"topic":              {"议题/主题", "Topic"},
		"participants":       {"参加人员", "Participants"},
		"decisions":          {"议定事项", "Decisions"},
		"attendance":         {"出席", "Attendance"},
		"attendees":          {"出席人员", "Attendees"},
		"dual_life":          {"双重组织生活", "dual organizational life"},
		"sum_total":          {"合计", "Total"},
		"people_attending":   {"参加人数", "People attending"},
		"dual_note":          {"组织关系在其他党组织的党员出席人次", "attendances of members whose party relation is held elsewhere"},
		"home_party_org":     {"组织关系所在", "Home party organization"},
		"village_party_org":  {"村党组织编号（联席会议）", "Village party organization (joint meetings)"},
		"inst_party_org":     {"党组织", "Party organization"},
		"inst_from":          {"起", "From"},
		"inst_to":            {"止", "To"},
		"per_partyorg":       {"分党组织（近一年）", "Per party organization (past year)"},
		"per_township_year":  {"分乡镇（近一年）", "Per township (past year)"},
		"overdue":            {"逾期", "Overdue"},
		"overdue_items":      {"逾期事项", "Overdue items"},
		"todo_overdue":       {"待办/逾期", "To do / overdue"},
		"overdue_subject":    {"涉及", "Concerning"},
		"choose_person":      {"请选择人员", "choose a person"},
		"overdue_kind":       {"事项", "Item"},
		"last_done":          {"上次", "Last"},
		"inst_due_on":        {"应于", "Due by"},
		"days_overdue":       {"逾期天数", "Days overdue"},
		"commitments":        {"党员承诺", "Commitments"},
		"commitment":         {"承诺", "Commitment"},
		"inst_year":          {"年度", "Year"},
		"made_on":            {"承诺日期", "Made on"},
		"content":            {"承诺内容", "Content"},
		"fulfilled_on":       {"践诺评议日期", "Assessed on"},
		"result":             {"践诺结果", "Result"},
		"evidence":           {"佐证材料", "Evidence"},
		"pending_only":       {"仅未评议", "not yet assessed only"},
		"fulfil":             {"践诺评议", "Assess"},
		"contacts":           {"党员联系户", "Linked households"},
		"household":          {"户编号", "Household"},
		"inst_head":          {"户主", "Head"},
		"visits":             {"走访次数", "Visits"},
		"last_visit":         {"最近走访", "Last visit"},
		"record_visit":       {"登记走访", "Record a visit"},
		"visited_on":         {"走访日期", "Visited on"},
		"new_meeting":        {"登记会议", "Record a meeting"},
		"new_commitment":     {"登记承诺", "Record a commitment"},
		"new_training":       {"登记培训", "Record a training"},
		"new_step":           {"登记发展步骤", "Record a step"},
		"person":             {"人员", "Person"},
		"choose_party_org":   {"先选择党组织，再勾选出席人员", "choose the party organization, then tick the attendees"},
		"choose_org_members": {"先填写组织编号并刷新，再勾选参训会员", "enter the org number and refresh, then tick the members who attended"},
		"refresh":            {"刷新名单", "Refresh the list"},
		"attendees_note":     {"会议日期晚于今天的，不能登记出席", "no attendance can be recorded for a meeting dated after today"},
		"id_numbers":         {"其他出席人员身份证号（每行一个）", "Other attendees' ID numbers (one a line)"},
		"training_no":        {"培训编号", "Training number"},
		"organizer":          {"主办单位", "Organizer"},
		"organizer_code":     {"主办单位代码", "Organizer (unit code)"},
		"mode":               {"方式", "Mode"},
		"hours":              {"学时", "Hours"},
		"place":              {"地点", "Place"},
		"place_code":         {"地点（区划代码）", "Place (division code)"},
		"sessions":           {"期数", "Sessions"},
		"attendances":        {"人次", "Attendances"},
		"people_trained":     {"人数", "People"},
		"per_org":            {"分组织", "Per org"},
		"per_organizer":      {"分主办单位（部门）", "Per organizer (department)"},
		"figures_note":       {"截至所选日期已举办的培训；与统计口径一致", "sessions held up to the day; the same definitions as the statistics"},
		"step":               {"发展阶段", "Step"},
		"since":              {"自", "Since"},
		"steps_dates":        {"各阶段日期", "Dates of the steps"},
		"due":                {"待办", "Due"},
		"ready":              {"可进入下一步", "Ready"},
		"irregular":          {"不合规", "Irregular"},
		"state":              {"状态", "State"},
		"deadline":           {"期限", "Deadline"},
		"instructor_results": {"指导员派驻成效", "What instructors' orgs achieved"},
		"activists_named":    {"列为积极分子", "Activists named"},
		"candidates_named":   {"确定发展对象", "Development objects"},
		"admitted":           {"接收预备党员", "Admitted (probationary)"},
		"converted":          {"转为正式党员", "Converted to full"},
		"all_in_progress":    {"全部（不含无事项的正式党员）", "all (without full members with nothing due)"},
		"next_step":          {"下一步", "Next step"},
		"step_date":          {"日期", "Date"},
		"g_platform_figures": {"平台工作", "Platforms"},
		"c_loans_count":      {"党员农贷笔数", "Party-member loans"},
		"c_people_trained":   {"培训人数", "People trained"},
		"c_overdue_inst":     {"组织生活逾期事项", "Institutions overdue"},
		"c_dev_due":          {"发展党员待办", "Development steps due"},
		"c_dev_overdue":      {"发展党员逾期", "Development steps overdue"},
		"c_households_out":   {"脱贫户", "Households out of poverty"},
		"more_overdue":       {"查看全部逾期事项", "See every overdue item"},
		"todo_wide":          {"范围大于一个县时，待办和逾期事项请按县或乡镇查看。", "For a scope wider than a county, see the overdue items county by county or township by township."},
		"no_overdue":         {"没有逾期事项", "nothing overdue"},
		"todo_loading":       {"正在计算待办和逾期事项……", "Computing the overdue items…"},
		"chart_training":     {"培训期数与人次（按年）", "Training sessions and attendances by year"},
		"remote_network":     {"远程教育", "remote education"},
	})
	funcs["meetingName"] = func(lang, kind string) string { return overdueKindName(lang, kind) }
	funcs["modeName"] = func(lang, mode string) string { return label(lang, "mode", mode) }
	funcs["resultName"] = func(lang, r string) string { return label(lang, "result", r) }
	funcs["stepName"] = func(lang, s string) string { return label(lang, "party", s) }
	funcs["stateName"] = func(lang, s string) string { return label(lang, "dev_state", s) }
	funcs["reason"] = func(lang string, r hezuo.Reason) string {
		if lang == "en" {
			return r.EN
		}
		return r.ZH
	}
	funcs["devSteps"] = func() []string { return store.DevSteps }
	funcs["meetingKinds"] = func() []string { return hezuo.MeetingKinds }
	funcs["kindCount"] = func(m map[string]int, k string) int { return m[k] }
	funcs["stepDate"] = func(m map[string]hezuo.Date, k string) string { return m[k].String() }
}

// overdueKindName names a meeting kind or another overdue kind in lang.
func overdueKindName(lang, kind string) string { return label(lang, "meeting", kind) }
