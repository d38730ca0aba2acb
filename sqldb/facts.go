package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
)

// orgFacts is one org's facts on a day, as the rules and the figures need them.
type orgFacts struct {
	ID        int64
	Org       hezuo.Org
	Members   int
	Activists int
	rules.Facts
	PartyOrgNos []string
}

// loadFacts gathers the facts of every org in scope existing on day, ordered
// by org number. The cost grows with the scope, not the whole database.
func (db *DB) loadFacts(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]*orgFacts, error) {
	w := orgScope(scope, day)
	rows, err := db.query(ctx, `SELECT o.id, o.org_no, o.name, o.kind, o.registered_on, o.village, o.industry,
		o.households_driven, o.model FROM orgs o WHERE `+w.String()+` ORDER BY o.org_no`, w.args...)
	if err != nil {
		return nil, err
	}
	var list []*orgFacts
	byID := map[int64]*orgFacts{}
	for rows.Next() {
		f := &orgFacts{}
		o := &f.Org
		if err := rows.Scan(&f.ID, &o.OrgNo, &o.Name, &o.Kind, &o.RegisteredOn, &o.Village, &o.Industry, &o.HouseholdsDriven, &o.Model); err != nil {
			rows.Close()
			return nil, err
		}
		o.HouseholdsDriven = hezuo.BoundedCount(o.HouseholdsDriven) // as the summaries read it (summary_load.go)
		f.Facts = rules.Facts{OrgID: o.OrgNo, Name: o.Name, Kind: o.Kind, Active: true,
			Registered: o.RegisteredAsOf(day), Village: o.Village, Industry: o.Industry}
		list = append(list, f)
		byID[f.ID] = f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return list, nil
	}
	steps := []func(context.Context, hezuo.Scope, hezuo.Date, map[int64]*orgFacts) error{
		db.factVillages, db.factMembers, db.factParty, db.factCovers, db.factDispatches,
	}
	for _, step := range steps {
		if err := step(ctx, scope, day, byID); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// eachRow runs q and calls fn for each row.
func (db *DB) eachRow(ctx context.Context, q string, args []any, fn func(rowScanner) error) error {
	rows, err := db.query(ctx, q, args...)
	return forRows(rows, err, fn)
}

func (db *DB) factVillages(ctx context.Context, scope hezuo.Scope, day hezuo.Date, byID map[int64]*orgFacts) error {
	w := orgScope(scope, day)
	return db.eachRow(ctx, `SELECT ov.org_id, ov.village FROM org_villages ov JOIN orgs o ON o.id = ov.org_id
		WHERE `+w.String()+` ORDER BY ov.org_id, ov.village`, w.args, sqlx.Keyed(func(id int64, v string) {
		if f := byID[id]; f != nil {
			f.Villages = append(f.Villages, v)
		}
	}))
}

func (db *DB) factMembers(ctx context.Context, scope hezuo.Scope, day hezuo.Date, byID map[int64]*orgFacts) error {
	w := orgScope(scope, day)
	w.addPair(active("m", day))
	return db.eachRow(ctx, `SELECT m.org_id, count(*) FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE `+w.String()+` GROUP BY m.org_id`, w.args, sqlx.Keyed(func(id int64, n int) {
		if f := byID[id]; f != nil {
			f.Members = n
		}
	}))
}

// factParty counts full and probationary party members and activists among
// each org's active members.
func (db *DB) factParty(ctx context.Context, scope hezuo.Scope, day hezuo.Date, byID map[int64]*orgFacts) error {
	w := orgScope(scope, day)
	w.addPair(active("m", day))
	w.addPair(active("ps", day))
	w.add("ps.status IN ('full', 'probationary', 'activist')")
	return db.eachRow(ctx, `SELECT m.org_id, ps.status, count(DISTINCT m.person_id) FROM memberships m
		JOIN orgs o ON o.id = m.org_id JOIN party_status ps ON ps.person_id = m.person_id
		WHERE `+w.String()+` GROUP BY m.org_id, ps.status`, w.args, func(r rowScanner) error {
		var id int64
		var status string
		var n int
		if err := r.Scan(&id, &status, &n); err != nil {
			return err
		}
		f := byID[id]
		if f == nil {
			return nil
		}
		switch status {
		case hezuo.StatusFull:
			f.FullMembers = n
		case hezuo.StatusProbationary:
			f.ProbationaryMembers = n
		case hezuo.StatusActivist:
			f.Activists = n
		}
		return nil
	})
}

func (db *DB) factDispatches(ctx context.Context, scope hezuo.Scope, day hezuo.Date, byID map[int64]*orgFacts) error {
	w := orgScope(scope, day)
	w.addPair(active("d", day))
	err := db.eachRow(ctx, `SELECT DISTINCT d.org_id FROM dispatches d JOIN orgs o ON o.id = d.org_id WHERE `+w.String(), w.args,
		func(r rowScanner) error {
			var id int64
			if err := r.Scan(&id); err != nil {
				return err
			}
			if f := byID[id]; f != nil {
				f.Instructor = true
			}
			return nil
		})
	if err != nil {
		return err
	}
	w = orgScope(scope, day)
	w.add(developedCond, day, day)
	return db.eachRow(ctx, `SELECT d.org_id, count(DISTINCT ps.person_id) FROM dispatches d JOIN orgs o ON o.id = d.org_id
		JOIN memberships m ON m.org_id = d.org_id JOIN party_status ps ON ps.person_id = m.person_id
		WHERE `+w.String()+` GROUP BY d.org_id`, w.args, sqlx.Keyed(func(id int64, n int) {
		if f := byID[id]; f != nil {
			f.InstructorDeveloped = n
		}
	}))
}

// developedCond: the person became a probationary member during the dispatch,
// while a member of the org, on or before the day (two day arguments).
const developedCond = `d.valid_from <= ? AND ps.status = 'probationary' AND ps.valid_from >= d.valid_from
	AND (d.valid_to IS NULL OR ps.valid_from < d.valid_to) AND ps.valid_from <= ?
	AND m.valid_from <= ps.valid_from AND (m.valid_to IS NULL OR m.valid_to > ps.valid_from)`

// sortedKeys returns a map's int64 keys in order.
func sortedKeys[V any](m map[int64]V) []int64 { return sqlx.SortedKeys(m) }
