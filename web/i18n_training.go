package web

// The interface text of the training pages: list, record, form.
func init() {
	addMessages("training", map[string][2]string{
		"new_training":            {"登记培训", "Record a training"},
		"choose_org_members":      {"先填写组织编号并刷新，再勾选参训会员", "enter the org number and refresh, then tick the members who attended"},
		"training_no":             {"培训编号", "Training number"},
		"training_attendees_note": {"培训日期晚于今天的，不能登记参训人员", "no attendance can be recorded for a training dated after today"},
		"organizer":               {"主办单位", "Organizer"},
		"organizer_code":          {"主办单位", "Organizer (unit)"},
		"mode":                    {"方式", "Mode"},
		"hours":                   {"学时", "Hours"},
		"place":                   {"地点", "Place"},
		"place_code":              {"地点（区划代码）", "Place (division code)"},
		"sessions":                {"期数", "Sessions"},
		"attendances":             {"人次", "Attendances"},
		"people_trained":          {"人数", "People"},
		"per_org":                 {"分组织", "Per org"},
		"per_organizer":           {"分主办单位（部门）", "Per organizer (department)"},
		"figures_note":            {"截至所选日期已举办的培训；与统计口径一致", "sessions held up to the day; the same definitions as the statistics"},
		"remote_network":          {"远程教育", "remote education"},
	})
	funcs["modeName"] = func(lang, mode string) string { return label(lang, "mode", mode) }
}
