package sqldb

import (
	"context"
	"slices"
	"testing"
)

// shardLayout is how a national deployment lays the tables out
// (docs/ARCHITECTURE.md, "Nation"): every table is distributed by its
// county column except these, which are reference tables (copied to every
// shard) or local to the coordinator (the application's own bookkeeping:
// sign-ins, migrations, the summaries' dirty marks of the coordinator's
// transactions, the roll-ups above counties).
var shardLayout = map[string]string{
	"divisions":             "reference", // a county's queries join its villages and the names above it
	"departments":           "reference",
	"department_industries": "reference",
	"settings":              "reference",
	"lending_rates":         "reference", // the reference rates of interest subsidies, by date
	"summary_periods":       "reference",
	"meta":                  "coordinator",
	"schema_migrations":     "coordinator",
	"sessions":              "coordinator",
	"login_failures":        "coordinator",
	"audit_retention":       "coordinator",
	"summary_dirty":         "coordinator",
	// The roll-ups are of prefectures, provinces and the nation: a few rows
	// a day, kept on the coordinator in the refresh's transaction.
	"summary_delta":    "coordinator",
	"summary_snapshot": "coordinator",
	"summary_areas":    "coordinator",
}

// TestEveryTableShardable checks that every table of the schema either
// carries the county it belongs to — so PostgreSQL can be distributed by
// county, Citus-style — or is named in shardLayout; a new table must be
// placed on purpose.
func TestEveryTableShardable(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		q := `SELECT m.name, EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'county')
			FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1`
		if db.Dialect == Postgres {
			q = `SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'county' AND NOT a.attisdropped)
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`
		}
		rows, err := db.QueryContext(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var distributed, others []string
		for rows.Next() {
			var name string
			var county bool
			if err := rows.Scan(&name, &county); err != nil {
				t.Fatal(err)
			}
			_, placed := shardLayout[name]
			switch {
			case placed:
				others = append(others, name)
			case county:
				distributed = append(distributed, name)
			default:
				t.Errorf("%s has no county column and is neither a reference nor a coordinator table", name)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"orgs", "people", "memberships", "party_status", "org_segments", "instructor_segments", "loans"} {
			if !slices.Contains(distributed, want) {
				t.Errorf("%s is not distributed by county: %v", want, distributed)
			}
		}
		if len(others) != len(shardLayout) {
			t.Errorf("tables outside the layout's list: %v, listed %d", others, len(shardLayout))
		}
	})
}
