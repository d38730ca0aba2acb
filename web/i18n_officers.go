package web

// The interface text of the officers section of a party organization's
// page (新增任职, 离任).
func init() {
	addMessages("officers", map[string][2]string{
		"officers":        {"任职", "Officers"},
		"officers_note":   {"支部领导成员（书记、副书记、委员）应尽量从“致富先锋工程”涌现的致富能手和技术骨干中选拔；任职须为正式党员。", "Branch leaders (secretary, deputies, committee members) are chosen where possible from the successful farmers and technical backbones of the Vanguards programme; officers must be full party members."},
		"no_officers":     {"暂无任职记录", "no posts on record"},
		"new_post":        {"新增任职", "New post"},
		"post":            {"职务", "Post"},
		"post_from":       {"任职日期", "From"},
		"post_to":         {"离任日期", "Leaves on"},
		"post_to_note":    {"离任当天，即不再担任的第一天", "the first day out of office"},
		"in_office":       {"在任", "in office"},
		"end_post":        {"离任", "End the post"},
		"choose_post":     {"请选择职务", "choose a post"},
		"leader_tag":      {"致富能手/技术骨干", "致富能手/技术骨干"},
		"not_leader_tag":  {"非致富能手、技术骨干", "not a 致富能手/技术骨干"},
		"talent_tag":      {"专业技术人才", "technical talent"},
		"confirm_end_q":   {"确认 %s（%s）自 %s 起离任？离任记录提交后不能撤销。", "End the post of %s (%s) from %s? This cannot be undone."},
		"confirm_end":     {"确认离任", "Yes, end the post"},
		"cancel_end":      {"取消", "Cancel"},
		"past_posts_note": {"已离任的任职保留在记录中", "past posts stay on record"},
	})
}
