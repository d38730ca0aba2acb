package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"hezuo"
)

// dispatchInstructor reads the instructor with database id if its sending
// township lies in a's scope: its ID number (for the audit log, masked) and
// township. Otherwise an ENOTFOUND error beside the field instructor.
func (db *DB) dispatchInstructor(ctx context.Context, q querier, a *hezuo.Access, rec string, id int64) (string, error) {
	lo, hi := a.Scope.Range()
	var idNumber string
	err := q.QueryRowContext(ctx, db.rebind(`SELECT pe.id_sealed FROM instructors i JOIN people pe ON pe.id = i.person_id
		WHERE i.id = ? AND i.township BETWEEN ? AND ?`), id, lo[:9], hi[:9]).Scan(db.opened(&idNumber))
	if errors.Is(err, sql.ErrNoRows) {
		return "", fieldError(hezuo.ENOTFOUND, rec, "instructor", "找不到该指导员（不存在或不在您的权限范围内）",
			"no such instructor (it does not exist or lies outside your scope)")
	}
	return idNumber, err
}

// dispatchOrg reads org no if a may see it, else an ENOTFOUND error beside
// the field org_id.
func (db *DB) dispatchOrg(ctx context.Context, q querier, a *hezuo.Access, rec, no string, day hezuo.Date) (hezuo.OrgItem, error) {
	it, err := db.orgItem(ctx, q, a, no, day)
	var e *hezuo.Error
	if errors.As(err, &e) && e.Code == hezuo.ENOTFOUND {
		return it, fieldError(hezuo.ENOTFOUND, rec, "org_id", e.ZH, e.EN)
	}
	return it, err
}

// StartDispatch sends the instructor with database id instructorID to the
// org orgNo for period p (To may be zero), in one transaction with its audit
// entry. Only roles that write; the org must be one a may see and the
// instructor one sent by a township in a's scope; the period must not
// overlap another dispatch of the same instructor to the same org, and the
// instructor may carry no more than instructor_max_orgs orgs on p.From
// (ECONFLICT).
func (db *DB) StartDispatch(ctx context.Context, a *hezuo.Access, instructorID int64, orgNo string, p hezuo.Period, now time.Time) error {
	return db.write(ctx, registry, a, clockAt(now), func(w *unit) error {
		rec := "派驻 " + orgNo
		if err := p.Validate(rec); err != nil {
			return err
		}
		st, err := db.Settings(ctx)
		if err != nil {
			return err
		}
		tx := w.tx
		org, err := db.dispatchOrg(ctx, tx, a, rec, orgNo, w.today)
		if err != nil {
			return err
		}
		idNumber, err := db.dispatchInstructor(ctx, tx, a, rec, instructorID)
		if err != nil {
			return err
		}
		if n, err := db.overlaps(ctx, tx, "dispatches", "instructor_id", instructorID, org.ID, 0, p); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "from", "此期间该指导员已派驻该组织", "the instructor is already sent to this org during this period")
		}
		var load int
		dc, da := active("d", p.From)
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM dispatches d WHERE d.instructor_id = ? AND `+dc),
			append([]any{instructorID}, da...)...).Scan(&load); err != nil {
			return err
		}
		if load >= st.InstructorMaxOrgs {
			return fieldError(hezuo.ECONFLICT, rec, "instructor",
				"该指导员已负责 "+itoa(load)+" 个组织，达到上限 "+itoa(st.InstructorMaxOrgs),
				"the instructor already serves "+itoa(load)+" orgs, the limit is "+itoa(st.InstructorMaxOrgs))
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO dispatches (county, instructor_id, org_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`),
			org.County(), instructorID, org.ID, p.From, p.To); err != nil {
			return err
		}
		after := hezuo.Dispatch{IDNumber: hezuo.MaskIDNumber(idNumber), OrgNo: orgNo, Period: p}
		return w.audit(hezuo.ActionCreate, "dispatch", orgNo+" "+after.IDNumber, org.Village, nil, after, "")
	})
}

// EndDispatch ends on day the dispatch of the instructor with database id
// instructorID to org orgNo that began on from (the dispatches' key), in
// one transaction with its audit entry. Only roles that write, only orgs a
// may see (ENOTFOUND); a dispatch already ended is ECONFLICT (dispatches
// carry no version: ending is the one change, and it happens once).
func (db *DB) EndDispatch(ctx context.Context, a *hezuo.Access, instructorID int64, orgNo string, from, day hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockAt(now), func(w *unit) error {
		rec := "派驻 " + orgNo
		tx := w.tx
		org, err := db.orgItem(ctx, tx, a, orgNo, w.today)
		if err != nil {
			return err
		}
		var id int64
		var idNumber string
		var p hezuo.Period
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT d.id, pe.id_sealed, d.valid_from, d.valid_to FROM dispatches d
			JOIN instructors i ON i.id = d.instructor_id JOIN people pe ON pe.id = i.person_id
			WHERE d.instructor_id = ? AND d.org_id = ? AND d.valid_from = ?`), instructorID, org.ID, from).Scan(&id, db.opened(&idNumber), &p.From, &p.To)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("派驻", "dispatch", orgNo)
		} else if err != nil {
			return err
		}
		if !p.To.IsZero() {
			return hezuo.Errorf(hezuo.ECONFLICT, "该派驻已于 %s 结束", "this dispatch already ended on %s", p.To)
		}
		before := hezuo.Dispatch{IDNumber: hezuo.MaskIDNumber(idNumber), OrgNo: orgNo, Period: p}
		after := before
		after.To = day
		if err := after.Period.Validate(rec); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE dispatches SET valid_to = ? WHERE id = ? AND valid_to IS NULL`), day, id); err != nil {
			return err
		}
		return w.audit(hezuo.ActionEnd, "dispatch", orgNo+" "+before.IDNumber, org.Village, before, after, "")
	})
}
