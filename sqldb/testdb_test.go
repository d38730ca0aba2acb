package sqldb

import (
	"context"
	"testing"

	"hezuo/sqldb/dbtest"
)

// forEachDB runs fn against a fresh SQLite database and, when
// HEZUO_TEST_POSTGRES names a server, a fresh PostgreSQL database.
func forEachDB(t *testing.T, fn func(t *testing.T, db *DB)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db, err := Open(context.Background(), d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			fn(t, db)
		})
	}
}
