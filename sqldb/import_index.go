package sqldb

import (
	"database/sql"
	"strings"
)

// unindexedRows is the fewest rows an insert needs before it is worth doing
// without its table's secondary indexes (importer.unindexed).
const unindexedRows = 1000

// unindexed runs insert, which adds n rows to table, with the table's
// secondary indexes dropped when the rows are many for the table: at least
// unindexedRows and at least a quarter of the rows it holds (its largest
// id, an upper bound of its row count read with one index seek). The
// indexes are then created again from their own DDL (sqlite_master), in one
// sorted pass each instead of n scattered inserts (memberships_org,
// people_name and people_village are random-order inserts: a membership
// insert spends half its time there). SQLite only, and all inside the
// import's transaction: its DDL is transactional, so a failure, a rollback
// or a crash leaves the indexes as they were, and other connections see
// the old indexes until the commit (WAL).
//
// Unique indexes are never dropped (nor can the automatic ones of UNIQUE
// constraints be): a conflicting row still fails the insert itself, with
// the error and the retry with upserts of today (Import).
func (l *importer) unindexed(table string, n int, insert func() error) error {
	if l.db.Dialect != SQLite || n < unindexedRows {
		return insert()
	}
	var top sql.NullInt64
	if err := l.tx.QueryRowContext(l.ctx, `SELECT max(rowid) FROM `+table).Scan(&top); err != nil {
		return err
	}
	if int64(n)*4 < top.Int64 {
		return insert()
	}
	names, creates, err := l.secondaryIndexes(table)
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := l.tx.ExecContext(l.ctx, `DROP INDEX `+quoteIdent(name)); err != nil {
			return err
		}
	}
	if err := insert(); err != nil {
		return err
	}
	for _, create := range creates {
		if _, err := l.tx.ExecContext(l.ctx, create); err != nil {
			return err
		}
	}
	return nil
}

// secondaryIndexes returns the names and DDL of table's explicitly created
// (sql not NULL), non-unique indexes.
func (l *importer) secondaryIndexes(table string) (names, creates []string, err error) {
	rows, err := l.tx.QueryContext(l.ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`, table)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			return nil, nil, err
		}
		if isUniqueIndexDDL(create) {
			continue
		}
		names, creates = append(names, name), append(creates, create)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if len(names) == 0 {
		return nil, nil, nil
	}
	return names, creates, nil
}

// isUniqueIndexDDL reports whether create (an index's sql in sqlite_master)
// makes a unique index.
func isUniqueIndexDDL(create string) bool {
	f := strings.Fields(strings.ToUpper(create))
	return len(f) >= 2 && f[0] == "CREATE" && f[1] == "UNIQUE"
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
