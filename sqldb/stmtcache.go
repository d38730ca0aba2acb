package sqldb

import (
	"context"
	"database/sql"
	"sync"

	"hezuo/sqldb/internal/sqlx"
)

// stmtCache keeps prepared statements by SQL text for the reads and writes
// made outside a transaction on SQLite. modernc's SQLite parses a query's
// text at every execution unless it is prepared: a fifth of the CPU of the
// dashboard and list pages under load went to the parser. PostgreSQL's
// driver (pgx) caches its statements per connection itself.
type stmtCache struct {
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// stmtCacheMax bounds the statements kept (texts vary with IN-list lengths):
// beyond it a query runs unprepared, as it would without the cache.
const stmtCacheMax = 256

// prepared returns the statement of q, preparing and keeping it on first
// use; nil when q is not to be cached or fails to prepare (the caller then
// runs q directly, which reports the error).
func (db *DB) prepared(ctx context.Context, q string) *sql.Stmt {
	c := db.stmts
	if c == nil {
		return nil
	}
	c.mu.RLock()
	s, ok := c.m[q]
	full := len(c.m) >= stmtCacheMax
	c.mu.RUnlock()
	if ok || full {
		return s
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[q]; ok {
		return s
	}
	if c.m == nil {
		return nil // closed
	}
	s, err := db.conn.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.m[q] = s
	return s
}

// QueryContext is sql.DB's, through the statement cache, or on the read
// replica when ctx allows (cluster.go), falling back to the primary when
// the replica fails.
func (db *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if r := db.reader(ctx, q); r != nil {
		rows, err := r.db.QueryContext(ctx, q, args...)
		if err == nil || !sqlx.ConnLost(err) {
			return rows, err
		}
	}
	if s := db.prepared(ctx, q); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return db.conn.QueryContext(ctx, q, args...)
}

// QueryRowContext is sql.DB's, through the statement cache, or on the
// read replica as QueryContext.
func (db *DB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if r := db.reader(ctx, q); r != nil {
		row := r.db.QueryRowContext(ctx, q, args...)
		if err := row.Err(); err == nil || !sqlx.ConnLost(err) {
			return row
		}
	}
	if s := db.prepared(ctx, q); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return db.conn.QueryRowContext(ctx, q, args...)
}

// ExecContext is sql.DB's, through the statement cache.
func (db *DB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if s := db.prepared(ctx, q); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return db.conn.ExecContext(ctx, q, args...)
}

// Close closes the cached statements and the database.
func (db *DB) Close() error {
	if r := db.replica; r != nil {
		db.replica = nil
		r.close()
	}
	if c := db.stmts; c != nil {
		c.mu.Lock()
		for _, s := range c.m {
			s.Close()
		}
		c.m = nil
		c.mu.Unlock()
	}
	return db.conn.Close()
}

// BeginTx starts a transaction on the primary.
func (db *DB) BeginTx(ctx context.Context, o *sql.TxOptions) (*sql.Tx, error) {
	return db.conn.BeginTx(ctx, o)
}

// Conn returns one connection of the pool, for work that must stay on it
// (SQLite's bulk load, PostgreSQL's COPY).
func (db *DB) Conn(ctx context.Context) (*sql.Conn, error) { return db.conn.Conn(ctx) }

// PingContext checks that the database answers.
func (db *DB) PingContext(ctx context.Context) error { return db.conn.PingContext(ctx) }

// PrepareContext prepares q on the primary (execQuerier: code that runs on
// a transaction or on the pool alike).
func (db *DB) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return db.conn.PrepareContext(ctx, q)
}
