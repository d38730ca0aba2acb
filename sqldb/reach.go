package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"hezuo"
)

// personPlaces returns where the person with database id lies for the
// write-scope decision (hezuo reach.go): the home village, or without one
// the home villages of the orgs of all their memberships — the same rule
// as Places for imports.
func (db *DB) personPlaces(ctx context.Context, q querier, id int64) ([]string, error) {
	var out []string
	err := db.eachRowOn(ctx, q, `SELECT village FROM people WHERE id = ? AND village IS NOT NULL
		UNION ALL SELECT o.village FROM memberships m JOIN orgs o ON o.id = m.org_id JOIN people p ON p.id = m.person_id
		WHERE m.person_id = ? AND p.village IS NULL`, []any{id, id}, column(&out))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writablePerson refuses a write by a that refers to the person with
// database id when the person lies outside a's scope, with the answer of a
// missing record (hezuo.OutOfReach) naming record and field; edit says the
// write changes the person, whom a can see: then hezuo.NotYours.
func (db *DB) writablePerson(ctx context.Context, q querier, a *hezuo.Access, id int64, record, field string, edit bool) error {
	places, err := db.personPlaces(ctx, q, id)
	if err != nil {
		return err
	}
	if a.MayWriteAt(places) {
		return nil
	}
	if edit {
		return hezuo.NotYours(record, field)
	}
	return hezuo.OutOfReach(record, field)
}

// referredPerson returns the database id of the person with ID number
// idNumber that a write by a refers to, after writablePerson: an unknown
// number gets the same answer as a person outside a's scope
// (hezuo.OutOfReach), since whether a number is on record elsewhere is not
// the writer's to learn.
func (db *DB) referredPerson(ctx context.Context, q querier, a *hezuo.Access, idNumber, record, field string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, db.rebind(`SELECT id FROM people WHERE id_hash = ?`), db.idHash(idNumber)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, hezuo.OutOfReach(record, field)
	} else if err != nil {
		return 0, err
	}
	return id, db.writablePerson(ctx, q, a, id, record, field, false)
}
