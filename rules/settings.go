// Package rules applies the party-building rules of hezuo to one cooperative
// organization on one day: which party organization it must have, what it
// has, whether it is covered, who manages it, and why — every result with
// reasons in Chinese and English that cite the rule applied.
//
// The package is pure: structs in, structs out, no I/O, no clock, no SQL.
// Every threshold and period is a field of Settings; Catalog lists them with
// their default values, names and sources so that a store can keep them as
// data, and FromValues reads them back.
package rules

import (
	"sort"
	"strconv"
	"strings"

	"hezuo"
)

// Settings holds every threshold and period the rules use, and those the
// development, organizational-life and dues rules of the other packages use.
// Counts are people or units, periods are years or months as the field name
// says. The zero Settings is not valid; start from Defaults or FromValues.
type Settings struct {
	// Setting up party organizations in cooperative organizations.
	OwnOrgMinFull              int  // own_org_min_full: full members for an own organization
	CommitteeMinFull           int  // committee_min_full: full members requiring a branch committee
	GeneralBranchOverMembers   int  // general_branch_over_members: more party members than this (probationary included) allow a general branch
	PartyCommitteeMinMembers   int  // party_committee_min_members: party members (probationary included) allowing a base committee
	BranchSoftMaxMembers       int  // branch_soft_max_members: normal upper size of a branch
	JointMaxUnits              int  // joint_max_units: units a joint branch normally covers at most
	JointMinFull               int  // joint_min_full: full members a joint branch needs in total
	JointSameTownship          bool // joint_same_township: joint branches stay inside one township
	JointRelatedIndustry       bool // joint_related_industry: a joint branch's units are of one industry or one department's
	InstructorMaxOrgs          int  // instructor_max_orgs: orgs one instructor serves at once
	ProbationaryCountsAsMember bool // probationary_counts_as_member: probationary members mean "has members"

	// Terms of office, in years.
	TermYearsBranch        int // term_years_branch
	TermYearsGeneralBranch int // term_years_general_branch
	TermYearsCommittee     int // term_years_committee: base committees
	TermYearsVillage       int // term_years_village: village and community organizations

	// Member development (发展党员), periods in months.
	ApplicantMinAge             int // applicant_min_age: years
	TalkWithinMonths            int // talk_within_months: talk after an application
	ActivistReviewMonths        int // activist_review_months: assessment interval of activists
	ActivistMinMonths           int // activist_min_months: before becoming a development object
	Introducers                 int // introducers: full members introducing an applicant
	TrainingMinDays             int // training_min_days: training of development objects
	ApprovalMaxMonths           int // approval_max_months: higher committee's approval
	ProbationMonths             int // probation_months
	ProbationExtensionMaxMonths int // probation_extension_max_months

	// Organizational life (组织生活), intervals in months.
	MembersMeetingMonths   int // members_meeting_months: 支部党员大会
	CommitteeMeetingMonths int // committee_meeting_months: 支委会
	GroupMeetingMonths     int // group_meeting_months: 党小组会
	ThemeDayMonths         int // theme_day_months: 主题党日
	LifeMeetingMonths      int // life_meeting_months: 组织生活会
	AppraisalMonths        int // appraisal_months: 民主评议党员

	// Party dues (党费), in months.
	DuesBackPayMaxMonths int // dues_back_pay_max_months
	DuesLapseMonths      int // dues_lapse_months: unpaid without cause → treated as having left

	Platforms // loans, subsidies, the three priorities, institutions (platforms.go)
}

// Defaults returns the settings hezuo applies unless a county changes them
// (domain-rules.md, "Defaults hezuo applies").
func Defaults() Settings {
	return Settings{
		OwnOrgMinFull: 3, CommitteeMinFull: 7, GeneralBranchOverMembers: 50, PartyCommitteeMinMembers: 100,
		BranchSoftMaxMembers: 50, JointMaxUnits: 5, JointMinFull: 3, JointSameTownship: true, JointRelatedIndustry: true,
		InstructorMaxOrgs: 3, ProbationaryCountsAsMember: true,
		TermYearsBranch: 3, TermYearsGeneralBranch: 3, TermYearsCommittee: 5, TermYearsVillage: 5,
		ApplicantMinAge: 18, TalkWithinMonths: 1, ActivistReviewMonths: 6, ActivistMinMonths: 12,
		Introducers: 2, TrainingMinDays: 3, ApprovalMaxMonths: 3, ProbationMonths: 12, ProbationExtensionMaxMonths: 12,
		MembersMeetingMonths: 3, CommitteeMeetingMonths: 1, GroupMeetingMonths: 1, ThemeDayMonths: 1,
		LifeMeetingMonths: 12, AppraisalMonths: 12,
		DuesBackPayMaxMonths: 6, DuesLapseMonths: 6,
		Platforms: defaultPlatforms(),
	}
}

