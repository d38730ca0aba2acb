package web

import "hezuo"

// The interface text every area shares: the layout and its nav, buttons,
// lists and pages, generic words, errors, and the words of records that
// several areas show (a key used by more than one area's pages lives here).
func init() {
	addMessages("common", map[string][2]string{
		// The layout and its nav, the words of lists and records.
		"app":           {"合作组织党建", "Cooperative party-building"},
		"dashboard":     {"首页", "Dashboard"},
		"orgs":          {"合作组织", "Organizations"},
		"people":        {"人员", "People"},
		"partyorgs":     {"党组织", "Party organizations"},
		"instructors":   {"指导员", "Instructors"},
		"divisions":     {"区划", "Divisions"},
		"check":         {"规则检查", "Check"},
		"users":         {"用户管理", "Users"},
		"audit":         {"审计日志", "Audit log"},
		"logout":        {"退出", "Sign out"},
		"as_of":         {"截止日期", "As of"},
		"scope":         {"范围", "Scope"},
		"show":          {"查看", "Show"},
		"search":        {"搜索", "Search"},
		"search_hint":   {"编号、名称、产业或信用代码", "number, name, industry or credit code"},
		"all":           {"全部", "All"},
		"kind":          {"类型", "Kind"},
		"industry":      {"产业", "Industry"},
		"village":       {"所在村", "Village"},
		"township":      {"乡镇", "Township"},
		"name":          {"名称", "Name"},
		"person_name":   {"姓名", "Name"},
		"org_id":        {"组织编号", "Org number"},
		"households":    {"带动农户", "Households driven"},
		"founded":       {"成立日期", "Founded"},
		"members":       {"会员", "Members"},
		"party_members": {"党员", "Party members"},
		"total":         {"共", "Total"},
		"items":         {"条", "rows"},
		"prev":          {"上一页", "Previous"},
		"next":          {"下一页", "Next"},
		"page":          {"页", "page"},
		"edit":          {"修改", "Edit"},
		"save":          {"保存", "Save"},
		"required":      {"应有形式", "Required"},
		"actual":        {"实有形式", "Actual"},
		"status":        {"状态", "Status"},
		"managed_by":    {"管理党组织", "Managed by"},
		"reasons":       {"依据", "Reasons"},
		"form":          {"组织形式", "Form"},
		"secretary":     {"书记", "Secretary"},
		"covers":        {"覆盖组织", "Covers"},
		"unit":          {"工作单位", "Unit"},
		"id_number":     {"身份证号", "ID number"},
		"sex":           {"性别", "Sex"},
		"party_status":  {"政治面貌", "Party status"},
		"talent":        {"技术人才", "Technical talent"},
		"role":          {"角色", "Role"},
		"joined":        {"加入", "Joined"},
		"orgs_count":    {"组织数", "Orgs"},
		"level":         {"级别", "Level"},
		"action":        {"操作", "Action"},
		"key":           {"编号", "Key"},
		"before":        {"修改前", "Before"},
		"after":         {"修改后", "After"},
		"note":          {"说明", "Note"},
		"error":         {"出错了", "Something went wrong"},
		"back":          {"返回", "Back"},
		"none":          {"无", "none"},
		"yes":           {"是", "yes"},
		"no":            {"否", "no"},
		"saved":         {"已保存", "Saved"},
		"instructor":    {"派驻指导员", "Instructor"},
		"details":       {"详情", "Details"},
		"version_note":  {"保存时核对版本，避免覆盖他人的修改", "saving checks the version so no one's change is overwritten"},
		"lang_switch":   {"English", "中文"},
		"c_sessions":    {"培训期数", "Training sessions"},
		"c_attendances": {"培训人次", "Attendances"},

		// Confirmation pages (issue 18: ask before destroying).
		"confirm_note":   {"点击“确认”后才会执行；点击“取消”不做任何更改。", "Nothing changes until you confirm; Cancel changes nothing."},
		"confirm_cancel": {"取消", "Cancel"},

		// Forms and their notices.
		"new_person":    {"登记人员", "New person"},
		"ended_n":       {"已结束 %d 条成员关系", "%d memberships ended"},
		"accepted_n":    {"已按方案建立 %d 项，见下表", "%d records created from the plan; see below"},
		"new_partyorg":  {"新建党组织", "New party organization"},
		"ended_on":      {"撤销日期", "Ended on"},
		"whole_number":  {"应为整数", "must be a whole number"},
		"new_dispatch":  {"派驻指导员", "Dispatch an instructor"},
		"dispatch_from": {"派驻日期", "Dispatched from"},
		"end_dispatch":  {"结束派驻", "End"},
		"plan":          {"组建方案", "Plans"},

		// Words of records several areas show.
		"loans":             {"党员农贷", "Party-member loans"},
		"party_org":         {"申请党组织编号", "Applying party organization (number)"},
		"org":               {"合作组织", "Organization"},
		"year":              {"年度", "Year"},
		"households_driven": {"带动农户", "Households driven"},
		"assistance":        {"帮扶", "Assistance"},
		"from":              {"开始", "From"},
		"to":                {"结束", "To"},
		"ended":             {"已结束", "ended"},

		// Nav: import, report, downloads.
		"import":        {"批量导入", "Import"},
		"report":        {"工作报告", "Report"},
		"download_xlsx": {"下载 Excel", "Download .xlsx"},

		// Numbers proposed on new-record forms (issue 18).
		"auto_number_hint": {"留空则自动生成", "leave blank to have one proposed"},

		// Party status and its dates (person and transfer forms, check page).
		"political_status":  {"政治面貌", "Political status"},
		"joined_party":      {"入党日期", "Joined the party"},
		"full_member_since": {"转正日期", "Full member since"},
		"joined_party_note": {"支部大会通过接收为预备党员之日（党章第七条），不早于年满十八岁，不晚于今天；党员未填写的，入党日期不详，在检查页列出",
			"the day admitted as a probationary member (party constitution, Art. 7), not before 18 nor after today; left empty for a member, the date is unknown and the check page lists it"},

		// Transfer in (person page, party organization forms).
		"transfer_in": {"组织关系转入", "Transfer in"},

		// Phone layout: the nav's button, the rosters' 全选.
		"menu":       {"菜单", "Menu"},
		"select_all": {"全选", "Select all"},
		"select_all_note": {"勾选全选即全部名单人员出席（不用脚本时也有效）",
			"ticked, everyone on the roster attended (works without scripts too)"},

		// Pickers.
		"new_membership":   {"登记成员", "Add a member"},
		"pick_org_missing": {"请选择组织（输入名称查找）", "choose an organization (type a name to search)"},

		// Institutions, training, development: nav, what meetings and trainings
		// share, the overdue list on the dashboard.
		"institutions":     {"组织生活", "Institutions"},
		"trainings":        {"培训", "Training"},
		"development":      {"发展党员", "Member development"},
		"held_on":          {"日期", "Date"},
		"topic":            {"议题/主题", "Topic"},
		"attendees":        {"出席人员", "Attendees"},
		"home_party_org":   {"组织关系所在", "Home party organization"},
		"inst_from":        {"起", "From"},
		"inst_to":          {"止", "To"},
		"overdue":          {"逾期", "Overdue"},
		"overdue_subject":  {"涉及", "Concerning"},
		"choose_person":    {"请选择人员", "choose a person"},
		"overdue_kind":     {"事项", "Item"},
		"inst_due_on":      {"应于", "Due by"},
		"days_overdue":     {"逾期天数", "Days overdue"},
		"household":        {"户编号", "Household"},
		"new_step":         {"登记发展步骤", "Record a step"},
		"person":           {"人员", "Person"},
		"refresh":          {"刷新名单", "Refresh the list"},
		"attendees_note":   {"会议日期晚于今天的，不能登记出席", "no attendance can be recorded for a meeting dated after today"},
		"due":              {"待办", "Due"},
		"state":            {"状态", "State"},
		"c_people_trained": {"培训人数", "People trained"},

		// Field errors.
		"bad_int": {"应为整数", "must be a whole number"},
	})
	// A rule's reason, in the page's language (development and overdue pages).
	funcs["reason"] = func(lang string, r hezuo.Reason) string {
		if lang == "en" {
			return r.EN
		}
		return r.ZH
	}
	funcs["kindCount"] = func(m map[string]int, k string) int { return m[k] }
}
