package hezuo

import (
	"context"
	"strings"
)

// Stats are the figures of one scope on one day (cli.md `stats`). Member
// counts count memberships active that day (a person in two orgs counts in
// each); party members are full plus probationary. Every figure is additive:
// the figures of a scope are the sums of those of its townships (issue 7), so
// talent counts memberships, party organizations are attributed to one org
// and instructors to their dispatching township (see each type).
type Stats struct {
	AsOf         string          `json:"as_of"`
	Scope        string          `json:"scope"`
	Orgs         OrgCounts       `json:"orgs"`
	Cooperatives KindFigures     `json:"cooperatives"`
	Associations KindFigures     `json:"associations"`
	Unions       KindFigures     `json:"unions"`
	AllMembers   int             `json:"all_members"`
	PartyOrgs    PartyOrgCounts  `json:"party_orgs"`
	Instructors  InstructorStats `json:"instructors"`
	Assistance   AssistanceStats `json:"assistance"`
	Loans        LoanStats       `json:"loans"`
	Training     TrainingStats   `json:"training"`
	Talent       TalentStats     `json:"talent"`
	Coverage     CoverageStats   `json:"coverage"`
	ManagedBy    map[string]int  `json:"managed_by"` // orgs per manager level
}

// OrgCounts counts orgs existing on the day, by kind.
type OrgCounts struct {
	Total        int `json:"total"`
	Cooperatives int `json:"cooperatives"`
	Associations int `json:"associations"`
	Unions       int `json:"unions"`
	Registered   int `json:"registered"`
	Models       int `json:"models"`
}

// KindFigures are the member figures of one org kind.
type KindFigures struct {
	Orgs             int `json:"orgs"`
	Members          int `json:"members"`
	PartyMembers     int `json:"party_members"`
	FullMembers      int `json:"full_party_members"`
	HouseholdsDriven int `json:"households_driven"`
}

// PartyOrgCounts counts active party organizations built in or for
// cooperative organizations, each once, where the existing org with the
// smallest id among those it is linked to that day lies: exactly those
// linked to an org in scope for a county or wider scope (a party
// organization does not cross counties).
type PartyOrgCounts struct {
	Branches        int `json:"branches"`
	GeneralBranches int `json:"general_branches"`
	Committees      int `json:"committees"`
	JointBranches   int `json:"joint_branches"`
	PartyGroups     int `json:"party_groups"`
}

// InstructorStats: instructors of the scope's townships (by the township
// dispatching them) with an active dispatch to an existing org; the orgs in
// scope having one; and, added up over the orgs in scope, their members
// admitted as party members during a dispatch (up to the day) and the
// activists among the members of those with an active dispatch.
type InstructorStats struct {
	Dispatched       int `json:"dispatched"`
	OrgsCovered      int `json:"orgs_covered"`
	MembersDeveloped int `json:"members_developed"`
	Activists        int `json:"activists"`
}

// AssistanceStats are the 包村联户 and 结对帮扶 figures: units with an active
// pairing, the orgs and villages paired that day; households paired and
// people out of poverty in them, cumulative up to the day.
type AssistanceStats struct {
	Units              int `json:"units"`
	OrgsAssisted       int `json:"orgs_assisted"`
	VillagesAssisted   int `json:"villages_assisted"`
	HouseholdsPaired   int `json:"households_paired"`
	HouseholdsOut      int `json:"households_out_of_poverty"`
	PeopleOutOfPoverty int `json:"people_out_of_poverty"`
}

// LoanStats are party-member loan figures, money in fen: loans disbursed up
// to the day, those made for an org's development, principal outstanding
// and loans overdue that day, households the funded projects drive, and
// party-fee subsidies paid up to the day.
type LoanStats struct {
	Count             int   `json:"count"`
	TotalFen          int64 `json:"total_fen"`
	ToCooperativesFen int64 `json:"to_cooperatives_fen"`
	OutstandingFen    int64 `json:"outstanding_fen"`
	Overdue           int   `json:"overdue"`
	HouseholdsDriven  int   `json:"households_driven"`
	FeeSubsidyFen     int64 `json:"fee_subsidy_fen"`
}

