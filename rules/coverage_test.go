package rules

import (
	"testing"

	"hezuo"
)

// TestCoverageFigures checks the figures' predicates on every pair of
// required and actual forms, and that Evaluate's status agrees with them:
// "uncovered" exactly for the blank spots, "should_build" for the orgs
// that should build and are not blank spots.
func TestCoverageFigures(t *testing.T) {
	actuals := []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup,
		ActualInstructor, ActualNone}
	class := map[string]string{hezuo.FormBranch: CoverOwnOrg, hezuo.FormGeneralBranch: CoverOwnOrg, hezuo.FormCommittee: CoverOwnOrg,
		hezuo.FormJointBranch: CoverJointOrGroup, hezuo.FormPartyGroup: CoverJointOrGroup, ActualInstructor: CoverInstructorOnly, ActualNone: CoverUncovered}
	var c hezuo.CoverageStats
	want := hezuo.CoverageStats{}
	for _, req := range []string{RequiredOwnOrg, RequiredGroupOrJoint, RequiredInstructor} {
		for _, act := range actuals {
			un, sb := Uncovered(req, act), ShouldBuildNotBuilt(req, act)
			if un != (act == ActualNone) {
				t.Errorf("Uncovered(%s, %s) = %v", req, act, un)
			}
			if sb != (req == RequiredOwnOrg && class[act] != CoverOwnOrg) {
				t.Errorf("ShouldBuildNotBuilt(%s, %s) = %v", req, act, sb)
			}
			if got := CoverageClass(act); got != class[act] {
				t.Errorf("CoverageClass(%s) = %s, want %s", act, got, class[act])
			}
			CountCoverage(&c, req, act)
			want.Orgs++
			if un {
				want.Uncovered++
			}
			if sb {
				want.ShouldBuildNotBuilt++
			}
		}
	}
	// 3 required forms × 7 actual ones: 3 blank spots; own_org lacking its own
	// party organization in 4 of 7 forms (a blank spot among them).
	want.Covered, want.OwnOrg, want.JointOrGroup, want.InstructorOnly = 18, 9, 6, 3
	if c != want || want.Uncovered != 3 || want.ShouldBuildNotBuilt != 4 {
		t.Errorf("CountCoverage: %+v, want %+v", c, want)
	}
	if Uncovered(RequiredNone, ActualNone) || ShouldBuildNotBuilt(RequiredNone, ActualNone) {
		t.Error("an org that does not exist is in a figure")
	}

	// Evaluate's status on the three kinds of org the figures tell apart.
	day, v := hezuo.MustDate("2024-06-30"), "220997100201"
	for _, c := range []struct {
		name     string
		f        Facts
		status   string
		un, sbnb bool
	}{
		{"own_org, nothing", Facts{Active: true, Kind: hezuo.KindCooperative, Village: v, Registered: true, FullMembers: 3}, StatusUncovered, true, true},
		{"own_org, a group", Facts{Active: true, Kind: hezuo.KindCooperative, Village: v, Registered: true, FullMembers: 3, Covers: []Cover{{Form: hezuo.FormPartyGroup}}}, StatusShouldBuild, false, true},
		{"no members, nothing", Facts{Active: true, Kind: hezuo.KindAssociation, Village: v}, StatusUncovered, true, false},
	} {
		d := Evaluate(c.f, day, Env{Settings: Defaults()})
		if d.Status != c.status || Uncovered(d.Required, d.Actual) != c.un || ShouldBuildNotBuilt(d.Required, d.Actual) != c.sbnb {
			t.Errorf("%s: status %s, required %s, actual %s", c.name, d.Status, d.Required, d.Actual)
		}
	}
}
