package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"hezuo"
)

// sealMigration is the migration whose Go step seals an older database.
const sealMigration = 5

// afterMigration runs the Go step of migration version inside its
// transaction. After 0005 (people's columns renamed, still plaintext) it
// finds or creates the keyring, seals every person's ID number and phone,
// replaces instructor users' subjects by keyed hashes, masks the audit
// entries and records the key check: all in the migration's transaction.
func (db *DB) afterMigration(ctx context.Context, tx *sql.Tx, version int) error {
	if version != sealMigration {
		return nil
	}
	src, err := findKeys(db.DSN, db.keyOpts)
	if err != nil {
		return err
	}
	if src.Keys == nil {
		if src.Keys, err = createKeyFile(src.File, db.keyOpts.Cipher, time.Now()); err != nil {
			return err
		}
	}
	db.keys, db.keyFile = src.Keys, src.File
	n, err := db.convertPlaintext(ctx, tx)
	if err != nil {
		return err
	}
	db.converted = n > 0
	return db.storeKeyCheck(ctx, tx, db.keys)
}

// convertPlaintext seals the people rows, hashes instructor users'
// subjects and masks the audit entries an older database held in
// plaintext, in tx; it returns the number of people sealed.
func (db *DB) convertPlaintext(ctx context.Context, tx *sql.Tx) (int, error) {
	type row struct {
		id          int64
		idNo, phone string
	}
	var rows []row
	err := eachTx(ctx, tx, `SELECT id, id_hash, phone_sealed FROM people`, nil, collect(&rows, func(r rowScanner, x *row) error {
		return r.Scan(&x.id, &x.idNo, &x.phone)
	}))
	if err != nil {
		return 0, fmt.Errorf("seal people: %w", err)
	}
	sealed := make([]sealedPerson, len(rows))
	for i, x := range rows {
		sealed[i] = sealedPerson{x.id, db.idHash(x.idNo), db.seal(x.idNo), db.seal(x.phone)}
	}
	if err := db.updateSealed(ctx, tx, sealed); err != nil {
		return 0, fmt.Errorf("seal people: %w", err)
	}
	if err := db.rehashUsers(ctx, tx, db.idHash); err != nil {
		return 0, err
	}
	return len(rows), db.maskAuditLog(ctx, tx)
}

// rehashUsers replaces the subjects of instructor users (references to
// people.id_hash) by next(subject).
func (db *DB) rehashUsers(ctx context.Context, tx *sql.Tx, next func(string) string) error {
	type user struct {
		id      int64
		subject string
	}
	var us []user
	err := eachTx(ctx, tx, db.rebind(`SELECT id, subject FROM users WHERE role = ? AND subject <> ''`), []any{hezuo.RoleInstructor}, collect(&us, func(r rowScanner, u *user) error {
		return r.Scan(&u.id, &u.subject)
	}))
	if err != nil {
		return fmt.Errorf("instructor users: %w", err)
	}
	for _, u := range us {
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE users SET subject = ? WHERE id = ?`), next(u.subject), u.id); err != nil {
			return err
		}
	}
	return nil
}

// maskAuditLog masks the ID numbers and phones older audit entries hold. A
// database whose audit log is already append-only (migration 7 applied
// before this one) keeps its entries as they are.
func (db *DB) maskAuditLog(ctx context.Context, tx *sql.Tx) error {
	var guarded int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = 7`).Scan(&guarded); err != nil || guarded > 0 {
		return err
	}
	type entry struct {
		id                    int64
		key, old, value, note string
	}
	var es []entry
	err := eachTx(ctx, tx, `SELECT id, entity_key, old_value, new_value, note FROM audit_log`, nil, func(r rowScanner) error {
		var e entry
		var old, value sql.NullString
		err := r.Scan(&e.id, &e.key, &old, &value, &e.note)
		e.old, e.value = old.String, value.String
		if m := (entry{e.id, hezuo.MaskPersonal(e.key), hezuo.MaskPersonal(e.old), hezuo.MaskPersonal(e.value), hezuo.MaskPersonal(e.note)}); m != e {
			es = append(es, m)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("mask audit log: %w", err)
	}
	for _, e := range es {
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE audit_log SET entity_key = ?, old_value = ?, new_value = ?, note = ? WHERE id = ?`),
			e.key, e.old, e.value, e.note, e.id); err != nil {
			return err
		}
	}
	return nil
}

// purgeFreePages rewrites an SQLite file (VACUUM, then a WAL checkpoint)
// so that replaced plaintext or old ciphertext does not linger in free
// pages; PostgreSQL's VACUUM reclaims dead rows on its own schedule.
func (db *DB) purgeFreePages(ctx context.Context) error {
	if db.Dialect != SQLite {
		return nil
	}
	if _, err := db.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	_, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// eachTx runs a query in tx and calls fn for each row.
func eachTx(ctx context.Context, tx *sql.Tx, q string, args []any, fn func(rowScanner) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	return forRows(rows, err, fn)
}

// sealedPerson is one person's new sealed columns.
type sealedPerson struct {
	id                    int64
	hash, idSealed, phone string
}

// sealBatch is the number of people updateSealed writes per statement.
const sealBatch = 500

// updateSealed writes people's id_hash, id_sealed and phone_sealed by id,
// sealBatch rows per UPDATE … FROM (VALUES …): one round trip each on
// PostgreSQL rather than one per person.
func (db *DB) updateSealed(ctx context.Context, tx *sql.Tx, rows []sealedPerson) error {
	for len(rows) > 0 {
		n := min(len(rows), sealBatch)
		var b strings.Builder
		args := make([]any, 0, 4*n)
		b.WriteString(`UPDATE people SET id_hash = v.column2, id_sealed = v.column3, phone_sealed = v.column4 FROM (VALUES `)
		for i, r := range rows[:n] {
			switch {
			case i > 0:
				b.WriteString(", (?, ?, ?, ?)")
			case db.Dialect == Postgres:
				b.WriteString("(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT))")
			default:
				b.WriteString("(?, ?, ?, ?)")
			}
			args = append(args, r.id, r.hash, r.idSealed, r.phone)
		}
		b.WriteString(`) AS v WHERE people.id = v.column1`)
		if _, err := tx.ExecContext(ctx, db.rebind(b.String()), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