// TrainingStats are training figures: sessions held up to the day (and
// those through the remote-education network), attendances and distinct
// people trained.
type TrainingStats struct {
	Sessions       int `json:"sessions"`
	RemoteSessions int `json:"remote_sessions"`
	Attendances    int `json:"attendances"`
	People         int `json:"people"`
}

// TalentStats: party-member memberships (the kinds' party members added
// up, 763 = 354 + 409 in the seed) and memberships of technical talents who
// are not party members, and their share of the cooperatives' members and of
// all members.
type TalentStats struct {
	PartyMembers              int     `json:"party_members"`
	TechnicalTalents          int     `json:"technical_talents"`
	ShareOfCooperativeMembers float64 `json:"share_of_cooperative_members"`
	ShareOfAllMembers         float64 `json:"share_of_all_members"`
}

// CoverageStats come from the rules: blank spots (covered by nothing) and
// orgs that must have their own party organization and do not.
type CoverageStats struct {
	Orgs                int `json:"orgs"`
	Covered             int `json:"covered"`
	Uncovered           int `json:"uncovered"`
	ShouldBuildNotBuilt int `json:"should_build_not_built"`
	OwnOrg              int `json:"own_org"`
	JointOrGroup        int `json:"joint_or_group"`
	InstructorOnly      int `json:"instructor_only"`
}

// Reason is one sentence of a rule's explanation, in Chinese and English,
// with the rule (settings key or rule id) it applies.
type Reason struct {
	Rule string `json:"rule"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// Text returns the reason in lang: English for "en" (or "en-…"), Chinese
// otherwise.
func (r Reason) Text(lang string) string {
	if strings.HasPrefix(lang, "en") && r.EN != "" {
		return r.EN
	}
	return r.ZH
}

// Manager is the organization managing an org's party work.
type Manager struct {
	Level string `json:"level"` // village | township | department | undecided (across counties, Code "")
	Code  string `json:"code"`
	Name  string `json:"name"`
}

// CheckRow is the rule result of one org on one day (cli.md `check`), with
// its reasons in both languages.
type CheckRow struct {
	CheckFacts
	Reasons     []Reason `json:"-"`
	Warnings    []Reason `json:"-"`
	Suggestions []Reason `json:"-"`
}

// CheckFacts are the fields of a check result other than its reasons.
type CheckFacts struct {
	OrgNo               string   `json:"org_id"`
	Name                string   `json:"name"`
	Kind                string   `json:"kind"`
	Registered          bool     `json:"registered"`
	Village             string   `json:"village"`
	Township            string   `json:"township"`
	Industry            string   `json:"industry"`
	Members             int      `json:"members"`
	FullPartyMembers    int      `json:"full_party_members"`
	ProbationaryMembers int      `json:"probationary_party_members"`
	Required            string   `json:"required"`
	Actual              string   `json:"actual"`
	Status              string   `json:"status"`
	ManagedBy           Manager  `json:"managed_by"`
	PartyOrgs           []string `json:"party_orgs"`
	Instructor          bool     `json:"instructor"`
	// Uncovered and ShouldBuildNotBuilt say which coverage figures count
	// the org (rules.Uncovered, rules.ShouldBuildNotBuilt): an uncovered
	// org that must build is in both, its status being "uncovered".
	Uncovered           bool `json:"uncovered"`
	ShouldBuildNotBuilt bool `json:"should_build_not_built"`
	// Coverage is the org's coverage class (rules.CoverageClass: own_org,
	// joint_or_group, instructor_only, uncovered), the slice of the
	// dashboard's coverage chart it is in.
	Coverage string `json:"coverage"`
	// TermDue says a party organization covering the org has served its
	// term (换届到期, rules.TermDue): the term of the settings
	// (term_years_*) or its own has ended on or before the day.
	TermDue bool `json:"term_due"`
}

// Figures computes statistics and the check for a scope on a day.
type Figures interface {
	Stats(ctx context.Context, scope Scope, day Date) (*Stats, error)
	Check(ctx context.Context, scope Scope, day Date) ([]CheckRow, error)
}

// ByKind returns a pointer to the figures of org kind k.
func (s *Stats) ByKind(k string) *KindFigures {
	switch k {
	case KindCooperative:
		return &s.Cooperatives
	case KindAssociation:
		return &s.Associations
	default:
		return &s.Unions
	}
}
