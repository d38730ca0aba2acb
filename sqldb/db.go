// Package sqldb is hezuo's store on SQLite (modernc.org/sqlite, pure Go) and
// PostgreSQL (pgx). Both dialects share hand-written SQL with `?`
// placeholders; rebind turns them into $n for PostgreSQL. Schema migrations
// are embedded .sql files per dialect, each applied in one transaction and
// recorded in schema_migrations.
//
// # Writes
//
// Every write goes through write() (unit.go), one unit of work: the role
// check (the write's gate) before anything is read; then one transaction in
// which the write reads the record it replaces, decides the writer's scope
// on what it read (hezuo.Access.MayWriteAt, hezuo reach.go), writes, and
// records its audit entry with the record before and after; then, once, the
// summaries' refresh and the commit. A record the writer cannot see is
// answered as a missing one (notFound, hezuo.OutOfReach), one they see but
// do not keep with hezuo.NotYours: a refusal never reveals a record outside
// the writer's scope. No write method begins a transaction of its own; the
// only others are the schema's migrations (db.go), the summaries' own
// rebuild (summary.go) and the bulk load of a generated county (bulk.go).
//
// # The clock
//
// The store does not read the clock for its callers: the day and the time
// are parameters, read once per request or command by the caller (the web
// Server's Options.Now, cmd/hezuo once per command), so that a test can fix
// them.
//
//   - A write takes now time.Time, the moment of the write: its audit
//     entries are stamped with it, and its day, China's date of now (dayAt),
//     is the day the user's reach and "not after today" are judged on. The
//     writes that take today hezuo.Date beside now (loans, assistance,
//     meetings, trainings, imports) judge on that today.
//   - A read takes the day it shows (day) and, where the user's reach or a
//     mark depends on the present rather than on the day shown, the
//     caller's today as its last parameter; a list's zero Day is today.
//
// What still reads the clock here: durations and cache ages (the replica
// probe, the people-count cache), the time a migration was applied and a
// new key file was made. The summaries' extent (the day through which their
// periods are kept) is the day of the clock the database is opened with,
// OpenOptions.Now (the system clock when nil).
package sqldb

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"hezuo/seal"
	"hezuo/sqldb/internal/sqlx"
	"hezuo/sqldb/summaries"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

//go:embed migrations
var migrations embed.FS

// Dialects.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DB is an open hezuo database.
type DB struct {
	conn    *sql.DB // the pool; not embedded, so that the exported type is the doors (store.Store) and no raw *sql.DB API
	Dialect string
	DSN     string

	keys      *seal.Keyring // seals personal data (crypt.go)
	keyFile   string        // where keys came from or were created ("" for HEZUO_KEY)
	keyOpts   OpenOptions   // how Open finds or creates keys
	converted bool          // Open sealed plaintext rows of an older database
	stmts     *stmtCache    // prepared statements by text, SQLite (stmtcache.go)
	replica   *replica      // the read replica, PostgreSQL (cluster.go)

	sumsOnce sync.Once        // makes sumsOf on first use (summaries.go)
	sumsOf   *summaries.Store // the figures' summary tables
	counts   countCache       // the people lists' totals (people_count.go)
}

// IsPostgres reports whether dsn selects PostgreSQL: a postgres:// URL
// (one host or several, "postgres://a:5432,b:5432/hezuo?target_session_attrs=read-write")
// or a libpq keyword/value string ("host=a,b port=5432,5432 dbname=hezuo
// target_session_attrs=read-write").
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") || sqlx.IsKeyValueDSN(dsn)
}

// Open opens (creating when needed) the database named by dsn — a
// postgres:// URL or an SQLite file path — and runs pending migrations,
// with the keyring of OpenWith's zero options.
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, OpenOptions{})
}

// OpenWith is Open with options: the keyring that seals personal data and
// where to find or create it (crypt_keys.go). It refuses a database holding
// sealed data when the key is missing or does not match.
func OpenWith(ctx context.Context, dsn string, o OpenOptions) (*DB, error) {
	db := &DB{DSN: dsn}
	var err error
	if IsPostgres(dsn) {
		db.Dialect = Postgres
		db.conn, err = sql.Open("pgx", dsn)
	} else {
		db.Dialect = SQLite
		if dir := filepath.Dir(dsn); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
		}
		q := url.Values{}
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
		db.conn, err = sql.Open("sqlite", "file:"+dsn+"?"+q.Encode())
	}
	if err != nil {
		return nil, err
	}
	// Keep connections open under concurrent load (the default keeps 2 idle:
	// a busy server would open and close SQLite connections, parsing the
	// schema each time) and bound them (issue 7).
	db.conn.SetMaxOpenConns(4 * runtime.NumCPU())
	db.conn.SetMaxIdleConns(4 * runtime.NumCPU())
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("打开数据库 %s 失败 / cannot open database: %w", sqlx.RedactDSN(dsn), err)
	}
	db.keyOpts = o
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.setupKeys(ctx, o); err != nil {
		db.Close()
		return nil, err
	}
	if db.Dialect == SQLite {
		db.stmts = &stmtCache{m: map[string]*sql.Stmt{}}
	}
	return db, nil
}

// rebind rewrites ? placeholders to $1, $2… for PostgreSQL.
func (db *DB) rebind(q string) string { return sqlx.Rebind(db.Dialect == Postgres, q) }

// query runs a read query with ? placeholders.
func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return db.QueryContext(ctx, db.rebind(q), args...)
}

// Migration is one embedded schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations of the dialect, in order.
func Migrations(dialect string) ([]Migration, error) {
	dir := "migrations/" + dialect
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("bad migration file name %s", name)
		}
		b, err := migrations.ReadFile(dir + "/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Migrate applies every pending migration, each in its own transaction, and
// records it; it is idempotent.
func (db *DB) Migrate(ctx context.Context) error {
	if standby, err := db.onStandby(ctx); err != nil {
		return err
	} else if standby {
		return db.standbyCurrent(ctx)
	}
	ms, err := db.migrationsTable(ctx)
	if err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	for _, m := range ms {
		if applied[m.Version] {
			continue
		}
		if err := db.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return db.seedSettings(ctx)
}

func (db *DB) applyMigration(ctx context.Context, m Migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if db.Dialect == Postgres {
		// Serialise concurrent migrators on one server.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(84125)`); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if err := db.afterMigration(ctx, tx, m.Version); err != nil { // its Go step, if any (crypt_convert.go)
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest applied migration version.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// RedactDSN returns dsn with its password hidden, for messages (the
// restore command names its target).
func RedactDSN(dsn string) string { return sqlx.RedactDSN(dsn) }
