package rules

import "hezuo"

// The coverage figures (docs/ARCHITECTURE.md "Figures and their
// definitions") are defined here once, on an org's required and actual
// forms of a day: the summaries, the direct path, the check (its status,
// its JSON and its filters), the dashboard and the report all count and
// list orgs with these predicates.

// Coverage classes of an org's actual form, named as the keys of
// hezuo.CoverageStats: every org is in exactly one.
const (
	CoverOwnOrg         = "own_org"         // its own branch, general branch or committee
	CoverJointOrGroup   = "joint_or_group"  // a joint branch or an industry party group
	CoverInstructorOnly = "instructor_only" // an instructor and no party organization
	CoverUncovered      = "uncovered"       // nothing: a blank spot (空白点)
)

// OwnForm reports whether actual is an org's own party organization: a
// branch, a general branch or a committee.
func OwnForm(actual string) bool { return ownForm(actual) }

// Uncovered reports whether an org is a blank spot (空白点,
// coverage.uncovered): it exists on the day (required is not "none") and
// neither a party organization nor an instructor covers it. Status
// "uncovered" is exactly this.
func Uncovered(required, actual string) bool {
	return required != RequiredNone && actual == ActualNone
}

// ShouldBuildNotBuilt reports whether an org should have its own party
// organization and has none (应建未建, coverage.should_build_not_built): it
// is required to have its own and its actual form is not a branch, general
// branch or committee. A blank spot that must build counts here too, though
// its status is "uncovered" (that status wins over "should_build").
func ShouldBuildNotBuilt(required, actual string) bool {
	return required == RequiredOwnOrg && !ownForm(actual)
}

// CoverageClass returns the coverage class of an org whose actual form is
// actual (CoverOwnOrg, CoverJointOrGroup, CoverInstructorOnly or
// CoverUncovered). An org that does not exist on the day is in no figure;
// callers count only existing orgs.
func CoverageClass(actual string) string {
	switch {
	case actual == ActualNone || actual == "":
		return CoverUncovered
	case actual == ActualInstructor:
		return CoverInstructorOnly
	case ownForm(actual):
		return CoverOwnOrg
	}
	return CoverJointOrGroup
}

// CountCoverage adds an existing org of required and actual forms to c:
// the checked orgs, its class and the two figures; Covered is the orgs
// that are not blank spots.
func CountCoverage(c *hezuo.CoverageStats, required, actual string) {
	c.Orgs++
	switch CoverageClass(actual) {
	case CoverOwnOrg:
		c.OwnOrg++
	case CoverJointOrGroup:
		c.JointOrGroup++
	case CoverInstructorOnly:
		c.InstructorOnly++
	}
	if Uncovered(required, actual) {
		c.Uncovered++
	} else {
		c.Covered++
	}
	if ShouldBuildNotBuilt(required, actual) {
		c.ShouldBuildNotBuilt++
	}
}

// TermDue reports whether a determination's warnings say that a party
// organization covering the org has served its term (换届到期): checkTerm's
// warning, from the organization's own term or the settings' term of its
// form (term_years_branch, _general_branch, _committee, _village) counted
// from its election.
func TermDue(warnings []hezuo.Reason) bool {
	for _, w := range warnings {
		switch w.Rule {
		case RuleTerm, KeyTermYearsBranch, KeyTermYearsGeneralBranch, KeyTermYearsCommittee, KeyTermYearsVillage:
			return true
		}
	}
	return false
}

// MarkFigures sets the check row's figure flags (uncovered,
// should_build_not_built, its coverage class and term_due) from its
// required and actual forms and the determination's warnings.
func MarkFigures(f *hezuo.CheckFacts, warnings []hezuo.Reason) {
	f.Uncovered = Uncovered(f.Required, f.Actual)
	f.ShouldBuildNotBuilt = ShouldBuildNotBuilt(f.Required, f.Actual)
	f.Coverage = CoverageClass(f.Actual)
	f.TermDue = TermDue(warnings)
}
