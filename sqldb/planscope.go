package sqldb

import (
	"context"
	"time"

	"hezuo"
	"hezuo/store"
)

// The plans as the web application offers them: scoped by the user's
// Access, accepted only by roles that write, and audited in the
// acceptance's own transaction.

// ScopedPlanInput is PlanInput for a: only roles whose reach is a whole
// division (county administrators, township officers, auditors) see plans,
// since a plan weighs every org of a township; the requested scope is
// narrowed by a's (EFORBIDDEN outside it).
func (db *DB) ScopedPlanInput(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (*store.PlanInput, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if !a.ByDivision() {
		return nil, hezuo.Errorf(hezuo.EFORBIDDEN, "只有县委组织部、乡镇党委和审计可以查看方案", "only county administrators, township officers and auditors see plans")
	}
	return db.PlanInput(ctx, scope, day)
}

// AcceptJointAs creates, valid from day, the joint branches given as lists
// of org numbers (a proposal as a edited it) for the orgs of the township
// (or other scope) req: the planner's input is gathered for req narrowed by
// a's scope, so an org outside it cannot be placed (plan.Compose refuses
// it), and AcceptJoint writes the branches with one audit entry each in
// its transaction. Only roles that write.
func (db *DB) AcceptJointAs(ctx context.Context, a *hezuo.Access, req hezuo.Scope, groups [][]string, day hezuo.Date, now time.Time) ([]hezuo.PartyOrg, error) {
	if err := registry.allow(a); err != nil { // before the input is gathered
		return nil, err
	}
	in, err := db.ScopedPlanInput(ctx, a, req, day)
	if err != nil {
		return nil, err
	}
	return db.acceptJoint(ctx, registry, a, clockOn(day, now), in, groups, func(w *unit, created []hezuo.PartyOrg) error {
		for _, po := range created {
			// The one write-scope decision, behind the planner's scoped input.
			if !a.MayWriteAt(append([]string{po.Seat}, po.Villages...)) {
				return forbidden(hezuo.OutOfReach("党组织 "+po.No, "orgs"))
			}
			if err := w.audit(hezuo.ActionCreate, "party_org", po.No, po.Seat, nil, po,
				"采纳联合党支部方案 / joint-branch plan accepted"); err != nil {
				return err
			}
		}
		return nil
	})
}

// AcceptDispatchesAs sends instructors to orgs from day as pairs (a's edit
// of an instructor plan) for the orgs of req narrowed by a's scope, with one
// audit entry per dispatch in AcceptDispatches' transaction. Only roles
// that write.
func (db *DB) AcceptDispatchesAs(ctx context.Context, a *hezuo.Access, req hezuo.Scope, pairs []hezuo.Dispatch, day hezuo.Date, now time.Time) ([]hezuo.Dispatch, error) {
	if err := registry.allow(a); err != nil { // before the input is gathered
		return nil, err
	}
	in, err := db.ScopedPlanInput(ctx, a, req, day)
	if err != nil {
		return nil, err
	}
	villages := map[string]string{}
	for _, o := range in.InstructorOrgs {
		villages[o.OrgNo] = o.Village
	}
	return db.acceptDispatches(ctx, registry, a, clockOn(day, now), in, pairs, func(w *unit, created []hezuo.Dispatch) error {
		for _, d := range created {
			if !a.MayWriteAt([]string{villages[d.OrgNo]}) { // the one write-scope decision, as above
				return forbidden(hezuo.OutOfReach("派驻 "+d.OrgNo, "org_id"))
			}
			d.IDNumber = hezuo.MaskIDNumber(d.IDNumber)
			if err := w.audit(hezuo.ActionCreate, "dispatch", d.OrgNo+" "+d.IDNumber, villages[d.OrgNo], nil, d,
				"采纳指导员派驻方案 / instructor plan accepted"); err != nil {
				return err
			}
		}
		return nil
	})
}
