package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"hezuo"
)

const membershipCols = `SELECT m.id, m.person_id, pe.id_sealed, pe.name, o.org_no, o.name, m.role, m.valid_from, m.valid_to, m.version
	FROM memberships m JOIN people pe ON pe.id = m.person_id JOIN orgs o ON o.id = m.org_id`

func (db *DB) scanMembership(r rowScanner) (hezuo.MembershipRecord, error) {
	var m hezuo.MembershipRecord
	err := r.Scan(&m.ID, &m.PersonID, db.opened(&m.IDNumber), &m.PersonName, &m.OrgNo, &m.OrgName, &m.Role, &m.From, &m.To, &m.Version)
	m.IDNumber = hezuo.MaskIDNumber(m.IDNumber)
	return m, err
}

// Memberships returns every membership (current or ended) of the person
// with database id in orgs a may see, oldest first, with ids and versions
// for the forms that change them. ID numbers are masked.
func (db *DB) Memberships(ctx context.Context, a *hezuo.Access, personID int64, today hezuo.Date) ([]hezuo.MembershipRecord, error) {
	vis, va := visibleOrgIDs(a, today)
	out := []hezuo.MembershipRecord{}
	err := db.eachRow(ctx, membershipCols+` WHERE m.person_id = ? AND m.org_id IN (`+vis+`) ORDER BY m.valid_from, o.org_no`,
		append([]any{personID}, va...), func(r rowScanner) error {
			m, err := db.scanMembership(r)
			out = append(out, m)
			return err
		})
	return out, err
}

