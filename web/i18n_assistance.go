package web

// The interface text of the assistance pages: units paired with villages
// (包村联户) and households paired with members (结对帮扶).
func init() {
	addMessages("assistance", map[string][2]string{
		// Asking before ending a pairing or marking a household out of poverty.
		"confirm_end_pairing":   {"确认结束结对", "Yes, end the pairing"},
		"confirm_end_pairing_q": {"确认结束“%[1]s”与“%[2]s”的包村联户结对？结束日期 %[3]s。", "End the pairing of %[1]s with %[2]s on %[3]s?"},
		"confirm_mark_out":      {"确认登记脱贫", "Yes, record it"},
		"confirm_mark_out_q":    {"确认登记户 %[1]s 于 %[2]s 脱贫（脱贫 %[3]d 人）？", "Record household %[1]s out of poverty on %[2]s (%[3]d people)?"},
		"pairing_target":        {"结对对象", "Paired with"},

		"unit_pairings":      {"包村联户", "Units paired with orgs and villages"},
		"household_pairings": {"结对帮扶", "Party members paired with households"},
		"unit_name":          {"帮扶单位", "Unit"},
		"target":             {"帮扶对象", "Paired with"},
		"active_only":        {"仅当日有效", "active that day only"},
		"active":             {"有效", "active"},
		"household_no":       {"户编号", "Household"},
		"head":               {"户主", "Head"},
		"size":               {"人口", "Size"},
		"poverty":            {"贫困状态", "Poverty status"},
		"help":               {"帮扶内容", "Help given"},
		"left_poverty_on":    {"脱贫日期", "Out of poverty on"},
		"people_out":         {"脱贫人数", "People out"},
		"member":             {"结对党员", "Party member"},
		"member_id":          {"结对党员身份证号", "Party member's ID number"},
		"new_unit_pairing":   {"新增包村联户", "New unit pairing"},
		"new_hh_pairing":     {"新增结对帮扶", "New household pairing"},
		"new_household_note": {"新农户：填写户编号以及户主、所在村、人口和贫困状态；已登记农户只填户编号", "a new household: its number with head, village, size and poverty status; a known one: its number only"},
		"end_pairing":        {"结束结对", "End"},
		"mark_out":           {"登记脱贫", "Out of poverty"},
		"a_units":            {"包村联户单位", "Assisting units"},
		"a_orgs":             {"帮扶组织", "Orgs assisted"},
		"a_villages":         {"帮扶村", "Villages assisted"},
		"a_households":       {"结对帮扶农户", "Households paired"},
		"a_people_out":       {"脱贫人口", "People out of poverty"},
		"a_figures_note":     {"与 hezuo stats 同口径：单位和组织为当日有效的包村联户；农户和脱贫人口为截至当日累计", "as hezuo stats counts them: units and orgs with a pairing active that day; households and people out of poverty up to that day"},
		"unit_or_village":    {"组织编号或村（只填一个）", "org number or village (one of them)"},

		// The number proposed for a new household.
		"new_household_note_auto": {"新农户：填写户主、所在村、人口和贫困状态，户编号留空则自动生成；已登记农户只填户编号",
			"a new household: its head, village, size and poverty status, the number proposed when left blank; a known one: its number only"},
	})
}
