package sqldb

import (
	"context"

	"hezuo"
)

// ScopedCheck is Check for a user: the requested scope is narrowed by a's
// (EFORBIDDEN outside it), and for roles bound to a set of orgs only those
// orgs' rows are returned.
func (db *DB) ScopedCheck(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	rows, err := db.Check(ctx, scope, day)
	if err != nil || a.ByDivision() {
		return rows, err
	}
	vis, err := db.visibleOrgNos(ctx, a, day)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if vis[r.OrgNo] {
			out = append(out, r)
		}
	}
	return out, nil
}

func (db *DB) visibleOrgNos(ctx context.Context, a *hezuo.Access, day hezuo.Date) (map[string]bool, error) {
	w := orgAccess(a, day)
	out := map[string]bool{}
	err := db.eachRow(ctx, `SELECT o.org_no FROM orgs o WHERE `+w.String(), w.args, func(r rowScanner) error {
		var no string
		err := r.Scan(&no)
		out[no] = true
		return err
	})
	return out, err
}

// ScopedStats is Stats for a user. Division roles get the figures of the
// narrowed scope. Roles bound to a set of orgs get the figures that can be
// told org by org — orgs by kind, members, party members, households driven
// and coverage — summed over their orgs; the county-wide figures (party
// organizations, instructors, talent, loans, training, assistance) stay
// zero, since they would describe orgs outside their reach.
func (db *DB) ScopedStats(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (*hezuo.Stats, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if a.ByDivision() {
		return db.Stats(ctx, scope, day)
	}
	rows, err := db.ScopedCheck(ctx, a, scope, day)
	if err != nil {
		return nil, err
	}
	s := &hezuo.Stats{AsOf: day.String(), Scope: scope.String(), ManagedBy: map[string]int{}}
	households := map[string]int{}
	w := orgAccess(a, day)
	err = db.eachRow(ctx, `SELECT o.org_no, o.households_driven FROM orgs o WHERE `+w.String(), w.args, func(r rowScanner) error {
		var no string
		var n int
		err := r.Scan(&no, &n)
		households[no] = n
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		k := s.ByKind(r.Kind)
		k.Orgs++
		k.Members += r.Members
		k.PartyMembers += r.FullPartyMembers + r.ProbationaryMembers
		k.FullMembers += r.FullPartyMembers
		k.HouseholdsDriven += households[r.OrgNo]
		s.AllMembers += r.Members
		s.Orgs.Total++
		if r.Registered {
			s.Orgs.Registered++
		}
		s.Coverage.Orgs++
		if r.ManagedBy.Level != "" {
			s.ManagedBy[r.ManagedBy.Level]++
		}
		switch r.Actual {
		case "none":
			s.Coverage.Uncovered++
		case "instructor":
			s.Coverage.InstructorOnly++
		case hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee:
			s.Coverage.OwnOrg++
		default:
			s.Coverage.JointOrGroup++
		}
		if r.Required == "own_org" && !ownForm(r.Actual) {
			s.Coverage.ShouldBuildNotBuilt++
		}
	}
	s.Orgs.Cooperatives, s.Orgs.Associations, s.Orgs.Unions = s.Cooperatives.Orgs, s.Associations.Orgs, s.Unions.Orgs
	s.Coverage.Covered = s.Coverage.Orgs - s.Coverage.Uncovered
	return s, nil
}
