package store

import (
	"context"
	"hezuo"
	"hezuo/plan"
	"hezuo/rules"
	"time"
)

// Plans is the door to the planner's proposals (joint branches, instructor dispatches) and their acceptance.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Plans interface {
	// ScopedPlanInput is PlanInput for a: only roles whose reach is a whole
	// division (county administrators, township officers, auditors) see plans,
	// since a plan weighs every org of a township; the requested scope is
	// narrowed by a's (EFORBIDDEN outside it).
	ScopedPlanInput(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (*PlanInput, error)
	// AcceptJointAs creates, valid from day, the joint branches given as lists
	// of org numbers (a proposal as a edited it) for the orgs of the township
	// (or other scope) req: the planner's input is gathered for req narrowed by
	// a's scope, so an org outside it cannot be placed (plan.Compose refuses
	// it), and AcceptJoint writes the branches with one audit entry each in
	// its transaction. Only roles that write.
	AcceptJointAs(ctx context.Context, a *hezuo.Access, req hezuo.Scope, groups [][]string, day hezuo.Date, now time.Time) ([]hezuo.PartyOrg, error)
	// AcceptDispatchesAs sends instructors to orgs from day as pairs (a's edit
	// of an instructor plan) for the orgs of req narrowed by a's scope, with one
	// audit entry per dispatch in AcceptDispatches' transaction. Only roles
	// that write.
	AcceptDispatchesAs(ctx context.Context, a *hezuo.Access, req hezuo.Scope, pairs []hezuo.Dispatch, day hezuo.Date, now time.Time) ([]hezuo.Dispatch, error)
}

// PlanInput is what the planners need for a scope on a day: the orgs that
// need a party group or a joint branch and have none (JointOrgs), those
// that need an instructor and have none (InstructorOrgs), the instructors of
// the scope's townships with their loads, and the settings in force.
type PlanInput struct {
	JointOrgs      []plan.Org
	InstructorOrgs []plan.Org
	Instructors    []plan.Instructor
	Settings       rules.Settings
}
