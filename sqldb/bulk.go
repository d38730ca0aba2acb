package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"hezuo"
)

// bulkTables lists the tables a bulk load writes, in foreign-key order, with
// their columns.
var bulkTables = []struct {
	name string
	cols []string
}{
	{"divisions", []string{"code", "name", "level", "county"}},
	{"departments", []string{"id", "county", "code", "name"}},
	{"department_industries", []string{"county", "industry", "department_id"}},
	{"orgs", []string{"id", "county", "org_no", "name", "kind", "registered_on", "credit_code", "village", "industry", "households_driven", "model", "founded"}},
	{"org_villages", []string{"org_id", "village", "county"}},
	{"people", []string{"id", "county", "id_hash", "id_sealed", "name", "sex", "birth_date", "village", "phone_sealed", "talent_since"}},
	{"memberships", []string{"county", "person_id", "org_id", "valid_from", "valid_to"}},
	{"party_status", []string{"county", "person_id", "status", "valid_from", "valid_to"}},
	{"party_orgs", []string{"id", "county", "no", "name", "form", "joint_kind", "seat", "term_years", "elected_on", "valid_from", "valid_to"}},
	{"party_org_elections", []string{"party_org_id", "county", "elected_on", "note"}},
	{"party_org_orgs", []string{"party_org_id", "org_id", "county", "valid_from", "valid_to"}},
	{"party_org_villages", []string{"party_org_id", "village", "county"}},
	{"instructors", []string{"id", "county", "person_id", "township"}},
	{"dispatches", []string{"county", "instructor_id", "org_id", "valid_from", "valid_to"}},
}

// Bulk writes generated records fast, trusting the generator: multi-row
// INSERTs in one transaction on SQLite, COPY in one transaction on
// PostgreSQL. It is a demo.GenSink. Call Close to commit.
type Bulk struct {
	db      *DB
	ctx     context.Context
	buf     map[string][][]any
	pending int
	deptID  int64
	flush   func(table string, cols []string, rows [][]any) error
	exec    func(sql string) error // a statement in the load's transaction
	restore []string               // re-creates what was dropped for the load (pgDeferIndexes)
	commit  func() error
	abort   func()
}

const bulkBatch = 20000

// NewBulk starts a bulk load into an empty database.
// bulkCacheKiB is the SQLite page cache of a bulk load's connection.
const bulkCacheKiB = 512 << 10

