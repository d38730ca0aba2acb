package sqldb

import (
	"context"
	"fmt"
)

// MigrationsCurrent returns the database's schema version and the latest
// embedded one; an error when the database does not answer.
func (db *DB) MigrationsCurrent(ctx context.Context) (have, want int, err error) {
	if err := db.PingContext(ctx); err != nil {
		return 0, 0, err
	}
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return 0, 0, err
	}
	have, err = db.SchemaVersion(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("schema version: %w", err)
	}
	return have, ms[len(ms)-1].Version, nil
}

// migrateTo applies the pending migrations up to and including version k
// only: the upgrade tests build a database as an older hezuo left it.
func (db *DB) migrateTo(ctx context.Context, k int) error {
	ms, err := db.migrationsTable(ctx)
	if err != nil {
		return err
	}
	have, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Version > have && m.Version <= k {
			if err := db.applyMigration(ctx, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrationsTable creates the table of applied migrations when missing and
// returns the migrations this program knows for the database's dialect.
func (db *DB) migrationsTable(ctx context.Context) ([]Migration, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return Migrations(db.Dialect)
}
