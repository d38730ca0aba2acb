// Package sqlx holds the small SQL helpers shared by the store (package
// sqldb) and its summaries (sqldb/summaries): the interfaces a query runs
// on, the `?` placeholders rewritten for PostgreSQL, row loops, IN lists in
// chunks and COPY, and what the cluster support reads of DSNs, errors,
// statements and WAL positions (conn.go). It knows no table of the schema.
package sqlx

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
)

// Querier is the read side shared by *sql.DB, *sql.Tx and *sql.Conn.
type Querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// ExecQuerier is what a write runs on: *sql.DB, *sql.Tx or *sql.Conn.
type ExecQuerier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, q string) (*sql.Stmt, error)
}

// RowScanner is the part of *sql.Rows a row callback uses.
type RowScanner interface{ Scan(...any) error }

// Rebind rewrites the ? placeholders of q to $1, $2… when postgres is
// set; SQLite takes q as written.
func Rebind(postgres bool, q string) string {
	if !postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// ForRows calls fn for every row of a query's result (rows, err), then
// closes it: the one loop of every each* helper.
func ForRows(rows *sql.Rows, err error, fn func(RowScanner) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Keyed returns a row function that reads each row as a key and a value
// (two columns) and hands them to fn: an id and a count, an id and a
// village.
func Keyed[K, V any](fn func(K, V)) func(RowScanner) error {
	return func(r RowScanner) error {
		var k K
		var v V
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		fn(k, v)
		return nil
	}
}

// EachRow runs q (already rebound) on x and calls fn for each row.
func EachRow(ctx context.Context, x Querier, q string, args []any, fn func(RowScanner) error) error {
	rows, err := x.QueryContext(ctx, q, args...)
	return ForRows(rows, err, fn)
}

// InList returns "?, ?, …" for n values.
func InList(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// IDArgs converts ids to query arguments.
func IDArgs(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// Chunk is how many ids one IN list of Chunked and ChunkedExec holds:
// within every driver's limit of parameters.
const Chunk = 500

// Chunked runs q, whose every %s is replaced by an IN list, over ids in
// chunks on x, calling fn for every row.
func Chunked(ctx context.Context, x Querier, postgres bool, q string, ids []int64, fn func(RowScanner) error) error {
	for len(ids) > 0 {
		n := min(Chunk, len(ids))
		args := repeatArgs(IDArgs(ids[:n]), strings.Count(q, "%s"))
		if err := EachRow(ctx, x, Rebind(postgres, strings.ReplaceAll(q, "%s", InList(n))), args, fn); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// ChunkedExec runs a statement whose %s is an IN list over ids in chunks.
func ChunkedExec(ctx context.Context, x ExecQuerier, postgres bool, q string, ids []int64) error {
	for len(ids) > 0 {
		n := min(Chunk, len(ids))
		if _, err := x.ExecContext(ctx, Rebind(postgres, strings.Replace(q, "%s", InList(n), 1)), IDArgs(ids[:n])...); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

func repeatArgs(args []any, times int) []any {
	out := make([]any, 0, len(args)*times)
	for i := 0; i < times; i++ {
		out = append(out, args...)
	}
	return out
}

// SortedKeys returns a map's int64 keys in order.
func SortedKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