// TermYears returns the default term in years of a party organization of
// the given form (hezuo.Form*): 0 for forms without an elected term (party
// groups) and for unknown forms. A joint branch is a branch.
func (s Settings) TermYears(form string) int {
	switch form {
	case hezuo.FormBranch, hezuo.FormJointBranch:
		return s.TermYearsBranch
	case hezuo.FormGeneralBranch:
		return s.TermYearsGeneralBranch
	case hezuo.FormCommittee, hezuo.FormTownship, hezuo.FormDepartment:
		return s.TermYearsCommittee
	case hezuo.FormVillage:
		return s.TermYearsVillage
	}
	return 0
}

// termKey returns the settings key that TermYears(form) reads, "" when none.
func termKey(form string) string {
	switch form {
	case hezuo.FormBranch, hezuo.FormJointBranch:
		return KeyTermYearsBranch
	case hezuo.FormGeneralBranch:
		return KeyTermYearsGeneralBranch
	case hezuo.FormCommittee, hezuo.FormTownship, hezuo.FormDepartment:
		return KeyTermYearsCommittee
	case hezuo.FormVillage:
		return KeyTermYearsVillage
	}
	return ""
}

// Setting is one entry of the settings catalog: its key, its value as text,
// its human name and the rule it comes from (Source in Chinese, SourceEN in
// English).
type Setting struct {
	Key      string `json:"key"`
	Value    string `json:"value"`
	NameZH   string `json:"name_zh"`
	NameEN   string `json:"name_en"`
	Source   string `json:"source"`
	SourceEN string `json:"source_en"`
}

// Catalog returns every setting with its default value, in a fixed order
// (organization setup, terms, development, organizational life, dues).
func Catalog() []Setting { return Defaults().Catalog() }

// Catalog returns every setting with its value in s, in Catalog's order.
func (s Settings) Catalog() []Setting {
	out := make([]Setting, 0, len(entries))
	for _, e := range entries {
		out = append(out, Setting{Key: e.key, Value: e.get(&s), NameZH: e.nameZH, NameEN: e.nameEN, Source: e.src.zh, SourceEN: e.src.en})
	}
	return out
}

// Values returns s as key → text, the form FromValues reads.
func (s Settings) Values() map[string]string {
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.key] = e.get(&s)
	}
	return m
}

// FromValues starts from Defaults and overrides the keys given. An unknown
// key or a value that is not a valid number (or, for switches, true/false)
// within the setting's bounds gives an *hezuo.Error with code EINVALID whose
// Field is the key; keys are checked in sorted order, so the error is stable.
func FromValues(values map[string]string) (Settings, error) {
	s := Defaults()
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e, ok := entryByKey[k]
		if !ok {
			return Settings{}, &hezuo.Error{Code: hezuo.EINVALID, Record: "设置", Field: k,
				ZH: "未知的设置项 " + strconv.Quote(k), EN: "unknown setting " + strconv.Quote(k)}
		}
		if err := e.set(&s, values[k]); err != nil {
			return Settings{}, err
		}
	}
	return s, nil
}

func (e entry) get(s *Settings) string {
	if e.b != nil {
		return strconv.FormatBool(*e.b(s))
	}
	return strconv.Itoa(*e.i(s))
}

func (e entry) set(s *Settings, text string) error {
	v := strings.TrimSpace(text)
	if e.b != nil {
		switch strings.ToLower(v) {
		case "true", "1", "yes", "是":
			*e.b(s) = true
		case "false", "0", "no", "否":
			*e.b(s) = false
		default:
			return e.invalid(text, "应为 true 或 false", "must be true or false")
		}
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return e.invalid(text, "应为整数", "must be a whole number")
	}
	if n < e.min {
		return e.invalid(text, "不能小于 "+strconv.Itoa(e.min), "must be at least "+strconv.Itoa(e.min))
	}
	*e.i(s) = n
	return nil
}

func (e entry) invalid(text, zh, en string) error {
	return &hezuo.Error{Code: hezuo.EINVALID, Record: "设置", Field: e.key,
		ZH: "设置项 " + e.key + "（" + e.nameZH + "）的值 " + strconv.Quote(text) + " 无效：" + zh,
		EN: "setting " + e.key + " (" + e.nameEN + "): value " + strconv.Quote(text) + " is invalid: " + en}
}
