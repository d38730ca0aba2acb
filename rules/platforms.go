package rules

import (
	"fmt"

	"hezuo"
)

// Settings keys of the platforms: loans and their subsidies, the three
// priorities and the institutions (catalog.go lists them with their sources).
const (
	KeySubsidyDays365         = "subsidy_days_365"
	KeySubsidyFixedRate       = "subsidy_fixed_rate"
	KeySubsidyFixedRateBP     = "subsidy_fixed_rate_bp"
	KeySubsidyShareOfRefPct   = "subsidy_reference_share_pct"
	KeySubsidyMaxPerLoanYuan  = "subsidy_max_per_loan_yuan"
	KeySubsidyMaxPerBorrower  = "subsidy_max_per_borrower_yuan"
	KeyFeeSubsidyFromDues     = "fee_subsidy_from_dues"
	KeyGuarantorMaxYuan       = "guarantor_max_yuan"
	KeyPriorityNoOverdue      = "priority_no_overdue"
	KeyPriorityPartyOrgOK     = "priority_party_org_ok"
	KeyPriorityModelOrg       = "priority_model_org"
	KeyPriorityVanguard       = "priority_vanguard"
	KeyPriorityMinHouseholds  = "priority_min_households"
	KeyJointMeetingMonths     = "joint_meeting_months"
	KeyLectureMonths          = "party_lecture_months"
	KeyContactVisitMonths     = "contact_visit_months"
	KeyCommitmentByMonth      = "commitment_by_month"
	KeyFulfilmentByMonth      = "fulfilment_by_month"
	KeyMembersMeetingMonths   = "members_meeting_months"
	KeyCommitteeMeetingMonths = "committee_meeting_months"
	KeyGroupMeetingMonths     = "group_meeting_months"
	KeyThemeDayMonths         = "theme_day_months"
	KeyLifeMeetingMonths      = "life_meeting_months"
	KeyAppraisalMonths        = "appraisal_months"
)

// Platforms holds the settings of the platforms. Rates are in basis points
// (1/100 of a percent: 370 = 3.70%), shares in percent, money in yuan, a cap
// or a threshold of 0 meaning none.
type Platforms struct {
	// Interest subsidies (贴息), domain-rules.md §8.
	SubsidyDays365            bool // subsidy_days_365: the year has 365 days (else 360)
	SubsidyFixedRate          bool // subsidy_fixed_rate: a fixed rate (else a share of the reference rate)
	SubsidyFixedRateBP        int  // subsidy_fixed_rate_bp: the fixed rate, never above the loan's
	SubsidyShareOfRefPct      int  // subsidy_reference_share_pct: share of min(loan rate, reference rate in force: RateTable)
	SubsidyMaxPerLoanYuan     int  // subsidy_max_per_loan_yuan: per loan and year
	SubsidyMaxPerBorrowerYuan int  // subsidy_max_per_borrower_yuan: per borrower and year

	// Party-fee subsidies and guarantees.
	FeeSubsidyFromDues bool // fee_subsidy_from_dues: party dues may fund the party-fee subsidy
	GuarantorMaxYuan   int  // guarantor_max_yuan: what one public servant may guarantee at once

	// The three priorities (三个优先): conditions that must hold, and merits
	// of which one suffices.
	PriorityNoOverdue     bool // priority_no_overdue: condition, no overdue loan
	PriorityPartyOrgOK    bool // priority_party_org_ok: condition, the org's party work is in order
	PriorityModelOrg      bool // priority_model_org: merit, the org is a model (典型)
	PriorityVanguard      bool // priority_vanguard: merit, the borrower is a 致富先锋 (致富能手/技术骨干)
	PriorityMinHouseholds int  // priority_min_households: merit, the project drives this many households

	// Institutions (制度), intervals in months.
	JointMeetingMonths int // joint_meeting_months: 联席会议
	LectureMonths      int // party_lecture_months: 党课
	ContactVisitMonths int // contact_visit_months: visits to a linked household
	CommitmentByMonth  int // commitment_by_month: a year's commitments are made by the end of this month
	FulfilmentByMonth  int // fulfilment_by_month: last year's are assessed by the end of this month
}

