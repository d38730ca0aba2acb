package web

// Text of issue 18's "lead somewhere": the check page's lists, the overdue
// list's actions.
func init() {
	addMessages("lead", map[string][2]string{
		"list_all":             {"全部", "All"},
		"list_ok":              {"正常", "In order"},
		"list_uncovered":       {"空白点", "Blank spots"},
		"list_should_build":    {"应建未建", "Should build, not built"},
		"list_instructor_only": {"仅派指导员", "Instructor only"},
		"list_term_due":        {"换届到期", "Re-election due"},
		"list_own_org":         {"单独建立党组织", "Own party organization"},
		"list_instructor":      {"已派指导员", "With an instructor"},
		"list_joint_or_group":  {"联合支部或党小组", "Joint branch or party group"},
		"check_lists":          {"按结论筛选", "Filter by finding"},
		"check_list_empty":     {"没有符合此条件的组织。", "No organization is in this list."},
		"record_meeting":       {"登记会议", "Record meeting"},
		"record_visit_now":     {"登记走访", "Record visit"},
		"record_commitment":    {"登记承诺", "Record commitment"},
		"record_fulfilment":    {"登记践诺", "Record fulfilment"},
		"loans_disbursed_by":   {"已发放贷款，截至", "Disbursed loans, as of"},
		"figure_filtered":      {"按首页统计口径筛选", "Filtered as the dashboard counts"},
	})
}
