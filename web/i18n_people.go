package web

// The interface text of the people's pages and their memberships: list,
// record, form, joining and leaving an org.
func init() {
	addMessages("people", map[string][2]string{
		"phone":         {"联系电话", "Phone"},
		"birth_date":    {"出生日期", "Born"},
		"birth_year":    {"出生年份", "Year of birth"},
		"leader":        {"致富能手", "Leader"},
		"left":          {"退出", "Left"},
		"memberships":   {"所属组织", "Memberships"},
		"masked_note":   {"身份证号和电话已隐藏（您的角色无权查看）", "ID number and phone masked (your role may not see them)"},
		"unmasked_note": {"本次查看完整身份证号和电话已记入审计日志", "this view of the whole ID number and phone is recorded in the audit log"},
		"party_only":    {"仅党员", "party members only"},
		"talent_only":   {"仅技术人才", "technical talents only"},

		// Asking before a member leaves.
		"confirm_leave_all":   {"确认退出", "Yes, leave"},
		"confirm_leave_all_q": {"确认 %[1]s 自 %[2]s 起退出当前所在的全部 %[3]d 个组织？", "Should %[1]s leave all %[3]d current orgs from %[2]s?"},
		"confirm_leave":       {"确认退出", "Yes, leave"},
		"confirm_leave_q":     {"确认 %[1]s 自 %[3]s 起退出“%[2]s”？", "Should %[1]s leave %[2]s from %[3]s?"},

		// Person and membership forms.
		"home_village":    {"户籍所在村", "Home village"},
		"derived":         {"由身份证号得出", "From the ID number"},
		"derived_note":    {"性别和出生日期由身份证号自动得出", "sex and birth date are read from the ID number"},
		"talent_since":    {"认定技术人才日期", "Technical talent since"},
		"leader_since":    {"认定致富能手日期", "Leader since"},
		"member_role":     {"职务", "Role"},
		"edit_membership": {"修改成员关系", "Edit membership"},
		"left_note":       {"填写退出日期即结束成员关系：退出日期是不再是成员的第一天，当天起不再计入", "an end date ends the membership: it is the first day no longer a member, not counted from that day"},
		"leave":           {"退出", "Leave"},
		"join_org":        {"加入组织", "Join an org"},
		"leave_all":       {"退出全部组织", "Leave every org"},
		"leave_all_note":  {"迁出、去世等：结束其在您辖区内全部组织的成员关系", "moved away, died: ends every membership in orgs of your scope"},

		// Party status and its dates.
		"masses": {"群众", "Not a party member"},
		"party_status_note": {"政治面貌只能前进（群众 → 预备党员 → 党员）；入党积极分子、发展对象在发展党员页登记",
			"the status only moves forward; activists and development objects are recorded on the development page"},
		"full_member_since_note": {"中共党员填写；未填写的按入党日期满一年推定转正（无对应日的取月末日）。不得早于入党日期满一年",
			"for a full member; left empty, conversion is presumed a year after joining (the month's last day when there is no corresponding day); not earlier than a year after joining"},

		"date_unknown": {"不详", "unknown"},

		// Pickers.
		"pick_person_missing": {"请选择人员（输入姓名查找）", "choose a person (type a name to search)"},
		"pick_person_note":    {"输入姓名或身份证号后四位查找；也可填写完整身份证号", "type a name or the last four characters of the ID number to search, or a whole ID number"},
		"pick_org_note":       {"输入名称查找；也可填写组织编号", "type a name to search, or an organization number"},

		// ID numbers are stored encrypted and matched by keyed hash (issue 9):
		// only a whole one finds a person.
		"people_search_placeholder": {"姓名 / 完整身份证号", "name / whole ID number"},
		"people_search_hint": {"姓名的一部分，或完整的 18 位身份证号（身份证号加密存储，按部分号码查不到）",
			"part of a name, or a whole 18-character ID number (ID numbers are stored encrypted: part of one finds nothing)"},
		// For roles that see ID numbers masked (issue 16): a lookup by whole
		// number would confirm a guess, so they search names only.
		"people_search_placeholder_masked": {"姓名", "name"},
		"people_search_hint_masked": {"姓名的一部分（您的角色看不到完整身份证号，也不能按身份证号查找）",
			"part of a name (your role sees ID numbers masked and may not look people up by one)"},
	})
}
