package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hezuo"
	"hezuo/store"
)

// AcceptDispatches sends instructors to orgs from day, in one transaction.
// in is the input gathered by PlanInput for the officer's scope and the same
// day, just before. Each pair (IDNumber → OrgNo; the periods given are
// ignored) must name an org of in.InstructorOrgs and an instructor of that
// org's township, who may carry no more than instructor_max_orgs orgs with
// the new ones (checked again inside the transaction). It returns the
// dispatches created, in the order given.
func (db *DB) AcceptDispatches(ctx context.Context, in *store.PlanInput, pairs []hezuo.Dispatch, day hezuo.Date) ([]hezuo.Dispatch, error) {
	return db.acceptDispatches(ctx, trusted, nil, clock{today: day}, in, pairs, noAudit)
}

// acceptDispatches is AcceptDispatches as a unit of work by a through g,
// from c's day; then runs in the unit after the dispatches are written
// (the web application checks their places and audits there; noAudit for
// the command line).
func (db *DB) acceptDispatches(ctx context.Context, g gate, a *hezuo.Access, c clock, in *store.PlanInput, pairs []hezuo.Dispatch,
	then func(*unit, []hezuo.Dispatch) error) ([]hezuo.Dispatch, error) {
	day := c.today
	needs := map[string]string{} // org → township
	for _, o := range in.InstructorOrgs {
		needs[o.OrgNo] = o.Township
	}
	towns := map[string]string{} // instructor → township
	for _, i := range in.Instructors {
		towns[i.IDNumber] = i.Township
	}
	seen := map[string]bool{}
	for i, p := range pairs {
		rec := fmt.Sprintf("派驻 %d", i+1)
		town, ok := needs[p.OrgNo]
		switch {
		case !ok:
			return nil, hezuo.Invalid(rec, "org_id", "组织 "+p.OrgNo+" 不需要或已有党建工作指导员", "org "+p.OrgNo+" does not need an instructor, or already has one")
		case seen[p.OrgNo]:
			return nil, hezuo.Invalid(rec, "org_id", "组织 "+p.OrgNo+" 重复派驻", "org "+p.OrgNo+" is listed twice")
		case towns[p.IDNumber] == "":
			return nil, hezuo.Invalid(rec, "id_number", "未知的指导员 "+hezuo.MaskIDNumber(p.IDNumber), "unknown instructor "+hezuo.MaskIDNumber(p.IDNumber))
		case towns[p.IDNumber] != town:
			return nil, hezuo.Invalid(rec, "id_number", "指导员不属于组织所在乡镇 "+town, "the instructor is not one of township "+town)
		}
		seen[p.OrgNo] = true
	}
	return writeFor(ctx, db, g, a, c, func(w *unit) ([]hezuo.Dispatch, error) {
		if err := w.serialize(planLock); err != nil {
			return nil, err
		}
		tx := w.tx
		loads, err := db.instructorLoads(ctx, tx, pairs, day)
		if err != nil {
			return nil, err
		}
		out := make([]hezuo.Dispatch, 0, len(pairs))
		for _, p := range pairs {
			l := loads[p.IDNumber]
			if l == nil {
				return nil, hezuo.Errorf(hezuo.ENOTFOUND, "未知的指导员 %s", "unknown instructor %s", hezuo.MaskIDNumber(p.IDNumber))
			}
			if l.orgs >= in.Settings.InstructorMaxOrgs {
				return nil, hezuo.Errorf(hezuo.ECONFLICT, "指导员 %s 已负责 %d 个组织，达到上限", "instructor %s already serves %d orgs, the limit",
					hezuo.MaskIDNumber(p.IDNumber), l.orgs)
			}
			l.orgs++
			insID := l.id
			var orgID int64
			var county string
			var n int
			if err := tx.QueryRowContext(ctx, db.rebind(`SELECT o.id, o.county, (SELECT count(*) FROM dispatches d WHERE d.org_id = o.id
				AND d.valid_from <= ? AND (d.valid_to IS NULL OR d.valid_to > ?)) FROM orgs o WHERE o.org_no = ?`), day, day, p.OrgNo).Scan(&orgID, &county, &n); err != nil {
				return nil, err
			}
			if n > 0 {
				return nil, hezuo.Errorf(hezuo.ECONFLICT, "组织 %s 已派驻指导员（可能刚由他人派驻），请刷新方案", "org %s already has an instructor (perhaps just sent); refresh the plan", p.OrgNo)
			}
			if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO dispatches (county, instructor_id, org_id, valid_from) VALUES (?, ?, ?, ?)`),
				county, insID, orgID, day); err != nil {
				return nil, err
			}
			out = append(out, hezuo.Dispatch{IDNumber: p.IDNumber, OrgNo: p.OrgNo, Period: hezuo.Period{From: day}})
		}
		return out, then(w, out)
	})
}

// insLoad is an instructor's id and the orgs served.
type insLoad struct {
	id   int64
	orgs int
}

// instructorLoads returns, by ID number, the instructors named in pairs with
// the orgs they serve on day, read in the transaction.
func (db *DB) instructorLoads(ctx context.Context, tx *sql.Tx, pairs []hezuo.Dispatch, day hezuo.Date) (map[string]*insLoad, error) {
	out := map[string]*insLoad{}
	byID := map[int64]*insLoad{}
	for _, p := range pairs {
		if out[p.IDNumber] != nil {
			continue
		}
		l := &insLoad{}
		err := tx.QueryRowContext(ctx, db.rebind(`SELECT i.id FROM instructors i JOIN people pe ON pe.id = i.person_id
			WHERE pe.id_hash = ?`), db.idHash(p.IDNumber)).Scan(&l.id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return nil, err
		}
		out[p.IDNumber], byID[l.id] = l, l
	}
	// One pass over the active dispatches: dispatches has no index on the
	// instructor, so a count per instructor would scan it each time.
	rows, err := tx.QueryContext(ctx, db.rebind(`SELECT d.instructor_id, count(*) FROM dispatches d JOIN orgs o ON o.id = d.org_id
		WHERE d.valid_from <= ? AND (d.valid_to IS NULL OR d.valid_to > ?) AND o.founded <= ? AND (o.dissolved IS NULL OR o.dissolved > ?)
		GROUP BY d.instructor_id`), day, day, day, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		if l := byID[id]; l != nil {
			l.orgs = n
		}
	}
	return out, rows.Err()
}
