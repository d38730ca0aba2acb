package sqldb

import (
	"context"
	"fmt"
	"strings"

	"hezuo"
)

// platformCounts fills the assistance, loan and training figures of scope
// on day (cli.md `stats`). Pairings count where the org or village paired
// lies, households where they live, loans where their org (else borrower)
// is, trainings where they were held. The seven aggregates are read in one
// statement: every dashboard and stats request asks for them (issue 7).
func (db *DB) platformCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	lo, hi := scope.Range()
	a, l, t := &s.Assistance, &s.Loans, &s.Training
	// A pairing with an org counts while the org exists; one with a village always.
	ua, uc := active("up", day)
	parts := []oneRow{
		{`SELECT count(DISTINCT up.unit_id), count(DISTINCT up.org_id), count(DISTINCT up.village)
			FROM unit_pairings up LEFT JOIN orgs o ON o.id = up.org_id WHERE ` + ua + ` AND coalesce(o.village, up.village) BETWEEN ? AND ?
			AND (up.org_id IS NULL OR (o.founded <= ? AND (o.dissolved IS NULL OR o.dissolved > ?)))`,
			append(uc, lo, hi, day, day), []any{&a.Units, &a.OrgsAssisted, &a.VillagesAssisted}},
		{`SELECT count(DISTINCT hp.household_id) FROM household_pairings hp
			JOIN households h ON h.id = hp.household_id WHERE hp.valid_from <= ? AND h.village BETWEEN ? AND ?`,
			[]any{day, lo, hi}, []any{&a.HouseholdsPaired}},
		// People out of poverty: households that left poverty on or before
		// the day, after a pairing with a party member had begun.
		{`SELECT count(*), coalesce(sum(h.people_out), 0) FROM households h
			WHERE h.village BETWEEN ? AND ? AND h.left_poverty_on <= ? AND EXISTS (SELECT 1 FROM household_pairings hp
				WHERE hp.household_id = h.id AND hp.valid_from <= h.left_poverty_on)`,
			[]any{lo, hi, day}, []any{&a.HouseholdsOut, &a.PeopleOutOfPoverty}},
		{`SELECT count(*), coalesce(sum(CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END), 0),
				coalesce(sum(CASE WHEN l.for_cooperative THEN CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END ELSE 0 END), 0),
				coalesce(sum((CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END) - ` + repaidBy + `), 0),
				coalesce(sum(CASE WHEN l.due_on < ? AND l.amount_fen > ` + repaidBy + ` THEN 1 ELSE 0 END), 0),
				coalesce(sum(l.households_driven), 0)
			FROM loans l WHERE l.disbursed_on <= ? AND l.village BETWEEN ? AND ?`,
			[]any{day, day, day, day, lo, hi}, []any{&l.Count, &l.TotalFen, &l.ToCooperativesFen, &l.OutstandingFen, &l.Overdue, &l.HouseholdsDriven}},
		{`SELECT coalesce(sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END), 0) FROM loan_fee_subsidies f
			JOIN loans l ON l.id = f.loan_id WHERE f.paid_on <= ? AND l.village BETWEEN ? AND ?`,
			[]any{day, lo, hi}, []any{&l.FeeSubsidyFen}},
		{`SELECT count(*), coalesce(sum(CASE WHEN t.mode = 'remote' THEN 1 ELSE 0 END), 0)
			FROM trainings t WHERE t.held_on <= ? AND t.place BETWEEN ? AND ?`,
			[]any{day, lo, hi}, []any{&t.Sessions, &t.RemoteSessions}},
		{`SELECT count(*), count(DISTINCT a.person_id) FROM training_attendances a
			JOIN trainings t ON t.id = a.training_id WHERE t.held_on <= ? AND t.place BETWEEN ? AND ?`,
			[]any{day, lo, hi}, []any{&t.Attendances, &t.People}},
	}
	return db.scanOneRows(ctx, parts...)
}

// repaidBy is the principal of loan l repaid up to a day (one argument).
const repaidBy = `coalesce((SELECT sum(CASE WHEN r.principal_fen < 0 THEN 0 WHEN r.principal_fen > 10000000000 THEN 10000000000 ELSE r.principal_fen END) FROM loan_repayments r WHERE r.loan_id = l.id AND r.paid_on <= ?), 0)`

// oneRow is a query answering exactly one row (an aggregate without GROUP
// BY), its arguments, and where its columns go.
type oneRow struct {
	q    string
	args []any
	dest []any
}

// scanOneRows reads the one-row queries parts in one statement, each a
// derived table of a cross join.
func (db *DB) scanOneRows(ctx context.Context, parts ...oneRow) error {
	var q strings.Builder
	var args, dest []any
	for i, p := range parts {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "(%s) q%d", p.q, i)
		args, dest = append(args, p.args...), append(dest, p.dest...)
	}
	return db.QueryRowContext(ctx, db.rebind(`SELECT * FROM `+q.String()), args...).Scan(dest...)
}

// Money summed in SQL is clamped per record to [0, 10000000000] fen (NULL
// stays NULL), which
// is hezuo.MaxFen (this line stops compiling when they differ): a stored
// amount from before the bounds, or written by hand, cannot overflow a sum
// and take a page or the statistics down; the record itself is shown as
// stored, and its edit form asks for a value within the bounds.
const _ = uint64(hezuo.MaxFen-10_000_000_000) + uint64(10_000_000_000-hezuo.MaxFen)
