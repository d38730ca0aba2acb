package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"hezuo"
	"hezuo/rules"
)

// LendingRates returns the table of reference lending rates
// (lending_rates, migration 0011) in order of their days.
func (db *DB) LendingRates(ctx context.Context) (rules.RateTable, error) {
	var rows []hezuo.LendingRate
	err := db.eachRow(ctx, `SELECT effective_from, kind, rate_ppm, source FROM lending_rates ORDER BY effective_from`, nil,
		collect(&rows, func(r rowScanner, x *hezuo.LendingRate) error {
			return r.Scan(&x.EffectiveFrom, &x.Kind, &x.RatePPM, &x.Source)
		}))
	if err != nil {
		return nil, err
	}
	return rules.NewRateTable(rows), nil
}

// SetLendingRate adds the row r to the table of reference lending rates,
// or replaces the row of its day, after checking it against today
// (hezuo.LendingRate.Validate), in one transaction with its audit entry
// (before and after). Only county administrators may: EFORBIDDEN else.
func (db *DB) SetLendingRate(ctx context.Context, a *hezuo.Access, r hezuo.LendingRate, today hezuo.Date, now time.Time) error {
	return db.write(ctx, rateTable, a, clockOn(today, now), func(w *unit) error {
		if err := r.Validate(today); err != nil {
			return err
		}
		var old hezuo.LendingRate
		var before any
		action := hezuo.ActionCreate
		err := w.tx.QueryRowContext(ctx, db.rebind(`SELECT effective_from, kind, rate_ppm, source FROM lending_rates WHERE effective_from = ?`),
			r.EffectiveFrom).Scan(&old.EffectiveFrom, &old.Kind, &old.RatePPM, &old.Source)
		switch {
		case err == nil:
			before, action = old, hezuo.ActionUpdate
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := w.tx.ExecContext(ctx, db.rebind(`INSERT INTO lending_rates (effective_from, kind, rate_ppm, source) VALUES (?, ?, ?, ?)
			ON CONFLICT (effective_from) DO UPDATE SET kind = excluded.kind, rate_ppm = excluded.rate_ppm, source = excluded.source`),
			r.EffectiveFrom, r.Kind, r.RatePPM, r.Source); err != nil {
			return err
		}
		return w.audit(action, "lending_rate", r.EffectiveFrom.String(), "", before, r, "")
	})
}
