package sqldb

import (
	"strings"

	"hezuo/sqldb/internal/sqlx"
)

// insertNew inserts rows known to be new (l.plain) into table's columns
// (of the given SQL types): on SQLite by multi-row INSERT OR ROLLBACK, on
// PostgreSQL by COPY on the transaction's session — no statement text or
// array to parse, the cheapest way in. A row that exists after all breaks a
// unique key and fails the transaction (Import then tries again with
// upserts).
func (l *importer) insertNew(table string, cols, types []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if l.db.Dialect == SQLite {
		return l.insertMany(l.insertHead(table)+" ("+strings.Join(cols, ", ")+")", "", types, rows, nil)
	}
	return sqlx.CopyOn(l.ctx, l.conn, table, cols, rows)
}

// newIDs returns n fresh ids for table's rows: on PostgreSQL from its
// identity sequence, on SQLite those after the largest, which the table
// gives rows inserted without an id (the import's write transaction is
// immediate: no other writer inserts meanwhile; insertPeople checks).
func (l *importer) newIDs(table string, n int) ([]int64, error) {
	out := make([]int64, 0, n)
	if l.db.Dialect == SQLite {
		var max int64
		if err := l.tx.QueryRowContext(l.ctx, `SELECT coalesce(max(id), 0) FROM `+table).Scan(&max); err != nil {
			return nil, err
		}
		for i := range n {
			out = append(out, max+1+int64(i))
		}
		return out, nil
	}
	err := l.db.eachRowOn(l.ctx, l.tx, `SELECT nextval(pg_get_serial_sequence('`+table+`', 'id')) FROM generate_series(1, ?)`,
		[]any{n}, func(r rowScanner) error {
			var id int64
			err := r.Scan(&id)
			out = append(out, id)
			return err
		})
	return out, err
}
