package sqlx

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"hezuo"
)

// CopyOn writes rows into table's columns by COPY on conn's PostgreSQL
// session (inside the transaction begun there); dates go as time values
// (rows are changed in place).
func CopyOn(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	for _, r := range rows {
		for i, v := range r {
			if d, ok := v.(hezuo.Date); ok {
				if d.IsZero() {
					r[i] = nil
				} else {
					r[i] = d.Time()
				}
			}
		}
	}
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("not a pgx connection: %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}
