package sqldb

import (
	"context"
	"database/sql"

	"hezuo/sqldb/internal/sqlx"
)

// The store's names of the helpers it shares with its summaries
// (sqldb/internal/sqlx).

// execQuerier is what a write runs on: *sql.DB, *sql.Tx or *sql.Conn.
type execQuerier = sqlx.ExecQuerier

// rowScanner is the part of *sql.Rows a row callback uses.
type rowScanner = sqlx.RowScanner

// forRows calls fn for every row of a query's result (rows, err), then
// closes it: the one loop of every each* helper.
func forRows(rows *sql.Rows, err error, fn func(rowScanner) error) error {
	return sqlx.ForRows(rows, err, fn)
}

// eachRowOn is eachRow on x (the database or a transaction).
func (db *DB) eachRowOn(ctx context.Context, x querier, q string, args []any, fn func(rowScanner) error) error {
	return sqlx.EachRow(ctx, x, db.rebind(q), args, fn)
}

// inList returns "?, ?, …" for n values.
func inList(n int) string { return sqlx.InList(n) }

// idArgs converts ids to query arguments.
func idArgs(ids []int64) []any { return sqlx.IDArgs(ids) }

// collect returns a row function that scans each row into a new T, by
// scan, and appends it to *dst (the row scanned so far even on an error,
// which the caller returns anyway).
func collect[T any](dst *[]T, scan func(r rowScanner, v *T) error) func(rowScanner) error {
	return func(r rowScanner) error {
		var v T
		err := scan(r, &v)
		*dst = append(*dst, v)
		return err
	}
}

// column returns a row function that appends each row's one column to
// *dst.
func column[T any](dst *[]T) func(rowScanner) error {
	return collect(dst, func(r rowScanner, v *T) error { return r.Scan(v) })
}

// countWhere counts the rows of from (FROM, tables and joins) that meet w.
func (db *DB) countWhere(ctx context.Context, from string, w *where) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) `+from+` WHERE `+w.String()), w.args...).Scan(&n)
	return n, err
}
