package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"hezuo"
	"hezuo/store"
)

// reachPerson returns the home village of an org a reaches that the person
// with database id is (or was) a member of, else ENOTFOUND beside field.
func (db *DB) reachPerson(ctx context.Context, q querier, a *hezuo.Access, rec, field string, id int64, day hezuo.Date) (string, error) {
	w := orgAccess(a, day)
	var village string
	if err := q.QueryRowContext(ctx, db.rebind(`SELECT coalesce(min(o.village), '') FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.person_id = ? AND `+w.String()), append([]any{id}, w.args...)...).Scan(&village); err != nil {
		return "", err
	}
	if village == "" {
		return "", fieldError(hezuo.ENOTFOUND, rec, field, "找不到该人员（不存在或不在您的权限范围内）",
			"no such person (they do not exist or lie outside your scope)")
	}
	return village, nil
}

// AddPartyStep records the next development step (status from day from)
// of the person with database id personID, ending the current step that
// day, in one transaction with its audit entry. Steps go in order
// (applicant → activist → candidate → probationary → full, one at a time,
// each after the last); a development object named before
// activist_min_months as an activist, or a conversion before
// probation_months of probation, is EINVALID beside from; so is a step
// after today.
func (db *DB) AddPartyStep(ctx context.Context, a *hezuo.Access, personID int64, status string, from hezuo.Date, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := fmt.Sprintf("发展党员 %d", personID)
		if err := store.StepChecks(rec, status, from, today); err != nil {
			return err
		}
		st, err := db.Settings(ctx)
		if err != nil {
			return err
		}
		tx := w.tx
		village, err := db.reachPerson(ctx, tx, a, rec, "person", personID, today)
		if err != nil {
			return err
		}
		if err := db.writablePerson(ctx, tx, a, personID, rec, "person", true); err != nil { // the person's home (hezuo reach.go)
			return err
		}
		name, err := db.personName(ctx, tx, rec, "person", personID)
		if err != nil {
			return err
		}
		type step struct {
			id       int64
			status   string
			home     sql.NullInt64
			from, to hezuo.Date
			unknown  bool
		}
		var last *step
		var all []step
		first := map[string]hezuo.Date{}
		err = db.eachRowOn(ctx, tx, `SELECT id, status, home_party_org_id, valid_from, valid_to, from_unknown FROM party_status WHERE person_id = ? ORDER BY valid_from, id`,
			[]any{personID}, func(r rowScanner) error {
				var s step
				err := r.Scan(&s.id, &s.status, &s.home, &s.from, &s.to, &s.unknown)
				all = append(all, s)
				last = &s
				if _, ok := first[s.status]; !ok {
					first[s.status] = s.from
				}
				return err
			})
		if err != nil {
			return err
		}
		want, next := hezuo.StatusApplicant, 0
		if last != nil {
			next = stepRank(last.status) + 1
			if next < len(store.DevSteps) {
				want = store.DevSteps[next]
			}
		}
		// Development steps record new members (细则): a party member admitted
		// before (or elsewhere) is registered on the person form or transferred
		// in, never walked through the steps again.
		var lastStatus string
		var lastFrom hezuo.Date
		var lastUnknown bool
		if last != nil {
			lastStatus, lastFrom, lastUnknown = last.status, last.from, last.unknown
		}
		if err := hezuo.CheckDevelopmentStep(rec, name, status, lastStatus, lastFrom, lastUnknown); err != nil {
			return err
		}
		if status != want {
			return hezuo.Invalid(rec, "status", fmt.Sprintf("发展步骤不能跳过或倒退：%s 的下一步应为“%s”", name, hezuo.StatusNames[want]),
				fmt.Sprintf("steps go in order: %s's next step is %s", name, want))
		}
		if last != nil && !from.After(last.from) {
			return hezuo.Invalid(rec, "from", fmt.Sprintf("日期应晚于上一步（%s，%s）", hezuo.StatusNames[last.status], last.from),
				fmt.Sprintf("the date must follow the last step (%s on %s)", last.status, last.from))
		}
		switch status {
		case hezuo.StatusCandidate:
			if min := last.from.AddPeriod(0, st.ActivistMinMonths); from.Before(min) {
				return hezuo.Invalid(rec, "from", fmt.Sprintf("列为入党积极分子（%s）不满 %d 个月，%s 前不能确定为发展对象", last.from, st.ActivistMinMonths, min),
					fmt.Sprintf("an activist since %s: a development object only after %d months (from %s)", last.from, st.ActivistMinMonths, min))
			}
		case hezuo.StatusFull:
			// Probation runs from admission, across a transfer of the party
			// relation (adjoining probationary steps).
			start := last.from
			for i := len(all) - 2; i >= 0 && all[i].status == hezuo.StatusProbationary && all[i].to.Equal(start); i-- {
				start = all[i].from
			}
			if end := start.AddPeriod(0, st.ProbationMonths); from.Before(end) {
				return hezuo.Invalid(rec, "from", fmt.Sprintf("预备期（自 %s）不满 %d 个月，%s 前不能转正", start, st.ProbationMonths, end),
					fmt.Sprintf("probation (from %s) is shorter than %d months: no conversion before %s", start, st.ProbationMonths, end))
			}
		}
		var home any
		if last != nil {
			if last.to.IsZero() || last.to.After(from) {
				if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE party_status SET valid_to = ? WHERE id = ?`), from, last.id); err != nil {
					return err
				}
			}
			if last.home.Valid {
				home = last.home.Int64
			}
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO party_status (county, person_id, status, home_party_org_id, valid_from) VALUES (?, ?, ?, ?, ?)`),
			village[:6], personID, status, home, from); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		after := hezuo.PartyStatus{IDNumber: name, Status: status, Period: hezuo.Period{From: from}}
		return w.audit(hezuo.ActionCreate, "party_status", name, village, nil, after, "")
	})
}

// PersonStep returns the name of the person with database id and their
// development step on day ("" when none), if the person is a member of an
// org a reaches (else ENOTFOUND): the step and visit forms name whom they
// record for.
func (db *DB) PersonStep(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date) (string, string, error) {
	rec := fmt.Sprintf("人员 %d", id)
	if _, err := db.reachPerson(ctx, db, a, rec, "person", id, day); err != nil {
		return "", "", err
	}
	name, err := db.personName(ctx, db, rec, "person", id)
	if err != nil {
		return "", "", err
	}
	var status string
	err = db.QueryRowContext(ctx, db.rebind(`SELECT coalesce(max(status), '') FROM party_status WHERE person_id = ?
		AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`), id, day, day).Scan(&status)
	return name, status, err
}
