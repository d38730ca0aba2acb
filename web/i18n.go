package web

// messagesArea names the catalog each key of messages came from: the base
// map below is "base", the others register theirs by area (i18n_<area>.go)
// through addMessages.
var messagesArea = map[string]string{}

// duplicateMessages lists every key registered twice ("key: area, area");
// TestMessageCatalogs fails on any, so one catalog cannot silently
// override another's text.
var duplicateMessages []string

// addMessages registers one area's interface texts, [中文, English] by key.
func addMessages(area string, m map[string][2]string) {
	if len(messagesArea) == 0 {
		for k := range messages {
			messagesArea[k] = "base"
		}
	}
	for k, v := range m {
		if prev, ok := messagesArea[k]; ok {
			duplicateMessages = append(duplicateMessages, k+": "+prev+", "+area)
		}
		messagesArea[k] = area
		messages[k] = v
	}
}

// messages is the interface text in Chinese and English, by key.
var messages = map[string][2]string{
	"app":                    {"合作组织党建", "Cooperative party-building"},
	"dashboard":              {"首页", "Dashboard"},
	"orgs":                   {"合作组织", "Organizations"},
	"people":                 {"人员", "People"},
	"partyorgs":              {"党组织", "Party organizations"},
	"instructors":            {"指导员", "Instructors"},
	"divisions":              {"区划", "Divisions"},
	"check":                  {"规则检查", "Check"},
	"users":                  {"用户管理", "Users"},
	"audit":                  {"审计日志", "Audit log"},
	"logout":                 {"退出", "Sign out"},
	"login":                  {"登录", "Sign in"},
	"username":               {"用户名", "User name"},
	"password":               {"密码", "Password"},
	"as_of":                  {"截止日期", "As of"},
	"scope":                  {"范围", "Scope"},
	"show":                   {"查看", "Show"},
	"search":                 {"搜索", "Search"},
	"search_hint":            {"编号、名称、产业或信用代码", "number, name, industry or credit code"},
	"all":                    {"全部", "All"},
	"kind":                   {"类型", "Kind"},
	"industry":               {"产业", "Industry"},
	"village":                {"所在村", "Village"},
	"villages":               {"覆盖村", "Villages spanned"},
	"township":               {"乡镇", "Township"},
	"name":                   {"名称", "Name"},
	"person_name":            {"姓名", "Name"},
	"org_id":                 {"组织编号", "Org number"},
	"credit_code":            {"统一社会信用代码", "Unified social credit code"},
	"registered_on":          {"登记日期", "Registered on"},
	"registered":             {"已登记", "Registered"},
	"households":             {"带动农户", "Households driven"},
	"founded":                {"成立日期", "Founded"},
	"dissolved":              {"注销日期", "Dissolved"},
	"model":                  {"典型", "Model"},
	"model_note":             {"典型说明", "Model note"},
	"members":                {"会员", "Members"},
	"party_members":          {"党员", "Party members"},
	"total":                  {"共", "Total"},
	"items":                  {"条", "rows"},
	"prev":                   {"上一页", "Previous"},
	"next":                   {"下一页", "Next"},
	"page":                   {"页", "page"},
	"include_ended":          {"含已注销", "include dissolved"},
	"new_org":                {"新建组织", "New organization"},
	"edit":                   {"修改", "Edit"},
	"save":                   {"保存", "Save"},
	"end_org":                {"注销组织", "Dissolve"},
	"end_on":                 {"注销日期", "Dissolution date"},
	"required":               {"应有形式", "Required"},
	"actual":                 {"实有形式", "Actual"},
	"status":                 {"状态", "Status"},
	"managed_by":             {"管理党组织", "Managed by"},
	"reasons":                {"依据", "Reasons"},
	"warnings":               {"提示", "Warnings"},
	"suggestions":            {"建议", "Suggestions"},
	"rule_result":            {"规则判定", "Rule result"},
	"no_rule":                {"该组织当日不存在，无判定", "the org does not exist that day: no result"},
	"form":                   {"组织形式", "Form"},
	"secretary":              {"书记", "Secretary"},
	"seat":                   {"所属区划", "Seat"},
	"covers":                 {"覆盖组织", "Covers"},
	"unit":                   {"工作单位", "Unit"},
	"dispatches":             {"派驻", "Dispatched to"},
	"id_number":              {"身份证号", "ID number"},
	"phone":                  {"联系电话", "Phone"},
	"sex":                    {"性别", "Sex"},
	"birth_date":             {"出生日期", "Born"},
	"birth_year":             {"出生年份", "Year of birth"},
	"party_status":           {"政治面貌", "Party status"},
	"talent":                 {"技术人才", "Technical talent"},
	"leader":                 {"致富能手", "Leader"},
	"role":                   {"角色", "Role"},
	"joined":                 {"加入", "Joined"},
	"left":                   {"退出", "Left"},
	"memberships":            {"所属组织", "Memberships"},
	"masked_note":            {"身份证号和电话已隐藏（您的角色无权查看）", "ID number and phone masked (your role may not see them)"},
	"unmasked_note":          {"本次查看完整身份证号和电话已记入审计日志", "this view of the whole ID number and phone is recorded in the audit log"},
	"blank_spots":            {"空白点", "Blank spots"},
	"should_build":           {"应建未建", "Should build, not built"},
	"per_township":           {"分乡镇", "Per township"},
	"orgs_count":             {"组织数", "Orgs"},
	"level":                  {"级别", "Level"},
	"code":                   {"代码", "Code"},
	"subject":                {"对象（部门代码/组织编号/指导员身份证号）", "Subject (department code / org number / instructor ID number)"},
	"create_user":            {"新建用户", "New user"},
	"disable":                {"停用", "Disable"},
	"enable":                 {"启用", "Enable"},
	"disabled":               {"已停用", "disabled"},
	"reset_password":         {"重设密码", "Reset password"},
	"new_password":           {"新密码", "New password"},
	"when":                   {"时间", "When"},
	"user":                   {"用户", "User"},
	"action":                 {"操作", "Action"},
	"entity":                 {"对象", "Record"},
	"key":                    {"编号", "Key"},
	"before":                 {"修改前", "Before"},
	"after":                  {"修改后", "After"},
	"note":                   {"说明", "Note"},
	"error":                  {"出错了", "Something went wrong"},
	"back":                   {"返回", "Back"},
	"none":                   {"无", "none"},
	"yes":                    {"是", "yes"},
	"no":                     {"否", "no"},
	"party_only":             {"仅党员", "party members only"},
	"talent_only":            {"仅技术人才", "technical talents only"},
	"saved":                  {"已保存", "Saved"},
	"instructor":             {"派驻指导员", "Instructor"},
	"details":                {"详情", "Details"},
	"chart_kinds":            {"各乡镇合作组织（按类型）", "Orgs by township and kind"},
	"chart_kinds_county":     {"各县（市、区）合作组织（按类型）", "Orgs by county and kind"},
	"chart_kinds_prefecture": {"各市（州）合作组织（按类型）", "Orgs by prefecture and kind"},
	"chart_kinds_province":   {"各省（区、市）合作组织（按类型）", "Orgs by province and kind"},
	"chart_forms":            {"党组织形式", "Party-organization forms"},
	"chart_coverage":         {"党的工作覆盖", "Coverage of party work"},
	"chart_trend":            {"会员与党员变化", "Members and party members over time"},
	"version_note":           {"保存时核对版本，避免覆盖他人的修改", "saving checks the version so no one's change is overwritten"},
	"lang_switch":            {"English", "中文"},
}