func (db *DB) NewBulk(ctx context.Context) (*Bulk, error) {
	empty, err := db.Empty(ctx)
	if err != nil {
		return nil, err
	}
	if !empty {
		return nil, hezuo.Errorf(hezuo.ECONFLICT, "数据库已有数据，生成数据只能写入空数据库", "the database holds data: generated data goes into an empty database only")
	}
	b := &Bulk{db: db, ctx: ctx, buf: map[string][][]any{}}
	if db.Dialect == Postgres {
		conn, err := pgx.Connect(ctx, db.DSN)
		if err != nil {
			return nil, err
		}
		tx, err := conn.Begin(ctx)
		if err != nil {
			conn.Close(ctx)
			return nil, err
		}
		b.flush = func(table string, cols []string, rows [][]any) error {
			_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
			return err
		}
		b.exec = func(q string) error {
			_, err := tx.Exec(ctx, q)
			return err
		}
		b.commit = func() error {
			defer conn.Close(ctx)
			if err := tx.Commit(ctx); err != nil {
				return err
			}
			for _, t := range []string{"departments", "orgs", "people", "party_orgs", "instructors"} {
				if _, err := conn.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))`, t, t)); err != nil {
					return err
				}
			}
			_, err := conn.Exec(ctx, "ANALYZE")
			return err
		}
		b.abort = func() { tx.Rollback(ctx); conn.Close(ctx) }
		if err := b.dropTriggers(); err != nil {
			return nil, err
		}
		// The indexes are built once at the end (Close), with memory for
		// the sorts of a nation's tables.
		if _, err := tx.Exec(ctx, `SET LOCAL maintenance_work_mem = '1GB'`); err != nil {
			b.abort()
			return nil, err
		}
		if b.restore, err = pgDeferIndexes(ctx, tx); err != nil {
			b.abort()
			return nil, err
		}
		return b, nil
	}
	// One connection with a large page cache for the load: the unique index
	// on the people's keyed hashes is written in random order, and with
	// SQLite's default 2 MB cache every row read and wrote its pages back
	// through the operating system (a third of a province's load was system
	// time). The default is restored when the load ends.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
		conn.Close()
		return nil, err
	}
	release := func() {
		conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -2000")
		conn.Close()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		release()
		return nil, err
	}
	b.flush = func(table string, cols []string, rows [][]any) error {
		const per = 200 // rows per INSERT statement
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
		for len(rows) > 0 {
			n := min(per, len(rows))
			q := "INSERT INTO " + table + " (" + strings.Join(cols, ",") + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+",", n), ",")
			args := make([]any, 0, n*len(cols))
			for _, r := range rows[:n] {
				args = append(args, r...)
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("bulk %s: %w", table, err)
			}
			rows = rows[n:]
		}
		return nil
	}
	b.commit = func() error {
		err := tx.Commit()
		release()
		if err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, "ANALYZE")
		return err
	}
	b.exec = func(q string) error {
		_, err := tx.ExecContext(ctx, q)
		return err
	}
	b.abort = func() { tx.Rollback(); release() }
	return b, b.dropTriggers()
}

// dropTriggers drops the triggers marking dirty summaries for the load (a
// row trigger would cost as much as the row); Close re-creates them. On
// error the load is rolled back.
func (b *Bulk) dropTriggers() error {
	stmts, err := dropSummaryTriggers(b.db.Dialect)
	for _, q := range stmts {
		if err == nil {
			err = b.exec(q)
		}
	}
	if err != nil {
		b.abort()
	}
	return err
}

// Close flushes what is buffered, re-creates the summary triggers and
// commits; then it builds the summaries of everything loaded, township by
// township (RebuildSummaries). After an error, Abort.
func (b *Bulk) Close() error {
	trig, err := summaryTriggerSQL(b.db.Dialect)
	if err == nil {
		err = b.flushAll()
	}
	for _, q := range b.restore {
		if err == nil {
			err = b.exec(q)
		}
	}
	if err == nil {
		err = b.exec(trig)
	}
	if err == nil {
		// Until the summaries are built they are out of date as a whole.
		err = b.exec(`INSERT INTO summary_dirty (kind, id) VALUES ('all', 0)`)
	}
	if err != nil {
		b.abort()
		return err
	}
	if err := b.commit(); err != nil {
		return err
	}
	return b.db.RebuildSummaries(b.ctx)
}

// Abort rolls the load back.
func (b *Bulk) Abort() { b.abort() }

func (b *Bulk) add(table string, row ...any) error {
	b.buf[table] = append(b.buf[table], row)
	b.pending++
	if b.pending >= bulkBatch {
		return b.flushAll()
	}
	return nil
}

// flushAll writes every buffer in foreign-key order.
func (b *Bulk) flushAll() error {
	for _, t := range bulkTables {
		if rows := b.buf[t.name]; len(rows) > 0 {
			if err := b.flush(t.name, t.cols, rows); err != nil {
				return err
			}
			b.buf[t.name] = rows[:0]
		}
	}
	b.pending = 0
	return nil
}

// date converts a Date for the dialect: text on SQLite, time on PostgreSQL
// (COPY needs typed values), NULL when zero.
func (b *Bulk) date(d hezuo.Date) any {
	if d.IsZero() {
		return nil
	}
	if b.db.Dialect == Postgres {
		return d.Time()
	}
	return d.String()
}
