package sqldb

import (
	"context"
	"database/sql"
	"errors"
)

// Meta returns the value of a meta key ("" when unset).
func (db *DB) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := db.QueryRowContext(ctx, db.rebind(`SELECT value FROM meta WHERE key = ?`), key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta sets a meta key.
func (db *DB) SetMeta(ctx context.Context, key, value string) error {
	_, err := db.ExecContext(ctx, db.rebind(`INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`), key, value)
	return err
}

// Empty reports whether the database holds no registry records.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM divisions) + (SELECT count(*) FROM orgs) + (SELECT count(*) FROM people)`).Scan(&n)
	return n == 0, err
}
