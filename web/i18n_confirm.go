package web

// The interface text of the confirmation pages (issue 18: ask before
// destroying) and of the import check's problem table.
func init() {
	addMessages("confirm", map[string][2]string{
		"confirm_note":           {"点击“确认”后才会执行；点击“取消”不做任何更改。", "Nothing changes until you confirm; Cancel changes nothing."},
		"confirm_cancel":         {"取消", "Cancel"},
		"confirm_end_org":        {"确认注销", "Yes, dissolve"},
		"confirm_end_org_q":      {"确认注销“%[1]s”？注销日期 %[2]s：自该日起该组织不再计入统计，记录保留，不会删除。", "Dissolve %[1]s on %[2]s? From that day it no longer counts; its records are kept."},
		"confirm_leave_all":      {"确认退出", "Yes, leave"},
		"confirm_leave_all_q":    {"确认 %[1]s 自 %[2]s 起退出当前所在的全部 %[3]d 个组织？", "Should %[1]s leave all %[3]d current orgs from %[2]s?"},
		"confirm_leave":          {"确认退出", "Yes, leave"},
		"confirm_leave_q":        {"确认 %[1]s 自 %[3]s 起退出“%[2]s”？", "Should %[1]s leave %[2]s from %[3]s?"},
		"confirm_end_partyorg":   {"确认撤销", "Yes, end it"},
		"confirm_end_partyorg_q": {"确认撤销党组织“%[1]s”？撤销日期 %[2]s，它对 %[3]d 个组织的覆盖同时结束。", "End the party organization %[1]s on %[2]s? Its cover of %[3]d orgs ends with it."},
		"confirm_end_dispatch":   {"确认结束派驻", "Yes, end the dispatch"},
		"confirm_end_dispatch_q": {"确认结束 %[1]s 在“%[2]s”的派驻？结束日期 %[3]s。", "End the dispatch of %[1]s to %[2]s on %[3]s?"},
		"confirm_end_pairing":    {"确认结束结对", "Yes, end the pairing"},
		"confirm_end_pairing_q":  {"确认结束“%[1]s”与“%[2]s”的包村联户结对？结束日期 %[3]s。", "End the pairing of %[1]s with %[2]s on %[3]s?"},
		"confirm_mark_out":       {"确认登记脱贫", "Yes, record it"},
		"confirm_mark_out_q":     {"确认登记户 %[1]s 于 %[2]s 脱贫（脱贫 %[3]d 人）？", "Record household %[1]s out of poverty on %[2]s (%[3]d people)?"},
		"confirm_disable":        {"确认停用", "Yes, disable"},
		"confirm_disable_q":      {"确认停用用户 %s？停用后该用户不能登录，可以再启用。", "Disable the user %s? They can no longer sign in until enabled again."},
		"confirm_reject":         {"确认不予批准", "Yes, reject"},
		"confirm_reject_q":       {"确认对贷款 %[1]s 不予批准（%[2]s）？此决定提交后不能撤回。", "Reject the loan %[1]s (%[2]s)? This decision cannot be undone."},
		"pairing_target":         {"结对对象", "Paired with"},
		"import_problem_table":   {"问题清单", "Problems"},
		"import_problem_row":     {"行", "Row"},
		"import_problem_column":  {"列", "Column"},
		"import_problem_value":   {"填写的值", "Value"},
		"import_problem_what":    {"问题", "What is wrong"},
		"import_problem_count":   {"共 %d 个问题，涉及 %d 行；请一次改完后重新检查。", "%d problems in %d rows: fix them all, then check again."},
		"import_problem_lines":   {"文本清单（可复制）", "As text (to copy)"},
		"import_problem_more":    {"另有 %d 个问题未在此列出，见标红的工作簿。", "%d more problems are not listed here: see the marked workbook."},
	})
}
