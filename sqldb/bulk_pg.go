package sqldb

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// pgDeferIndexes drops, inside a PostgreSQL bulk load's transaction, the
// foreign keys from or to the tables the load writes and their unique
// constraints and secondary indexes (primary keys stay), and returns the
// statements that create them again, to run after the last COPY. Building
// an index once over sorted data is much cheaper than keeping it up to date
// row by row: a nation's people carry a unique index on a keyed hash, whose
// random order touches a random page of an index larger than the buffer
// cache at every row. The restore statements check every row as the
// constraints would have (PostgreSQL's "Populating a Database" advice).
func pgDeferIndexes(ctx context.Context, tx pgx.Tx) ([]string, error) {
	tables := make([]string, len(bulkTables))
	for i, t := range bulkTables {
		tables[i] = t.name
	}
	// Drop order: foreign keys, then the unique constraints they may rest
	// on, then plain indexes; restore in the reverse order.
	rows, err := tx.Query(ctx, `
		SELECT 1, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
			format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = current_schema() AND c.contype = 'f'
			AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))
		UNION ALL
		SELECT 2, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
			format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = current_schema() AND c.contype IN ('u', 'x') AND c.conrelid::regclass::text = ANY($1)
		UNION ALL
		SELECT 3, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
		FROM pg_index i
		WHERE i.indrelid::regclass::text = ANY($1) AND NOT i.indisprimary
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY 1, 2`, tables)
	if err != nil {
		return nil, err
	}
	var drop, restore []string
	for rows.Next() {
		var step int
		var d, r string
		if err := rows.Scan(&step, &d, &r); err != nil {
			rows.Close()
			return nil, err
		}
		drop, restore = append(drop, d), append([]string{r}, restore...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, q := range drop {
		if _, err := tx.Exec(ctx, q); err != nil {
			return nil, err
		}
	}
	return restore, nil
}
