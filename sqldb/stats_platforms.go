package sqldb

import (
	"context"

	"hezuo"
)

// platformCounts fills the assistance, loan and training figures of scope
// on day (cli.md `stats`). Pairings count where the org or village paired
// lies, households where they live, loans where their org (else borrower)
// is, trainings where they were held.
func (db *DB) platformCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	for _, f := range []func(context.Context, hezuo.Scope, hezuo.Date, *hezuo.Stats) error{
		db.assistanceCounts, db.loanCounts, db.trainingCounts,
	} {
		if err := f(ctx, scope, day, s); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) assistanceCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	a := &s.Assistance
	sa := scopeArgs(scope)
	// A pairing with an org counts while the org exists; one with a village always.
	w := &where{}
	w.addPair(active("up", day))
	w.add("coalesce(o.village, up.village) BETWEEN ? AND ?", sa...)
	w.add("(up.org_id IS NULL OR (o.founded <= ? AND (o.dissolved IS NULL OR o.dissolved > ?)))", day, day)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT up.unit_id), count(DISTINCT up.org_id), count(DISTINCT up.village)
		FROM unit_pairings up LEFT JOIN orgs o ON o.id = up.org_id WHERE `+w.String()), w.args...).Scan(
		&a.Units, &a.OrgsAssisted, &a.VillagesAssisted); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT hp.household_id) FROM household_pairings hp
		JOIN households h ON h.id = hp.household_id WHERE hp.valid_from <= ? AND h.village BETWEEN ? AND ?`),
		day, sa[0], sa[1]).Scan(&a.HouseholdsPaired); err != nil {
		return err
	}
	// People out of poverty: households that left poverty on or before the
	// day, after a pairing with a party member had begun.
	return db.QueryRowContext(ctx, db.rebind(`SELECT count(*), coalesce(sum(h.people_out), 0) FROM households h
		WHERE h.village BETWEEN ? AND ? AND h.left_poverty_on <= ? AND EXISTS (SELECT 1 FROM household_pairings hp
			WHERE hp.household_id = h.id AND hp.valid_from <= h.left_poverty_on)`),
		sa[0], sa[1], day).Scan(&a.HouseholdsOut, &a.PeopleOutOfPoverty)
}

// repaidBy is the principal of loan l repaid up to a day (one argument).
const repaidBy = `coalesce((SELECT sum(r.principal_fen) FROM loan_repayments r WHERE r.loan_id = l.id AND r.paid_on <= ?), 0)`

func (db *DB) loanCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	l := &s.Loans
	sa := scopeArgs(scope)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*), coalesce(sum(l.amount_fen), 0),
			coalesce(sum(CASE WHEN l.for_cooperative THEN l.amount_fen ELSE 0 END), 0),
			coalesce(sum(l.amount_fen - `+repaidBy+`), 0),
			coalesce(sum(CASE WHEN l.due_on < ? AND l.amount_fen > `+repaidBy+` THEN 1 ELSE 0 END), 0),
			coalesce(sum(l.households_driven), 0)
		FROM loans l WHERE l.disbursed_on <= ? AND l.village BETWEEN ? AND ?`),
		day, day, day, day, sa[0], sa[1]).Scan(&l.Count, &l.TotalFen, &l.ToCooperativesFen, &l.OutstandingFen, &l.Overdue, &l.HouseholdsDriven); err != nil {
		return err
	}
	return db.QueryRowContext(ctx, db.rebind(`SELECT coalesce(sum(f.amount_fen), 0) FROM loan_fee_subsidies f
		JOIN loans l ON l.id = f.loan_id WHERE f.paid_on <= ? AND l.village BETWEEN ? AND ?`), day, sa[0], sa[1]).Scan(&l.FeeSubsidyFen)
}

func (db *DB) trainingCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	t := &s.Training
	sa := scopeArgs(scope)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*), coalesce(sum(CASE WHEN t.mode = 'remote' THEN 1 ELSE 0 END), 0)
		FROM trainings t WHERE t.held_on <= ? AND t.place BETWEEN ? AND ?`), day, sa[0], sa[1]).Scan(&t.Sessions, &t.RemoteSessions); err != nil {
		return err
	}
	return db.QueryRowContext(ctx, db.rebind(`SELECT count(*), count(DISTINCT a.person_id) FROM training_attendances a
		JOIN trainings t ON t.id = a.training_id WHERE t.held_on <= ? AND t.place BETWEEN ? AND ?`),
		day, sa[0], sa[1]).Scan(&t.Attendances, &t.People)
}
