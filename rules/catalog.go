package rules

// Settings keys. A Reason's Rule is one of these when a threshold or period
// decided it.
const (
	KeyOwnOrgMinFull              = "own_org_min_full"
	KeyCommitteeMinFull           = "committee_min_full"
	KeyGeneralBranchOverMembers   = "general_branch_over_members"
	KeyPartyCommitteeMinMembers   = "party_committee_min_members"
	KeyBranchSoftMaxMembers       = "branch_soft_max_members"
	KeyJointMaxUnits              = "joint_max_units"
	KeyJointMinFull               = "joint_min_full"
	KeyJointSameTownship          = "joint_same_township"
	KeyJointRelatedIndustry       = "joint_related_industry"
	KeyInstructorMaxOrgs          = "instructor_max_orgs"
	KeyProbationaryCountsAsMember = "probationary_counts_as_member"
	KeyTermYearsBranch            = "term_years_branch"
	KeyTermYearsGeneralBranch     = "term_years_general_branch"
	KeyTermYearsCommittee         = "term_years_committee"
	KeyTermYearsVillage           = "term_years_village"
)

// cite is a rule's source, in Chinese and English.
type cite struct{ zh, en string }

// Sources cited by settings and reasons. Article numbers follow
// domain-rules.md; where it marks a number unconfirmed the chapter is cited.
var (
	citeBranchArt4      = cite{"《中国共产党支部工作条例（试行）》第四条", "Branch Work Regulations, Art. 4"}
	citeBranchCh2       = cite{"《中国共产党支部工作条例（试行）》第二章", "Branch Work Regulations, Ch. 2"}
	citeBranchCh6       = cite{"《中国共产党支部工作条例（试行）》第六章", "Branch Work Regulations, Ch. 6"}
	citeBranchArt13     = cite{"《中国共产党支部工作条例（试行）》第十三条", "Branch Work Regulations, Art. 13"}
	citeBranchArt4And13 = cite{"《中国共产党支部工作条例（试行）》第四条、第十三条", "Branch Work Regulations, Arts. 4 and 13"}
	citeRuralCh2        = cite{"《中国共产党农村基层组织工作条例》第二章", "Rural Base Organization Regulations, Ch. 2"}
	citeRuralArt5       = cite{"《中国共产党农村基层组织工作条例》第五条", "Rural Base Organization Regulations, Art. 5"}
	citeBranchArt5      = cite{"《中国共产党支部工作条例（试行）》第五条", "Branch Work Regulations, Art. 5"}
	citeConst30         = cite{"《中国共产党章程》第三十条", "Party Constitution, Art. 30"}
	citeTerms           = cite{"2018年《关于党的基层组织任期的意见》", "2018 Opinion on the Terms of Party Base Organizations"}
	citeCoverage        = cite{"中办发〔2012〕11号“两个覆盖”", "CPC General Office Opinion No. 11 of 2012, \"two coverages\""}
	citeCounty          = cite{"县《农民专业合作组织党组织设置工作程序》", "county procedure for party organizations in cooperative organizations"}
	citeVanguard        = cite{"县“致富先锋工程”", "county \"Vanguards of Prosperity\" programme"}
	citeConst7          = cite{"《中国共产党章程》第七条", "Party Constitution, Art. 7"}
	citeCountySet       = cite{"县委组织部规定（县定）", "county organization department (county setting)"}
)

func (c cite) and(o cite) cite { return cite{c.zh + "；" + o.zh, c.en + "; " + o.en} }

func develop(art string) cite {
	return cite{"《中国共产党发展党员工作细则》第" + art + "条", "Member Development Rules, Art. " + art}
}

func branchArt(zh, en string) cite {
	return cite{"《中国共产党支部工作条例（试行）》第" + zh + "条", "Branch Work Regulations, Art. " + en}
}

// entry describes one setting: exactly one of i and b gives its field.
type entry struct {
	key            string
	nameZH, nameEN string
	src            cite
	min            int
	i              func(*Settings) *int
	b              func(*Settings) *bool
}

