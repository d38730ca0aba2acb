package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"hezuo"
)

// Evaluate without settings, names or departments, and always with its reasons.

func TestEvaluateZeroSettingsMeansDefaults(t *testing.T) {
	f := org()
	f.FullMembers = 3
	env := testEnv()
	want := Evaluate(f, day, env)
	env.Settings = Settings{}
	if got := Evaluate(f, day, env); !reflect.DeepEqual(got, want) {
		t.Errorf("zero settings: %+v, want %+v", got, want)
	}
}

func TestEvaluateWithoutNamesOrDepartments(t *testing.T) {
	f := org()
	f.Villages = []string{villC}
	f.Industry = "黑木耳"
	d := Evaluate(f, day, Env{})
	if d.ManagedBy != (Manager{Level: ManagerDepartment}) || rules(d.Reasons)[3] != RuleDepartmentUnmapped {
		t.Errorf("no departments: %+v %q", d.ManagedBy, rules(d.Reasons))
	}
	f.Villages = nil
	d = Evaluate(f, day, Env{})
	if d.ManagedBy != (Manager{Level: hezuo.LevelVillage, Code: villA}) || !strings.Contains(d.Reasons[3].ZH, "仅在222424103201一个村内") {
		t.Errorf("no names: %+v %s", d.ManagedBy, d.Reasons[3].ZH)
	}
}

// TestEvaluateAlwaysExplains runs a grid of facts and checks the invariants:
// values from the fixed sets, at least one reason each for required, actual,
// status and manager, both languages, and no should_build for unregistered orgs.
func TestEvaluateAlwaysExplains(t *testing.T) {
	env := testEnv()
	covers := [][]Cover{nil, {branch(3)}, {joint(6, 2)}, {{No: "G", Form: hezuo.FormPartyGroup}}}
	for _, active := range []bool{true, false} {
		for _, reg := range []bool{true, false} {
			for _, full := range []int{0, 1, 2, 3, 7, 50, 100} {
				for _, prob := range []int{0, 1} {
					for _, cv := range covers {
						for _, instr := range []bool{true, false} {
							f := Facts{Active: active, Registered: reg, FullMembers: full, ProbationaryMembers: prob, Village: villA, Covers: cv, Instructor: instr}
							d := Evaluate(f, day, env)
							if len(d.Reasons) < 4 {
								t.Fatalf("%+v: only %d reasons", f, len(d.Reasons))
							}
							checkTexts(t, d)
							if !reg && d.Status == StatusShouldBuild {
								t.Errorf("%+v: unregistered org should_build", f)
							}
							if !active && (d.Required != RequiredNone || d.Actual != ActualNone || d.Status != StatusOK || len(d.Warnings)+len(d.Suggestions) > 0) {
								t.Errorf("%+v: inactive gives %+v", f, d)
							}
							if !slices.Contains([]string{RequiredOwnOrg, RequiredGroupOrJoint, RequiredInstructor, RequiredNone}, d.Required) ||
								!slices.Contains([]string{StatusOK, StatusShouldBuild, StatusUncovered}, d.Status) {
								t.Errorf("%+v: unknown value in %+v", f, d)
							}
						}
					}
				}
			}
		}
	}
}

// BenchmarkEvaluate measures one org with an own branch: the check of a
// nation (about 2.2 million orgs) costs about this times 2.2 million.
func BenchmarkEvaluate(b *testing.B) {
	env := testEnv()
	f := org()
	f.FullMembers = 3
	f.Covers = []Cover{branch(3)}
	f.Secretary = leader
	for b.Loop() {
		Evaluate(f, day, env)
	}
}
