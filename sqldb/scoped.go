package sqldb

import (
	"context"
	"fmt"
	"slices"

	"hezuo"
	"hezuo/rules"
)

// ScopedCheck is Check for a user: the requested scope is narrowed by a's
// (EFORBIDDEN outside it), and for roles bound to a set of orgs only those
// orgs' rows are returned.
func (db *DB) ScopedCheck(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, error) {
	return scopedByOrgs(ctx, db, a, req, day, db.Check, func(r hezuo.CheckRow, vis map[string]bool) bool { return vis[r.OrgNo] })
}

// scopedByOrgs reads rows with read over the requested scope narrowed by
// a's (EFORBIDDEN outside it); for roles bound to a set of orgs it keeps
// the rows that seen says concern one of the orgs a may see (vis: their
// numbers).
func scopedByOrgs[T any](ctx context.Context, db *DB, a *hezuo.Access, req hezuo.Scope, day hezuo.Date,
	read func(context.Context, hezuo.Scope, hezuo.Date) ([]T, error), seen func(row T, vis map[string]bool) bool) ([]T, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	rows, err := read(ctx, scope, day)
	if err != nil || a.ByDivision() {
		return rows, err
	}
	w := orgAccess(a, day)
	vis, err := db.stringSet(ctx, db, `SELECT o.org_no FROM orgs o WHERE `+w.String(), w.args)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(rows, func(r T) bool { return !seen(r, vis) }), nil
}

// stringSet returns the values of the first and only column of q's rows
// on x.
func (db *DB) stringSet(ctx context.Context, x querier, q string, args []any) (map[string]bool, error) {
	out := map[string]bool{}
	err := db.eachRowOn(ctx, x, q, args, func(r rowScanner) error {
		var s string
		err := r.Scan(&s)
		out[s] = true
		return err
	})
	return out, err
}

// ScopedStats is Stats for a user. Division roles get the figures of the
// narrowed scope. Roles bound to a set of orgs get the figures that can be
// told org by org, summed over their orgs: orgs by kind, members, party
// members, households driven and coverage; the platforms' figures of their
// orgs (orgOwnPlatforms: instructors dispatched to them, 包村联户 pairings
// with them, households paired through them, loans made for them, training
// attended by their members). Party organizations and talent stay zero,
// since they would describe orgs outside their reach.
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
		rules.CountCoverage(&s.Coverage, r.Required, r.Actual)
		if r.ManagedBy.Level != "" {
			s.ManagedBy[r.ManagedBy.Level]++
		}
	}
	s.Orgs.Cooperatives, s.Orgs.Associations, s.Orgs.Unions = s.Cooperatives.Orgs, s.Associations.Orgs, s.Unions.Orgs
	return s, db.orgOwnPlatforms(ctx, a, scope, day, s)
}

// orgOwnPlatforms fills the platforms' figures of the orgs a reaches in
// scope, with the definitions of Stats read org by org: instructors with
// an active dispatch to one of them and the orgs covered; units with an
// active pairing with one of them and the orgs paired; households paired
// through one of them up to day and the people of those households out of
// poverty; loans disbursed for one of them up to day (with what is
// outstanding and overdue, and the fee subsidies paid); training sessions
// held up to day that their members attended (as members of one of them),
// those attendances and the distinct people.
func (db *DB) orgOwnPlatforms(ctx context.Context, a *hezuo.Access, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	orgs := `SELECT o.id FROM orgs o WHERE ` + w.String()
	dc, da := active("d", day)
	uc, ua := active("up", day)
	queries := []struct {
		q    string
		args []any
		dest []any
	}{
		{`SELECT count(DISTINCT d.instructor_id), count(DISTINCT d.org_id) FROM dispatches d WHERE ` + dc + ` AND d.org_id IN (` + orgs + `)`,
			append(da, w.args...), []any{&s.Instructors.Dispatched, &s.Instructors.OrgsCovered}},
		{`SELECT count(DISTINCT up.unit_id), count(DISTINCT up.org_id) FROM unit_pairings up WHERE ` + uc + ` AND up.org_id IN (` + orgs + `)`,
			append(ua, w.args...), []any{&s.Assistance.Units, &s.Assistance.OrgsAssisted}},
		{`SELECT count(DISTINCT hp.household_id) FROM household_pairings hp WHERE hp.valid_from <= ? AND hp.org_id IN (` + orgs + `)`,
			append([]any{day}, w.args...), []any{&s.Assistance.HouseholdsPaired}},
		{`SELECT count(*), coalesce(sum(h.people_out), 0) FROM households h WHERE h.left_poverty_on <= ? AND EXISTS (SELECT 1 FROM household_pairings hp
			WHERE hp.household_id = h.id AND hp.valid_from <= h.left_poverty_on AND hp.org_id IN (` + orgs + `))`,
			append([]any{day}, w.args...), []any{&s.Assistance.HouseholdsOut, &s.Assistance.PeopleOutOfPoverty}},
		{`SELECT count(*), coalesce(sum(CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END), 0), coalesce(sum(CASE WHEN l.for_cooperative THEN CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END ELSE 0 END), 0),
			coalesce(sum((CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END) - ` + repaidBy + `), 0),
			coalesce(sum(CASE WHEN l.due_on < ? AND l.amount_fen > ` + repaidBy + ` THEN 1 ELSE 0 END), 0),
			coalesce(sum(l.households_driven), 0) FROM loans l WHERE l.disbursed_on <= ? AND l.org_id IN (` + orgs + `)`,
			append([]any{day, day, day, day}, w.args...),
			[]any{&s.Loans.Count, &s.Loans.TotalFen, &s.Loans.ToCooperativesFen, &s.Loans.OutstandingFen, &s.Loans.Overdue, &s.Loans.HouseholdsDriven}},
		{`SELECT coalesce(sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END), 0) FROM loan_fee_subsidies f JOIN loans l ON l.id = f.loan_id
			WHERE f.paid_on <= ? AND l.org_id IN (` + orgs + `)`, append([]any{day}, w.args...), []any{&s.Loans.FeeSubsidyFen}},
		{`SELECT count(DISTINCT t.id), count(*), count(DISTINCT a.person_id),
			count(DISTINCT CASE WHEN t.mode = 'remote' THEN t.id END) FROM training_attendances a JOIN trainings t ON t.id = a.training_id
			WHERE t.held_on <= ? AND a.org_id IN (` + orgs + `)`,
			append([]any{day}, w.args...), []any{&s.Training.Sessions, &s.Training.Attendances, &s.Training.People, &s.Training.RemoteSessions}},
	}
	for _, q := range queries {
		if err := db.QueryRowContext(ctx, db.rebind(q.q), q.args...).Scan(q.dest...); err != nil {
			return fmt.Errorf("scoped platform figures: %w", err)
		}
	}
	return nil
}