// entries is the one list of settings: Catalog, Values and FromValues read
// it. The platforms' entries (platforms.go) come last.
var entries = append([]entry{
	{KeyOwnOrgMinFull, "已登记组织单独建立党组织所需正式党员数", "full members a registered org needs for its own party organization", citeBranchArt4, 1, func(s *Settings) *int { return &s.OwnOrgMinFull }, nil},
	{KeyCommitteeMinFull, "须设立支部委员会的正式党员数", "full members from which a branch must have a committee", citeBranchCh6.and(citeConst30), 1, func(s *Settings) *int { return &s.CommitteeMinFull }, nil},
	{KeyGeneralBranchOverMembers, "党员人数（含预备党员）超过此数可设立党总支", "party members (probationary included) above which a general branch may be set up", citeRuralArt5, 0, func(s *Settings) *int { return &s.GeneralBranchOverMembers }, nil},
	{KeyPartyCommitteeMinMembers, "可设立基层党委的党员人数（含预备党员）", "party members (probationary included) from which a base party committee may be set up", citeRuralArt5, 1, func(s *Settings) *int { return &s.PartyCommitteeMinMembers }, nil},
	{KeyBranchSoftMaxMembers, "党支部党员人数一般上限", "normal upper size of a branch", citeBranchArt4, 1, func(s *Settings) *int { return &s.BranchSoftMaxMembers }, nil},
	{KeyJointMaxUnits, "联合党支部覆盖单位一般上限", "units a joint branch normally covers at most", citeBranchArt5, 1, func(s *Settings) *int { return &s.JointMaxUnits }, nil},
	{KeyJointMinFull, "联合党支部正式党员最少人数", "full members a joint branch needs in total", citeBranchArt5, 1, func(s *Settings) *int { return &s.JointMinFull }, nil},
	{KeyJointSameTownship, "联合党支部限于同一乡镇（地域相邻）", "joint branches stay inside one township (neighbouring areas)", citeBranchArt5, 0, nil, func(s *Settings) *bool { return &s.JointSameTownship }},
	{KeyJointRelatedIndustry, "联合党支部各单位行业相近（同一产业或同属一个涉农部门）", "a joint branch's units are of similar trades (one industry, or industries of one agriculture-related department)", citeBranchArt5.and(citeCounty), 0, nil, func(s *Settings) *bool { return &s.JointRelatedIndustry }},
	{KeyInstructorMaxOrgs, "每名党建工作指导员同时联系的组织上限", "orgs one instructor serves at a time", citeCountySet, 1, func(s *Settings) *int { return &s.InstructorMaxOrgs }, nil},
	{KeyProbationaryCountsAsMember, "只有预备党员的组织视为有党员（组建党小组或联合党支部）", "an org with only probationary members counts as having party members (group or joint branch)", citeConst7.and(citeCounty), 0, nil, func(s *Settings) *bool { return &s.ProbationaryCountsAsMember }},

	{KeyTermYearsBranch, "党支部（含联合党支部）任期（年）", "term of a branch, joint branches included (years)", citeTerms, 1, func(s *Settings) *int { return &s.TermYearsBranch }, nil},
	{KeyTermYearsGeneralBranch, "党总支任期（年）", "term of a general branch (years)", citeTerms, 1, func(s *Settings) *int { return &s.TermYearsGeneralBranch }, nil},
	{KeyTermYearsCommittee, "基层党委任期（年）", "term of a base party committee (years)", citeTerms, 1, func(s *Settings) *int { return &s.TermYearsCommittee }, nil},
	{KeyTermYearsVillage, "村（社区）党组织任期（年）", "term of a village or community party organization (years)", citeTerms, 1, func(s *Settings) *int { return &s.TermYearsVillage }, nil},

	{"applicant_min_age", "入党申请人最低年龄（岁）", "minimum age of an applicant (years)", cite{"《中国共产党章程》第一条", "Party Constitution, Art. 1"}, 1, func(s *Settings) *int { return &s.ApplicantMinAge }, nil},
	{"talk_within_months", "收到入党申请后谈话期限（月）", "talk with an applicant within (months)", develop("七"), 1, func(s *Settings) *int { return &s.TalkWithinMonths }, nil},
	{"activist_review_months", "入党积极分子考察间隔（月）", "interval of activist assessments (months)", develop("十一"), 1, func(s *Settings) *int { return &s.ActivistReviewMonths }, nil},
	{"activist_min_months", "确定为发展对象前的培养期（月）", "time as an activist before becoming a development object (months)", develop("十三"), 1, func(s *Settings) *int { return &s.ActivistMinMonths }, nil},
	{"introducers", "入党介绍人人数（正式党员）", "introducers, full members", cite{"《中国共产党章程》第五条", "Party Constitution, Art. 5"}, 1, func(s *Settings) *int { return &s.Introducers }, nil},
	{"training_min_days", "发展对象集中培训最少天数", "minimum training of a development object (days)", develop("十七"), 1, func(s *Settings) *int { return &s.TrainingMinDays }, nil},
	{"approval_max_months", "上级党委审批期限（月）", "higher committee's approval within (months)", develop("二十四"), 1, func(s *Settings) *int { return &s.ApprovalMaxMonths }, nil},
	{"probation_months", "预备期（月）", "probation (months)", citeConst7, 1, func(s *Settings) *int { return &s.ProbationMonths }, nil},
	{"probation_extension_max_months", "延长预备期上限（月）", "longest extension of probation (months)", citeConst7, 1, func(s *Settings) *int { return &s.ProbationExtensionMaxMonths }, nil},

	{"members_meeting_months", "支部党员大会间隔（月）", "interval of branch members' meetings (months)", branchArt("十一", "11"), 1, func(s *Settings) *int { return &s.MembersMeetingMonths }, nil},
	{"committee_meeting_months", "支部委员会会议间隔（月）", "interval of branch committee meetings (months)", branchArt("十二", "12"), 1, func(s *Settings) *int { return &s.CommitteeMeetingMonths }, nil},
	{"group_meeting_months", "党小组会间隔（月）", "interval of party group meetings (months)", citeBranchArt13, 1, func(s *Settings) *int { return &s.GroupMeetingMonths }, nil},
	{"theme_day_months", "主题党日间隔（月）", "interval of theme party days (months)", branchArt("十六", "16"), 1, func(s *Settings) *int { return &s.ThemeDayMonths }, nil},
	{"life_meeting_months", "组织生活会间隔（月）", "interval of organizational-life meetings (months)", branchArt("十七", "17"), 1, func(s *Settings) *int { return &s.LifeMeetingMonths }, nil},
	{"appraisal_months", "民主评议党员间隔（月）", "interval of democratic appraisals of members (months)", branchArt("十九", "19"), 1, func(s *Settings) *int { return &s.AppraisalMonths }, nil},

	{"dues_back_pay_max_months", "党费补交期限（月）", "longest back payment of dues (months)", cite{"《关于中国共产党党费收缴、使用和管理的规定》第十二条", "Party Dues Provisions, Art. 12"}, 1, func(s *Settings) *int { return &s.DuesBackPayMaxMonths }, nil},
	{"dues_lapse_months", "无正当理由不交党费视为自行脱党的期限（月）", "months of unpaid dues without cause after which a member is treated as having left", cite{"《中国共产党章程》第九条", "Party Constitution, Art. 9"}, 1, func(s *Settings) *int { return &s.DuesLapseMonths }, nil},
}, platformEntries...)

// entryByKey indexes entries.
var entryByKey = func() map[string]entry {
	m := make(map[string]entry, len(entries))
	for _, e := range entries {
		m[e.key] = e
	}
	return m
}()

// source returns the citation of a setting's rule.
func source(key string) cite { return entryByKey[key].src }