// tr returns the text of key in lang (the key itself when unknown, so a
// missing entry shows up instead of vanishing).
func tr(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

func init() {
	addMessages("base", map[string][2]string{
		"g_orgs":              {"合作组织", "Organizations"},
		"g_members":           {"会员与党员", "Members and party members"},
		"g_partyorgs":         {"党组织建设", "Party organizations"},
		"g_instructors":       {"党建工作指导员", "Instructors"},
		"g_platforms":         {"帮扶、资金与科技平台", "Assistance, funding and training"},
		"g_talent":            {"人才", "Talent"},
		"c_orgs_total":        {"合作组织总数", "Organizations"},
		"c_cooperatives":      {"专业合作社", "Cooperatives"},
		"c_associations":      {"产业协会", "Associations"},
		"c_unions":            {"联合社", "Unions"},
		"c_coop_members":      {"合作社会员", "Cooperative members"},
		"c_coop_party":        {"合作社党员", "Cooperative party members"},
		"c_coop_households":   {"合作社带动农户", "Households driven"},
		"c_assoc_members":     {"协会会员", "Association members"},
		"c_assoc_party":       {"协会党员", "Association party members"},
		"c_branches":          {"合作组织党支部", "Org party branches"},
		"c_general":           {"党总支", "General branches"},
		"c_joint":             {"联合党支部", "Joint branches"},
		"c_groups":            {"产业党小组", "Party groups"},
		"c_dispatched":        {"派驻指导员", "Instructors dispatched"},
		"c_orgs_covered":      {"派驻组织", "Orgs with an instructor"},
		"c_developed":         {"发展党员", "Members developed"},
		"c_activists":         {"入党积极分子", "Activists"},
		"c_units":             {"包村联户单位", "Assisting units"},
		"c_orgs_assisted":     {"帮扶组织", "Orgs assisted"},
		"c_households_paired": {"结对帮扶农户", "Households paired"},
		"c_out_of_poverty":    {"脱贫人口", "People out of poverty"},
		"c_loans":             {"党员农贷", "Party-member loans"},
		"c_loans_coops":       {"其中用于合作组织", "of which for cooperatives"},
		"c_million_yuan":      {"百万元", "million yuan"},
		"c_sessions":          {"培训期数", "Training sessions"},
		"c_attendances":       {"培训人次", "Attendances"},
		"c_talent_party":      {"组织内党员", "Party members in orgs"},
		"c_talent_tech":       {"农村专业技术人才", "Technical talents"},
		"c_share_coop":        {"占合作社会员", "Share of cooperative members"},
		"c_share_coop_note":   {"分母：合作社会员", "denominator: cooperative members"},
		"c_share_all":         {"占全部会员", "Share of all members"},
		"c_share_all_note":    {"分母：全部会员", "denominator: all members"},
		"cov_own":             {"单独建党组织", "Own party organization"},
		"cov_joint":           {"联合支部或党小组", "Joint branch or group"},
		"cov_instructor":      {"仅派驻指导员", "Instructor only"},
	})
}