// defaultPlatforms returns the defaults of the platforms' settings: the
// subsidy formula of domain-rules.md §8 (360 days, half of the reference
// rate in force, which the table lending_rates gives by date: §12), and
// county settings (marked [U] there) for the rest.
func defaultPlatforms() Platforms {
	return Platforms{
		SubsidyFixedRateBP: 200, SubsidyShareOfRefPct: 50,
		SubsidyMaxPerLoanYuan: 20000, SubsidyMaxPerBorrowerYuan: 30000,
		GuarantorMaxYuan:  300000,
		PriorityNoOverdue: true, PriorityPartyOrgOK: true, PriorityModelOrg: true, PriorityVanguard: true,
		PriorityMinHouseholds: 50,
		JointMeetingMonths:    3, LectureMonths: 3, ContactVisitMonths: 3, CommitmentByMonth: 3, FulfilmentByMonth: 1,
	}
}

// Sources of the platforms' settings.
var (
	citeSubsidyFormula = cite{"财政贴息通行做法，如罗江区2022年按一年期LPR的50%贴息", "common subsidy practice, e.g. Luojiang 2022: 50% of the 1-year LPR"}
	citeSubsidyCaps    = cite{"县定贴息上限（参照湘农联〔2022〕22号每个主体每年上限的做法）",
		"county caps (after Hunan 2022 No. 22, a cap per entity and year)"}
	citeNoOverdueSubsidy = cite{"财金〔2020〕21号：展期、逾期贷款不予贴息", "MoF/PBoC 2020 No. 21: no subsidy on extended or overdue loans"}
	citeDuesArt19        = cite{"《关于中国共产党党费收缴、使用和管理的规定》第十九条", "Party Dues Provisions, Art. 19"}
	citeGuarantee        = cite{"县“公职人员为农民党员担保贷款”政策（县定）", "county policy of public servants guaranteeing farmer party members' loans (county setting)"}
	citeThreePriorities  = cite{"县“三个优先”政策（优先享受贷款、贴息、财政专项补贴政策）", "county \"three priorities\" policy (loans, interest subsidies, fiscal special subsidies)"}
	citeJointMeeting     = cite{"县《农民专业合作组织与村党组织联席会议制度》", "county rules on joint meetings of cooperative and village party organizations"}
	citeContactSystem    = cite{"县《党员联系户制度》", "county rules on party members' linked households"}
	citeCommitSystem     = cite{"县《党员承诺制度》", "county rules on party members' commitments"}
	citeLecture          = cite{"《中国共产党支部工作条例（试行）》第十五条及地方规定（每季度一次）", "Branch Work Regulations, Art. 15, and local rules (quarterly)"}
)

