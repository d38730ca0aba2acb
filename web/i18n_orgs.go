package web

// The interface text of the organizations' pages: list, record, form,
// dissolution.
func init() {
	addMessages("orgs", map[string][2]string{
		"villages":      {"覆盖村", "Villages spanned"},
		"credit_code":   {"统一社会信用代码", "Unified social credit code"},
		"registered_on": {"登记日期", "Registered on"},
		"registered":    {"已登记", "Registered"},
		"dissolved":     {"注销日期", "Dissolved"},
		"model":         {"典型", "Model"},
		"model_note":    {"典型说明", "Model note"},
		"include_ended": {"含已注销", "include dissolved"},
		"new_org":       {"新建组织", "New organization"},
		"end_org":       {"注销组织", "Dissolve"},
		"end_on":        {"注销日期", "Dissolution date"},
		"warnings":      {"提示", "Warnings"},
		"suggestions":   {"建议", "Suggestions"},
		"rule_result":   {"规则判定", "Rule result"},
		"no_rule":       {"该组织当日不存在，无判定", "the org does not exist that day: no result"},
		"code":          {"代码", "Code"},

		// Asking before dissolving an org.
		"confirm_end_org":   {"确认注销", "Yes, dissolve"},
		"confirm_end_org_q": {"确认注销“%[1]s”？注销日期 %[2]s：自该日起该组织不再计入统计，记录保留，不会删除。", "Dissolve %[1]s on %[2]s? From that day it no longer counts; its records are kept."},

		// Party members by status.
		"full_member_count":         {"正式党员数", "Full members"},
		"probationary_member_count": {"预备党员数", "Probationary members"},
	})
}
