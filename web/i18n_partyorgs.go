package web

// The interface text of the party organizations' pages: the form, officers,
// elections, transfers in, instructors and their dispatches.
func init() {
	addMessages("partyorgs", map[string][2]string{
		"seat":       {"所属区划", "Seat"},
		"dispatches": {"派驻", "Dispatched to"},

		// Asking before ending a party organization or a dispatch.
		"confirm_end_partyorg":   {"确认撤销", "Yes, end it"},
		"confirm_end_partyorg_q": {"确认撤销党组织“%[1]s”？撤销日期 %[2]s，它对 %[3]d 个组织的覆盖同时结束。", "End the party organization %[1]s on %[2]s? Its cover of %[3]d orgs ends with it."},
		"confirm_end_dispatch":   {"确认结束派驻", "Yes, end the dispatch"},
		"confirm_end_dispatch_q": {"确认结束 %[1]s 在“%[2]s”的派驻？结束日期 %[3]s。", "End the dispatch of %[1]s to %[2]s on %[3]s?"},

		// Elections (换届记录, 登记换届).
		"elections":         {"换届记录", "Elections"},
		"elections_note":    {"每次换届选举的日期；任期按当天之前最近一次换届计算。", "The day of each election; a term counts from the latest election up to the day."},
		"no_elections":      {"尚未登记换届。", "No election recorded yet."},
		"register_election": {"登记换届", "Record an election"},
		"election_on":       {"换届日期", "Election day"},
		"election_note":     {"说明（可选）", "Note (optional)"},

		// The party organization and dispatch forms.
		"partyorg_no":       {"党组织编号", "Party organization number"},
		"joint_kind":        {"联合方式", "Joint kind"},
		"joint_kind_note":   {"仅联合党支部填写", "joint branches only"},
		"village_org":       {"村会联合", "village and org"},
		"cross_village":     {"跨村联合", "across villages"},
		"orgs_note":         {"组织编号，以空格或顿号分隔", "org numbers separated by spaces"},
		"effective":         {"覆盖变更生效日期", "Cover changes from"},
		"effective_note":    {"新增覆盖的组织自该日起计入，移出的自该日起不再计入", "orgs added count from this day; orgs removed stop counting on it"},
		"parent":            {"上级党组织编号", "Parent (number)"},
		"manager":           {"管理党组织编号", "Managed by (number)"},
		"founding_method":   {"组建方式", "Founding method"},
		"founding_date":     {"成立日期", "Founded"},
		"term_years":        {"任期（年）", "Term (years)"},
		"elected_on":        {"最近换届日期", "Last elected"},
		"end_partyorg":      {"撤销党组织", "End this party organization"},
		"dispatch_to":       {"结束日期（可空）", "Until (optional)"},
		"choose_instructor": {"请选择指导员", "choose an instructor"},

		// Instructors listed as the dashboard counts (issue 18: lead somewhere).
		"figure_filtered": {"按首页统计口径筛选", "Filtered as the dashboard counts"},

		// Officers (新增任职, 离任).
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

		// Transfer in (组织关系转入).
		"transfer_missing_id_number":    {"请填写转入党员的身份证号", "fill in the member's ID number"},
		"transfer_missing_joined_party": {"请按组织关系介绍信填写入党日期", "fill in the joining date as the letter of transfer states it"},
		"transfer_missing_party_org":    {"请选择接收的党组织", "choose the receiving party organization"},
		"transfer_missing_transfer_on":  {"请填写转入日期", "fill in the date of the transfer"},
		"transfer_in_note": {"已经入党的党员将党组织关系转入本辖区的党组织：按组织关系介绍信填写入党日期、转正日期（预备党员不填），选择接收的党组织和转入日期。新发展的党员请在发展党员页逐步登记。",
			"A party member moving their party relation into a party organization of your scope: fill in the joining and conversion dates as the letter of transfer states them (none for a probationary member), the receiving organization and the date. New members are recorded step by step on the development page."},
		"transfer_id_note": {"须是已登记的人员；未登记的请先", "the person must be on record; if not,"},
		"transfer_full_note": {"中共党员填写；未填写的按入党日期满一年推定转正。中共预备党员不填，预备期满后在发展党员页登记转正",
			"for a full member; left empty, conversion is presumed a year after joining. None for a probationary member: record the conversion on the development page when probation ends"},
		"receiving_party_org":      {"接收党组织", "Receiving party organization"},
		"receiving_party_org_note": {"只能转入您辖区内的党组织", "only party organizations of your scope"},
		"transfer_on":              {"转入日期", "Date of transfer"},
		"transfer_origin":          {"转出党组织", "Sending party organization"},
		"transfer_origin_note":     {"按介绍信填写，如：某县某镇某村党支部", "as the letter names it"},
	})
	addTriples("field", [][3]string{
		{"elections", "换届记录", "elections"}, {"on", "日期", "on"},
	})
}
