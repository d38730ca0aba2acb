package sqldb

import (
	"context"
	"slices"
	"strings"

	"hezuo"
	"hezuo/plan"
	"hezuo/rules"
	"hezuo/store"
)

// PlanInput gathers the planners' input for the orgs in scope on day. An
// org needs a joint branch when the rules require a group or a joint branch
// and it is covered by nothing or only by an instructor; it needs an
// instructor when the rules require one and nothing covers it.
func (db *DB) PlanInput(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*store.PlanInput, error) {
	rows, facts, err := db.check(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	env, err := db.env(ctx, scope)
	if err != nil {
		return nil, err
	}
	in := &store.PlanInput{Settings: env.Settings, JointOrgs: []plan.Org{}, InstructorOrgs: []plan.Org{}}
	for i, r := range rows {
		need := r.Required == rules.RequiredGroupOrJoint && (r.Actual == rules.ActualNone || r.Actual == rules.ActualInstructor)
		needIns := r.Required == rules.RequiredInstructor && r.Actual == rules.ActualNone
		if !need && !needIns {
			continue
		}
		o := plan.Org{OrgNo: r.OrgNo, Name: r.Name, Township: r.Township, TownshipName: env.Names(r.Township),
			Village: r.Village, VillageName: env.Names(r.Village), Villages: facts[i].Villages, Industry: r.Industry,
			Trade:       env.deptsByCounty[hezuo.CountyOf(r.Village)].Trade(r.Industry),
			FullMembers: r.FullPartyMembers, ProbationaryMembers: r.ProbationaryMembers}
		if need {
			in.JointOrgs = append(in.JointOrgs, o)
		} else {
			in.InstructorOrgs = append(in.InstructorOrgs, o)
		}
	}
	in.Instructors, err = db.planInstructors(ctx, scope, day)
	return in, err
}

// PlanJoint proposes joint branches for the orgs in scope on day (PlanInput,
// then plan.JointBranches).
func (db *DB) PlanJoint(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*plan.JointPlan, error) {
	in, err := db.PlanInput(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	return plan.JointBranches(in.JointOrgs, in.Settings), nil
}

// PlanInstructors proposes instructor dispatches for the orgs in scope on
// day (PlanInput, then plan.Instructors).
func (db *DB) PlanInstructors(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*plan.InstructorPlan, error) {
	in, err := db.PlanInput(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	return plan.Instructors(in.InstructorOrgs, in.Instructors, in.Settings), nil
}

// townshipRange returns the bounds of the 9-digit township codes in scope.
func townshipRange(scope hezuo.Scope) []any {
	lo, hi := scope.Range()
	return []any{lo[:9], hi[:9]}
}

// planInstructors returns the instructors sent by the townships in scope,
// each with the orgs served on day (all of them, in scope or not) and the
// villages where the instructor is found: home, and the orgs' villages.
func (db *DB) planInstructors(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]plan.Instructor, error) {
	out := []plan.Instructor{}
	byID := map[int64]int{}
	err := db.eachRow(ctx, `SELECT i.id, p.id_sealed, p.name, i.township, COALESCE(p.village, '') FROM instructors i
		JOIN people p ON p.id = i.person_id WHERE i.township BETWEEN ? AND ? ORDER BY p.id`, townshipRange(scope),
		func(r rowScanner) error {
			var id int64
			var in plan.Instructor
			var village string
			if err := r.Scan(&id, db.opened(&in.IDNumber), &in.Name, &in.Township, &village); err != nil {
				return err
			}
			if village != "" {
				in.Villages = append(in.Villages, village)
			}
			byID[id] = len(out)
			out = append(out, in)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	w := &where{}
	w.add("i.township BETWEEN ? AND ?", townshipRange(scope)...)
	w.addPair(active("d", day))
	w.addPair(orgActive("o", day))
	err = db.eachRow(ctx, `SELECT d.instructor_id, o.village FROM dispatches d JOIN instructors i ON i.id = d.instructor_id
		JOIN orgs o ON o.id = d.org_id WHERE `+w.String()+` ORDER BY d.instructor_id, o.org_no`, w.args, func(r rowScanner) error {
		var id int64
		var village string
		if err := r.Scan(&id, &village); err != nil {
			return err
		}
		if k, ok := byID[id]; ok {
			in := &out[k]
			in.Orgs++
			in.Villages = append(in.Villages, village)
		}
		return nil
	})
	// By ID number, opened (the planner's tie-breaks follow this order).
	slices.SortStableFunc(out, func(a, b plan.Instructor) int { return strings.Compare(a.IDNumber, b.IDNumber) })
	return out, err
}
