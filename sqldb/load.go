package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hezuo"
)

// Load validates ds and writes it in one transaction: every record or none.
// Records refer to each other by natural keys, resolved against ds and the
// database; a record whose key exists is updated. today bounds birth dates.
func (db *DB) Load(ctx context.Context, ds *hezuo.Dataset, today hezuo.Date) error {
	if err := ds.BoundedAll(today); err != nil { // the bounds of every write path (bounds.go)
		return err
	}
	// The summaries of what was written are refreshed in the same transaction.
	return db.write(ctx, trusted, hezuo.System, clock{today: today}, func(w *unit) error {
		l := w.loader()
		return l.run(ds, own{l.loadPeople, l.loadMemberships, l.loadPartyStatus, l.loadOfficers})
	})
}

// own are the steps Load and Import write each their own way: Load's one
// row at a time, Import's multi-row (import_write.go).
type own struct {
	people, memberships, partyStatus, officers func(*hezuo.Dataset) error
}

// run writes ds through the load parts of the kinds, by rank (kinds.go:
// divisions, orgs and people before what names them), o's the steps
// Load and Import write each their own way.
func (l *loader) run(ds *hezuo.Dataset, o own) error {
	l.own = o
	p := newPlatformLoader(l)
	for _, k := range kinds {
		if k.load != nil {
			if err := k.load(p, ds); err != nil {
				return err
			}
		}
	}
	return nil
}

// newLoader returns a loader writing in tx; close its statements when done.
func newLoader(ctx context.Context, db *DB, tx *sql.Tx, today hezuo.Date) *loader {
	return &loader{db: db, tx: tx, ctx: ctx, today: today,
		divisions: map[string]bool{}, orgs: map[string]int64{}, people: map[string]int64{},
		partyOrgs: map[string]int64{}, instructors: map[string]int64{}, stmts: map[string]*sql.Stmt{},
		county: map[countyKey]string{}}
}

// loader carries one Load's transaction, prepared statements and the keys
// resolved so far.
type loader struct {
	db    *DB
	tx    *sql.Tx
	ctx   context.Context
	today hezuo.Date

	divisions   map[string]bool
	orgs        map[string]int64 // org_no → id
	people      map[string]int64 // ID number → id (stored rows found by keyed hash)
	partyOrgs   map[string]int64 // no → id
	instructors map[string]int64 // keyed hash of the ID number → instructor id
	county      map[countyKey]string
	stmts       map[string]*sql.Stmt
	own         own // the steps of run's caller
}

func (l *loader) closeStmts() {
	for _, s := range l.stmts {
		s.Close()
	}
}

// stmt returns the transaction's prepared statement for q.
func (l *loader) stmt(q string) (*sql.Stmt, error) {
	if s, ok := l.stmts[q]; ok {
		return s, nil
	}
	s, err := l.tx.PrepareContext(l.ctx, l.db.rebind(q))
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", q, err)
	}
	l.stmts[q] = s
	return s, nil
}

func (l *loader) exec(q string, args ...any) error {
	s, err := l.stmt(q)
	if err != nil {
		return err
	}
	_, err = s.ExecContext(l.ctx, args...)
	return err
}

// returning runs an INSERT … RETURNING id.
func (l *loader) returning(q string, args ...any) (int64, error) {
	s, err := l.stmt(q)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.QueryRowContext(l.ctx, args...).Scan(&id)
	return id, err
}

// lookup resolves a natural key through cache, then the database.
func (l *loader) lookup(cache map[string]int64, q, key string) (int64, bool, error) {
	if id, ok := cache[key]; ok {
		return id, true, nil
	}
	s, err := l.stmt(q)
	if err != nil {
		return 0, false, err
	}
	var id int64
	switch err := s.QueryRowContext(l.ctx, key).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	cache[key] = id
	return id, true, nil
}

func unknown(record, field, whatZH, whatEN, key string) error {
	return hezuo.Invalid(record, field, fmt.Sprintf("未知的%s %q", whatZH, key), fmt.Sprintf("unknown %s %q", whatEN, key))
}

func (l *loader) division(code string) (bool, error) {
	if l.divisions[code] {
		return true, nil
	}
	s, err := l.stmt(`SELECT count(*) FROM divisions WHERE code = ?`)
	if err != nil {
		return false, err
	}
	var n int
	if err := s.QueryRowContext(l.ctx, code).Scan(&n); err != nil {
		return false, err
	}
	l.divisions[code] = n > 0
	return n > 0, nil
}

func (l *loader) village(record, field, code string) error {
	ok, err := l.division(code)
	if err != nil {
		return err
	}
	if !ok || hezuo.LevelOf(code) != hezuo.LevelVillage {
		return unknown(record, field, "村", "village", code)
	}
	return nil
}

// resolve is lookup for a reference in record's field: a key not found is
// an error naming what the key is (zh, en).
func (l *loader) resolve(cache map[string]int64, q, record, field, key, zh, en string) (int64, error) {
	id, ok, err := l.lookup(cache, q, key)
	if err == nil && !ok {
		err = unknown(record, field, zh, en, key)
	}
	return id, err
}

func (l *loader) orgID(record, field, no string) (int64, error) {
	return l.resolve(l.orgs, `SELECT id FROM orgs WHERE org_no = ?`, record, field, no, "组织编号", "org_id")
}

func (l *loader) personID(record, field, idNumber string) (int64, error) {
	key := strings.ToUpper(idNumber)
	if id, ok := l.people[key]; ok {
		return id, nil
	}
	// By the keyed hash; the cache stays keyed by the ID number.
	id, ok, err := l.lookup(map[string]int64{}, `SELECT id FROM people WHERE id_hash = ?`, l.db.idHash(key))
	if ok {
		l.people[key] = id
	}
	if err == nil && !ok {
		err = unknown(record, field, "身份证号", "ID number", hezuo.MaskIDNumber(idNumber))
	}
	return id, err
}

func (l *loader) partyOrgID(record, field, no string) (int64, error) {
	return l.resolve(l.partyOrgs, `SELECT id FROM party_orgs WHERE no = ?`, record, field, no, "党组织编号", "party organization")
}

// optOrgID is orgID for a reference that may be left empty: 0 for none.
func (l *loader) optOrgID(record, field, no string) (int64, error) {
	if no == "" {
		return 0, nil
	}
	return l.orgID(record, field, no)
}

// optPartyOrgID is partyOrgID for a reference that may be left empty: 0
// for none.
func (l *loader) optPartyOrgID(record, field, no string) (int64, error) {
	if no == "" {
		return 0, nil
	}
	return l.partyOrgID(record, field, no)
}

// nullID turns 0 into NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr turns "" into NULL.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}
