package summaries

import (
	"strings"

	"hezuo"
	"hezuo/rules"
)

// Metrics are the additive figures the roll-ups keep per area, org kind and
// day; Stats is assembled from their sums (statsFromMetrics). The order is
// that of metricCols, the columns of summary_delta and summary_snapshot.
const (
	mOrgs = iota
	mRegistered
	mModels
	mMembers
	mParty // full + probationary
	mFull
	mHouseholds
	mTalents
	mUncovered
	mShouldBuild
	mOwnOrg
	mJointOrGroup
	mInstructorOnly
	mManagedVillage
	mManagedTownship
	mManagedDepartment
	mBranches // …then general branches, committees, joint branches, party groups (partyOrgForms)
	mGeneralBranches
	mCommittees
	mJointBranches
	mPartyGroups
	mOrgsCovered
	mDeveloped
	mActivists // activists among the members of orgs with an instructor
	mDispatched
	mManagedUndecided // across counties, until the common higher department decides
	nMetrics
)

var metricCols = [nMetrics]string{"orgs", "registered", "models", "members", "party_members", "full_members", "households",
	"talents", "uncovered", "should_build", "own_org", "joint_or_group", "instructor_only", "managed_village",
	"managed_township", "managed_department", "branches", "general_branches", "committees", "joint_branches",
	"party_groups", "orgs_covered", "developed", "activists", "dispatched", "managed_undecided"}

// metrics is one vector of the figures.
type metrics [nMetrics]int64

func (m *metrics) add(o *metrics, sign int64) {
	for i := range m {
		m[i] += sign * o[i]
	}
}

func (m *metrics) zero() bool { return *m == metrics{} }

// metricList returns "prefix.col, …" (or "sum(prefix.col), …").
func metricList(prefix string, sum bool) string {
	cols := make([]string, nMetrics)
	for i, c := range metricCols {
		c = prefix + c
		if sum {
			c = "coalesce(sum(" + c + "), 0)"
		}
		cols[i] = c
	}
	return strings.Join(cols, ", ")
}

// segmentMetrics returns what one org contributes on any day of a segment.
func segmentMetrics(s *orgSegment, model bool, households int) metrics {
	var m metrics
	f := &s.fig
	b := func(x bool) int64 {
		if x {
			return 1
		}
		return 0
	}
	m[mOrgs], m[mRegistered], m[mModels] = 1, b(f.registered), b(model)
	m[mMembers], m[mParty], m[mFull] = int64(f.members), int64(f.full+f.prob), int64(f.full)
	m[mHouseholds], m[mTalents] = int64(households), int64(f.talents)
	switch rules.CoverageClass(s.actual) {
	case rules.CoverInstructorOnly:
		m[mInstructorOnly] = 1
	case rules.CoverOwnOrg:
		m[mOwnOrg] = 1
	case rules.CoverJointOrGroup:
		m[mJointOrGroup] = 1
	}
	m[mUncovered] = b(rules.Uncovered(s.required, s.actual))
	m[mShouldBuild] = b(rules.ShouldBuildNotBuilt(s.required, s.actual))
	switch s.managed {
	case hezuo.LevelVillage:
		m[mManagedVillage] = 1
	case hezuo.LevelTownship:
		m[mManagedTownship] = 1
	case rules.ManagerDepartment:
		m[mManagedDepartment] = 1
	case rules.ManagerUndecided:
		m[mManagedUndecided] = 1
	}
	for i, n := range f.owned {
		m[mBranches+i] = int64(n)
	}
	m[mOrgsCovered], m[mDeveloped] = b(f.instructor), int64(f.developed)
	if f.instructor {
		m[mActivists] = int64(f.activists)
	}
	return m
}

// statsFromMetrics assembles the figures of scope on day from the sums of
// the metrics by org kind ("" holds the instructors dispatched).
func statsFromMetrics(scope hezuo.Scope, d hezuo.Date, byKind map[string]*metrics) *hezuo.Stats {
	s := &hezuo.Stats{AsOf: d.String(), Scope: scope.String(), ManagedBy: map[string]int{}}
	var all metrics
	for kind, m := range byKind {
		all.add(m, 1)
		if kind == "" {
			continue
		}
		k := s.ByKind(kind)
		k.Orgs, k.Members, k.PartyMembers = int(m[mOrgs]), int(m[mMembers]), int(m[mParty])
		k.FullMembers, k.HouseholdsDriven = int(m[mFull]), int(m[mHouseholds])
	}
	s.Orgs = hezuo.OrgCounts{Total: int(all[mOrgs]), Cooperatives: s.Cooperatives.Orgs, Associations: s.Associations.Orgs,
		Unions: s.Unions.Orgs, Registered: int(all[mRegistered]), Models: int(all[mModels])}
	s.AllMembers = int(all[mMembers])
	s.PartyOrgs = hezuo.PartyOrgCounts{Branches: int(all[mBranches]), GeneralBranches: int(all[mGeneralBranches]),
		Committees: int(all[mCommittees]), JointBranches: int(all[mJointBranches]), PartyGroups: int(all[mPartyGroups])}
	s.Instructors = hezuo.InstructorStats{Dispatched: int(all[mDispatched]), OrgsCovered: int(all[mOrgsCovered]),
		MembersDeveloped: int(all[mDeveloped]), Activists: int(all[mActivists])}
	s.Talent.PartyMembers, s.Talent.TechnicalTalents = int(all[mParty]), int(all[mTalents])
	s.Coverage = hezuo.CoverageStats{Orgs: int(all[mOrgs]), Uncovered: int(all[mUncovered]), ShouldBuildNotBuilt: int(all[mShouldBuild]),
		OwnOrg: int(all[mOwnOrg]), JointOrGroup: int(all[mJointOrGroup]), InstructorOnly: int(all[mInstructorOnly])}
	s.Coverage.Covered = s.Coverage.Orgs - s.Coverage.Uncovered
	for level, i := range map[string]int{hezuo.LevelVillage: mManagedVillage, hezuo.LevelTownship: mManagedTownship, rules.ManagerDepartment: mManagedDepartment,
		rules.ManagerUndecided: mManagedUndecided} {
		if all[i] > 0 {
			s.ManagedBy[level] = int(all[i])
		}
	}
	TalentShares(s)
	return s
}
