package sqldb

import (
	"sync/atomic"

	"hezuo/sqldb/internal/sqlx"
)

// On PostgreSQL a plain import's new memberships and party status steps go
// in by COPY with the session's triggers off (session_replication_role =
// replica): a foreign key is a row trigger, a query per key per row (two
// for each of a roster's 100,000 memberships), which costs more than the
// row itself. What the triggers did is done once per COPY instead:
//   - each foreign key is checked by one SELECT … FOR KEY SHARE over the
//     distinct ids the rows refer to (the lock the key's trigger takes, so
//     that no other writer deletes a referenced record before the commit);
//     people this import created are left out, as no other transaction
//     sees them. Should one id be missing the rows go in the ordinary way,
//     whose trigger reports it as before;
//   - the records the summary trigger (migration 0015) would mark are
//     marked, with the same kind and ids.
//
// Setting session_replication_role needs a superuser or GRANT SET ON
// PARAMETER session_replication_role (PostgreSQL 15); without it the rows
// go in the ordinary way (COPY with the triggers on). The setting is local
// to the transaction and put back after the COPY.

// replicaRows is the fewest rows worth a COPY with the triggers off.
const replicaRows = 1000

// untriggeredCopies counts the COPYs made with the triggers off (for the
// tests: which path an import took).
var untriggeredCopies atomic.Int64

// foreignKey is a column of the rows copied (its index) that refers to the
// ids of a table; fresh: ids this import created, left out of the check.
type foreignKey struct {
	col   int
	table string
	fresh map[int64]bool
}

// dirtyMark is what the table's summary trigger marks for each row: kind
// and the id in column col.
type dirtyMark struct {
	kind string
	col  int
}

// copyUntriggered copies rows, new records (l.plain), into table's cols
// with the triggers off (see above), and reports whether it did; false
// with no error: the caller inserts them the ordinary way.
func (l *importer) copyUntriggered(table string, cols []string, rows [][]any, keys []foreignKey, mark dirtyMark) (bool, error) {
	if l.db.Dialect != Postgres || !l.plain || len(rows) < replicaRows || l.noReplica {
		return false, nil
	}
	var role string
	if err := l.tx.QueryRowContext(l.ctx, `SELECT current_setting('session_replication_role')`).Scan(&role); err != nil {
		return false, err
	}
	// In a savepoint: a refusal must not fail the import's transaction.
	if _, err := l.tx.ExecContext(l.ctx, `SAVEPOINT replica`); err != nil {
		return false, err
	}
	if _, err := l.tx.ExecContext(l.ctx, `SELECT set_config('session_replication_role', 'replica', true)`); err != nil {
		l.noReplica = true
		if _, err := l.tx.ExecContext(l.ctx, `ROLLBACK TO SAVEPOINT replica`); err != nil {
			return false, err
		}
		_, err := l.tx.ExecContext(l.ctx, `RELEASE SAVEPOINT replica`)
		return false, err
	}
	if _, err := l.tx.ExecContext(l.ctx, `RELEASE SAVEPOINT replica`); err != nil {
		return false, err
	}
	restore := func() error {
		_, err := l.tx.ExecContext(l.ctx, `SELECT set_config('session_replication_role', $1, true)`, role)
		return err
	}
	for _, k := range keys {
		if ok, err := l.keysExist(k, rows); err != nil || !ok {
			if err == nil {
				err = restore()
			}
			return false, err
		}
	}
	marks := distinctIDs(rows, mark.col, nil)
	if err := sqlx.CopyOn(l.ctx, l.conn, table, cols, rows); err != nil {
		return false, err
	}
	if err := restore(); err != nil {
		return false, err
	}
	untriggeredCopies.Add(1)
	_, err := l.tx.ExecContext(l.ctx, `INSERT INTO summary_dirty (kind, id) SELECT $1::text, id FROM unnest($2::bigint[]) AS u(id)
		ON CONFLICT DO NOTHING`, mark.kind, marks)
	return err == nil, err
}

// keysExist reports whether every id the rows' column k.col refers to
// (but those of k.fresh, and NULLs) is in k.table, and locks them as the
// key's trigger would.
func (l *importer) keysExist(k foreignKey, rows [][]any) (bool, error) {
	ids := distinctIDs(rows, k.col, k.fresh)
	if len(ids) == 0 {
		return true, nil
	}
	n := 0
	err := l.db.eachRowOn(l.ctx, l.tx, `SELECT id FROM `+k.table+` WHERE id = ANY(?::bigint[]) FOR KEY SHARE`, []any{ids},
		func(r rowScanner) error {
			var id int64
			n++
			return r.Scan(&id)
		})
	return n == len(ids), err
}

// distinctIDs returns the distinct ids of the rows' column col (int64 or
// nil), leaving out those of skip.
func distinctIDs(rows [][]any, col int, skip map[int64]bool) []int64 {
	seen := make(map[int64]bool, 256)
	var out []int64
	for _, r := range rows {
		id, ok := r[col].(int64)
		if !ok || seen[id] || skip[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}
