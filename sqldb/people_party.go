package sqldb

import (
	"context"
	"database/sql"
	"time"

	"hezuo"
)

// personSteps reads the party status steps of the person with database id
// (ID number idNumber), with their ids.
func (db *DB) personSteps(ctx context.Context, x execQuerier, id int64, idNumber string) ([]hezuo.PartyStatus, error) {
	var out []hezuo.PartyStatus
	err := db.eachRowOn(ctx, x, `SELECT s.id, s.status, coalesce(h.no, ''), s.valid_from, s.valid_to, s.from_unknown FROM party_status s
		LEFT JOIN party_orgs h ON h.id = s.home_party_org_id WHERE s.person_id = ? ORDER BY s.valid_from, s.id`, []any{id},
		func(r rowScanner) error {
			s := hezuo.PartyStatus{IDNumber: idNumber}
			err := r.Scan(&s.ID, &s.Status, &s.HomePartyOrg, &s.From, &s.To, &s.FromUnknown)
			out = append(out, s)
			return err
		})
	return out, err
}

// savePartyRecord makes the steps of person p (saved in tx, county its
// shard) say what rec says, through hezuo.PartyRecord's Validate and Merge
// (the members import's rules): a status without dates starts today,
// marked unknown. It writes an audit entry when a step changed.
func (db *DB) savePartyRecord(ctx context.Context, tx *sql.Tx, a *hezuo.Access, now time.Time, p *hezuo.Person, county string,
	rec hezuo.PartyRecord, probation int, today hezuo.Date) error {
	if err := rec.Validate(p.BirthDate, today, probation); err != nil {
		return err
	}
	have, err := db.personSteps(ctx, tx, p.ID, p.IDNumber)
	if err != nil {
		return err
	}
	m, err := rec.Merge(p.IDNumber, have, today, today, probation)
	if err != nil || len(m.Write) == 0 {
		return err
	}
	for _, s := range m.Write {
		if s.ID != 0 {
			_, err = tx.ExecContext(ctx, db.rebind(`UPDATE party_status SET status = ?, valid_from = ?, valid_to = ?, from_unknown = ?
				WHERE id = ? AND person_id = ?`), s.Status, s.From, s.To, s.FromUnknown, s.ID, p.ID)
		} else {
			_, err = tx.ExecContext(ctx, db.rebind(`INSERT INTO party_status (county, person_id, status, home_party_org_id, valid_from, valid_to, from_unknown)
				VALUES (?, ?, ?, (SELECT id FROM party_orgs WHERE no = ?), ?, ?, ?)`), county, p.ID, s.Status, s.HomePartyOrg, s.From, s.To, s.FromUnknown)
		}
		if err != nil {
			return err
		}
	}
	before := hezuo.PartyRecordOf(have, today)
	return db.audit(ctx, tx, a, now, hezuo.ActionUpdate, "party_status", hezuo.MaskIDNumber(p.IDNumber), p.Village, before, rec, "")
}
