package web

// The interface text of the figures: the dashboard and its cards and
// charts, the check page and its lists, the report page.
func init() {
	addMessages("figures", map[string][2]string{
		// Dashboard: charts, groups and cards; check page.
		"blank_spots":            {"空白点", "Blank spots"},
		"should_build":           {"应建未建", "Should build, not built"},
		"per_township":           {"分乡镇", "Per township"},
		"chart_kinds":            {"各乡镇合作组织（按类型）", "Orgs by township and kind"},
		"chart_kinds_county":     {"各县（市、区）合作组织（按类型）", "Orgs by county and kind"},
		"chart_kinds_prefecture": {"各市（州）合作组织（按类型）", "Orgs by prefecture and kind"},
		"chart_kinds_province":   {"各省（区、市）合作组织（按类型）", "Orgs by province and kind"},
		"chart_forms":            {"党组织形式", "Party-organization forms"},
		"chart_coverage":         {"党的工作覆盖", "Coverage of party work"},
		"chart_trend":            {"会员与党员变化", "Members and party members over time"},
		"g_orgs":                 {"合作组织", "Organizations"},
		"g_members":              {"会员与党员", "Members and party members"},
		"g_partyorgs":            {"党组织建设", "Party organizations"},
		"g_instructors":          {"党建工作指导员", "Instructors"},
		"g_platforms":            {"帮扶、资金与科技平台", "Assistance, funding and training"},
		"g_talent":               {"人才", "Talent"},
		"c_orgs_total":           {"合作组织总数", "Organizations"},
		"c_cooperatives":         {"专业合作社", "Cooperatives"},
		"c_associations":         {"产业协会", "Associations"},
		"c_unions":               {"联合社", "Unions"},
		"c_coop_members":         {"合作社会员", "Cooperative members"},
		"c_coop_party":           {"合作社党员", "Cooperative party members"},
		"c_coop_households":      {"合作社带动农户", "Households driven"},
		"c_assoc_members":        {"协会会员", "Association members"},
		"c_assoc_party":          {"协会党员", "Association party members"},
		"c_branches":             {"合作组织党支部", "Org party branches"},
		"c_general":              {"党总支", "General branches"},
		"c_joint":                {"联合党支部", "Joint branches"},
		"c_groups":               {"产业党小组", "Party groups"},
		"c_dispatched":           {"派驻指导员", "Instructors dispatched"},
		"c_orgs_covered":         {"派驻组织", "Orgs with an instructor"},
		"c_developed":            {"发展党员", "Members developed"},
		"c_activists":            {"入党积极分子", "Activists"},
		"c_units":                {"包村联户单位", "Assisting units"},
		"c_orgs_assisted":        {"帮扶组织", "Orgs assisted"},
		"c_households_paired":    {"结对帮扶农户", "Households paired"},
		"c_out_of_poverty":       {"脱贫人口", "People out of poverty"},
		"c_loans":                {"党员农贷", "Party-member loans"},
		"c_loans_coops":          {"其中用于合作组织", "of which for cooperatives"},
		"c_million_yuan":         {"百万元", "million yuan"},
		"c_talent_party":         {"组织内党员", "Party members in orgs"},
		"c_talent_tech":          {"农村专业技术人才", "Technical talents"},
		"c_share_coop":           {"占合作社会员", "Share of cooperative members"},
		"c_share_coop_note":      {"分母：合作社会员", "denominator: cooperative members"},
		"c_share_all":            {"占全部会员", "Share of all members"},
		"c_share_all_note":       {"分母：全部会员", "denominator: all members"},
		"cov_own":                {"单独建党组织", "Own party organization"},
		"cov_joint":              {"联合支部或党小组", "Joint branch or group"},
		"cov_instructor":         {"仅派驻指导员", "Instructor only"},

		// Report page.
		"report_compare":  {"对比日期（可选）", "Compare with (optional)"},
		"report_lang":     {"报告语言", "Report language"},
		"report_show":     {"生成", "Build"},
		"report_download": {"下载", "Download"},
		"report_nopdf":    {"本机未安装 Chromium，无法生成 PDF", "no Chromium here: PDF is unavailable"},
		"report_preview":  {"预览（正文与表格标题；图表和表格见下载文件）", "Preview (prose and table captions; charts and tables are in the downloads)"},

		// The check page's lists (issue 18: lead somewhere).
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

		// Dashboard heading.
		"dash_heading": {"合作组织党建", "party building in farmers' organizations"},

		// Party members whose dates are unknown (check page).
		"party_dates_unknown_n": {"%d 名党员入党日期不详，按加入组织日期计为党员，请补录",
			"%d party members without a joining date, counted from the day they joined their org: fill the dates in"},
		"party_dates_unknown_note": {"政治面貌属实，自何时起不详：请在人员信息中补录入党日期和转正日期", "the status is a fact, since when is not: fill in the dates on the person's form"},
		"counted_from":             {"计入起始日", "Counted from"},
		"shown_first_n":            {"仅列前 %d 名", "the first %d shown"},

		// Dashboard: to-do list and platform figures.
		"todo_overdue":       {"待办/逾期", "To do / overdue"},
		"g_platform_figures": {"平台工作", "Platforms"},
		"c_loans_count":      {"党员农贷笔数", "Party-member loans"},
		"c_overdue_inst":     {"组织生活逾期事项", "Institutions overdue"},
		"c_dev_due":          {"发展党员待办", "Development steps due"},
		"c_dev_overdue":      {"发展党员逾期", "Development steps overdue"},
		"c_households_out":   {"脱贫户", "Households out of poverty"},
		"more_overdue":       {"查看全部逾期事项", "See every overdue item"},
		"todo_wide":          {"范围大于一个县时，待办和逾期事项请按县或乡镇查看。", "For a scope wider than a county, see the overdue items county by county or township by township."},
		"no_overdue":         {"没有逾期事项", "nothing overdue"},
		"todo_loading":       {"正在计算待办和逾期事项……", "Computing the overdue items…"},
		"chart_training":     {"培训期数与人次（按年）", "Training sessions and attendances by year"},
	})
}

// SeesReport tells the layout whether to link the report page: roles whose
// reach is a whole division (reports count every org of an area).
func (p Page) SeesReport() bool { return p.SeesPlans() }