// membership reads the membership with database id if its org is one a may
// see (ENOTFOUND otherwise).
func (db *DB) membership(ctx context.Context, q querier, a *hezuo.Access, id int64, today hezuo.Date) (*hezuo.MembershipRecord, error) {
	vis, va := visibleOrgIDs(a, today)
	m, err := db.scanMembership(q.QueryRowContext(ctx, db.rebind(membershipCols+` WHERE m.id = ? AND m.org_id IN (`+vis+`)`), append([]any{id}, va...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("成员关系", "membership", "#"+itoa(id))
	}
	return &m, err
}

// MembershipForEdit returns the membership with database id for its edit
// form: only roles that write, only memberships of orgs a may see.
func (db *DB) MembershipForEdit(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*hezuo.MembershipRecord, error) {
	if err := registry.allow(a); err != nil {
		return nil, err
	}
	return db.membership(ctx, db, a, id, today)
}

// SaveMembership records that a person joined an org (m.ID 0: the person
// by m.PersonID, one a may see, else by the whole m.IDNumber; the org by
// m.OrgNo) or changes a
// membership's role and dates (m.ID the database id, version the version
// read; person and org stay), in one transaction with its audit entry.
// Only roles that write, only orgs a may see (ENOTFOUND beside org_id);
// the period must be valid and must not overlap another membership of the
// same person in the same org (ECONFLICT). It returns the new version.
func (db *DB) SaveMembership(ctx context.Context, a *hezuo.Access, m *hezuo.MembershipRecord, version int, now time.Time) (int, error) {
	return writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int, error) {
		rec := "成员关系 " + m.OrgNo
		// A wrong period is reported with an org or person that is wrong too
		// (every field at once); nothing is written before both are known.
		perr := m.Period.Validate(rec)
		tx := w.tx
		var err error
		today := w.today
		var before *hezuo.MembershipRecord
		if m.ID != 0 {
			if before, err = db.membership(ctx, tx, a, m.ID, today); err != nil {
				return 0, afterOwnErrors(perr, err)
			}
			if before.Version != version {
				return 0, afterOwnErrors(perr, stale("该成员关系", "this membership"))
			}
			m.PersonID, m.OrgNo = before.PersonID, before.OrgNo
		}
		org, err := db.orgItem(ctx, tx, a, m.OrgNo, today)
		if err != nil {
			var e *hezuo.Error
			if errors.As(err, &e) && e.Code == hezuo.ENOTFOUND {
				return 0, afterOwnErrors(perr, fieldError(hezuo.ENOTFOUND, rec, "org_id", e.ZH, e.EN))
			}
			return 0, afterOwnErrors(perr, err)
		}
		if m.ID == 0 && m.PersonID != 0 {
			// A person named by database id (a page's link) must be one a
			// may see, like the page itself.
			if _, err := db.personRecord(ctx, tx, a, m.PersonID, today); err != nil {
				return 0, err
			}
		}
		// Joining an org refers to the person: only one whose home lies in a's
		// scope, as an import's row (hezuo reach.go).
		if m.PersonID == 0 {
			if m.PersonID, err = db.referredPerson(ctx, tx, a, m.IDNumber, rec, "id_number"); err != nil {
				return 0, afterOwnErrors(perr, err)
			}
		} else if m.ID == 0 {
			if err := db.writablePerson(ctx, tx, a, m.PersonID, rec, "id_number", false); err != nil {
				return 0, afterOwnErrors(perr, err)
			}
		}
		if perr != nil {
			return 0, perr
		}
		if n, err := db.overlaps(ctx, tx, "memberships", "person_id", m.PersonID, org.ID, m.ID, m.Period); err != nil {
			return 0, err
		} else if n > 0 {
			return 0, fieldError(hezuo.ECONFLICT, rec, "from", "此期间该人员已是该组织成员", "the person is already a member of this org during this period")
		}
		action := hezuo.ActionCreate
		if m.ID == 0 {
			err = tx.QueryRowContext(ctx, db.rebind(`INSERT INTO memberships (county, person_id, org_id, role, valid_from, valid_to)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), org.County(), m.PersonID, org.ID, m.Role, m.From, m.To).Scan(&m.ID)
		} else {
			action = hezuo.ActionUpdate
			if before.To.IsZero() && !m.To.IsZero() {
				action = hezuo.ActionEnd
			}
			_, err = tx.ExecContext(ctx, db.rebind(`UPDATE memberships SET role = ?, valid_from = ?, valid_to = ?, version = version + 1 WHERE id = ?`),
				m.Role, m.From, m.To, m.ID)
		}
		if err != nil {
			return 0, err
		}
		after, err := db.membership(ctx, tx, a, m.ID, today)
		if err != nil {
			return 0, err
		}
		if before != nil && after.Version != version+1 { // saved by another in between (PostgreSQL's READ COMMITTED)
			return 0, stale("该成员关系", "this membership")
		}
		return after.Version, w.audit(action, "membership", after.OrgNo+" "+after.IDNumber, org.Village, before, after, "")
	})
}

// EndMembership ends the membership with database id on day (the person
// left the org; the row stays), as SaveMembership does with its checks.
func (db *DB) EndMembership(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, version int, now time.Time) (int, error) {
	m, err := db.MembershipForEdit(ctx, a, id, dayAt(now))
	if err != nil {
		return 0, err
	}
	m.To = day
	return db.SaveMembership(ctx, a, m, version, now)
}

// overlaps counts the rows of table (memberships or dispatches) of the same
// who (person or instructor) and org, other than row id, whose period
// overlaps p.
func (db *DB) overlaps(ctx context.Context, q querier, table, whoCol string, who, orgID, id int64, p hezuo.Period) (int, error) {
	cond, args := "", []any{who, orgID, id, p.From}
	if !p.To.IsZero() {
		cond, args = " AND valid_from < ?", append(args, p.To)
	}
	var n int
	err := q.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM `+table+` WHERE `+whoCol+` = ? AND org_id = ? AND id <> ?
		AND (valid_to IS NULL OR valid_to > ?)`+cond), args...).Scan(&n)
	return n, err
}

// afterOwnErrors returns a record's own field errors (own, from its
// checks before any lookup) followed by err when err names a field too
// (EINVALID, ENOTFOUND or ECONFLICT beside a field): every field at once,
// the first error the same as when the own checks came first alone. With
// no own errors it is err; any other err gives own alone.
func afterOwnErrors(own, err error) error {
	if own == nil {
		return err
	}
	var e *hezuo.Error
	if !errors.As(err, &e) || e.Field == "" || (e.Code != hezuo.EINVALID && e.Code != hezuo.ENOTFOUND && e.Code != hezuo.ECONFLICT) {
		return own
	}
	return hezuo.JoinErrors(own, err)
}