// platformEntries are the catalog entries of the platforms (appended to
// entries in catalog.go).
var platformEntries = []entry{
	{KeySubsidyDays365, "贴息按一年365天计算（否则按360天）", "subsidy year of 365 days (otherwise 360)", citeSubsidyFormula, 0, nil, func(s *Settings) *bool { return &s.SubsidyDays365 }},
	{KeySubsidyFixedRate, "按固定贴息率贴息（否则按参考利率的比例）", "a fixed subsidy rate (otherwise a share of the reference rate)", citeSubsidyFormula, 0, nil, func(s *Settings) *bool { return &s.SubsidyFixedRate }},
	{KeySubsidyFixedRateBP, "固定贴息率（基点，200＝2%，不超过贷款利率）", "fixed subsidy rate (basis points, 200 = 2%, never above the loan's rate)", citeSubsidyFormula, 0, func(s *Settings) *int { return &s.SubsidyFixedRateBP }, nil},
	{KeySubsidyShareOfRefPct, "贴息率占参考利率（与贷款利率取低者）的比例（%）", "subsidy rate as a share of the lower of the loan's and the reference rate (%)", citeSubsidyFormula, 0, func(s *Settings) *int { return &s.SubsidyShareOfRefPct }, nil},
	{KeySubsidyMaxPerLoanYuan, "每笔贷款每年贴息上限（元，0为不限）", "subsidy cap per loan and year (yuan, 0 = none)", citeSubsidyCaps, 0, func(s *Settings) *int { return &s.SubsidyMaxPerLoanYuan }, nil},
	{KeySubsidyMaxPerBorrower, "每个借款人每年贴息上限（元，0为不限）", "subsidy cap per borrower and year (yuan, 0 = none)", citeSubsidyCaps, 0, func(s *Settings) *int { return &s.SubsidyMaxPerBorrowerYuan }, nil},
	{KeyFeeSubsidyFromDues, "党费可用于党员农贷补贴", "party dues may fund the party-fee subsidy of loans", citeDuesArt19, 0, nil, func(s *Settings) *bool { return &s.FeeSubsidyFromDues }},
	{KeyGuarantorMaxYuan, "每名公职人员同时担保金额上限（元，0为不限）", "what one public servant may guarantee at once (yuan, 0 = none)", citeGuarantee, 0, func(s *Settings) *int { return &s.GuarantorMaxYuan }, nil},
	{KeyPriorityNoOverdue, "三个优先条件：无逾期贷款", "three priorities, condition: no overdue loan", citeThreePriorities, 0, nil, func(s *Settings) *bool { return &s.PriorityNoOverdue }},
	{KeyPriorityPartyOrgOK, "三个优先条件：组织党建工作正常（已覆盖、无应建未建）", "three priorities, condition: the org's party work is in order (covered, nothing left unbuilt)", citeThreePriorities, 0, nil, func(s *Settings) *bool { return &s.PriorityPartyOrgOK }},
	{KeyPriorityModelOrg, "三个优先业绩：典型（示范）组织", "three priorities, merit: a model org", citeThreePriorities, 0, nil, func(s *Settings) *bool { return &s.PriorityModelOrg }},
	{KeyPriorityVanguard, "三个优先业绩：借款人为致富先锋党员（致富能手、技术骨干）", "three priorities, merit: the borrower is a vanguard party member", citeThreePriorities, 0, nil, func(s *Settings) *bool { return &s.PriorityVanguard }},
	{KeyPriorityMinHouseholds, "三个优先业绩：项目带动农户数（户，0为不用）", "three priorities, merit: households the project drives (0 = not used)", citeThreePriorities, 0, func(s *Settings) *int { return &s.PriorityMinHouseholds }, nil},
	{KeyJointMeetingMonths, "联席会议间隔（月）", "interval of joint meetings with the village (months)", citeJointMeeting, 1, func(s *Settings) *int { return &s.JointMeetingMonths }, nil},
	{KeyLectureMonths, "党课间隔（月）", "interval of party lectures (months)", citeLecture, 1, func(s *Settings) *int { return &s.LectureMonths }, nil},
	{KeyContactVisitMonths, "走访联系户间隔（月）", "interval of visits to a linked household (months)", citeContactSystem, 1, func(s *Settings) *int { return &s.ContactVisitMonths }, nil},
	{KeyCommitmentByMonth, "年度党员承诺完成月份（当年第几月底前）", "a year's commitments are made by the end of month", citeCommitSystem, 1, func(s *Settings) *int { return &s.CommitmentByMonth }, nil},
	{KeyFulfilmentByMonth, "上年度承诺践诺评议完成月份（次年第几月底前）", "last year's commitments are assessed by the end of month", citeCommitSystem, 1, func(s *Settings) *int { return &s.FulfilmentByMonth }, nil},
}

// RuleFeeSubsidyDues is the rule of the warning on party-fee subsidies paid
// from party dues.
const RuleFeeSubsidyDues = KeyFeeSubsidyFromDues

// DuesSubsidyWarning returns a warning when party-fee subsidies of fen were
// paid from party dues and the settings do not allow it: the dues
// provisions (Art. 19) do not list the use.
func (s Settings) DuesSubsidyWarning(fen int64) (hezuo.Reason, bool) {
	if fen == 0 || s.FeeSubsidyFromDues {
		return hezuo.Reason{}, false
	}
	return hezuo.Reason{Rule: RuleFeeSubsidyDues,
		ZH: fmt.Sprintf("党费补贴中有 %s 元来自党费，%s所列党费用途不含贷款补贴；请核实资金来源或经批准后修改设置 %s", hezuo.Yuan(fen), citeDuesArt19.zh, KeyFeeSubsidyFromDues),
		EN: fmt.Sprintf("%s yuan of party-fee subsidies came from party dues, a use %s does not list; check the source, or change the setting %s once approved", hezuo.Yuan(fen), citeDuesArt19.en, KeyFeeSubsidyFromDues)}, true
}
