package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo/sqldb/dbtest"
	"hezuo/store"
)

func TestClusterDSNs(t *testing.T) {
	for dsn, pg := range map[string]bool{
		"postgres://u@a:5432,b:5432/hezuo?target_session_attrs=read-write":     true,
		"host=a,b port=5432,5433 dbname=hezuo target_session_attrs=read-write": true,
		" dbname=hezuo":           true,
		"/var/lib/hezuo/h.db":     false,
		"hezuo.db":                false,
		"data/county=222424.db":   false,
		"postgresql://localhost/": true,
	} {
		if IsPostgres(dsn) != pg {
			t.Errorf("IsPostgres(%q) = %t", dsn, !pg)
		}
	}
}

// TestReplicaReader (PostgreSQL; the database stands in for its replica):
// plain reads go to the replica only under ReadAnywhere and once it has
// replayed the position asked for; writes never.
func TestReplicaReader(t *testing.T) {
	dsn := dbtest.Postgres(t)
	ctx := context.Background()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.reader(store.ReadAnywhere(ctx, 0), "SELECT 1") != nil {
		t.Error("a replica before OpenReplica")
	}
	if err := db.OpenReplica(ctx, dsn, time.Second); err != nil {
		t.Fatal(err)
	}
	now, err := db.WALPosition(ctx)
	if err != nil || now == 0 {
		t.Fatal(now, err)
	}
	for _, c := range []struct {
		ctx  context.Context
		q    string
		want bool
	}{
		{ctx, "SELECT 1", false},                                // not marked: the primary
		{store.ReadAnywhere(ctx, 0), "SELECT 1", true},          // marked
		{store.ReadAnywhere(ctx, now), "SELECT 1", true},        // the replica has it
		{store.ReadAnywhere(ctx, now+1<<30), "SELECT 1", false}, // not yet replayed
		{store.ReadAnywhere(ctx, 0), "SELECT id FROM orgs FOR UPDATE", false},
	} {
		if got := db.reader(c.ctx, c.q) != nil; got != c.want {
			t.Errorf("reader(%q): replica %t, want %t", c.q, got, c.want)
		}
	}
	var n int
	if err := db.QueryRowContext(store.ReadAnywhere(ctx, 0), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n == 0 {
		t.Errorf("a read on the replica: %d %v", n, err)
	}
	rep, err := db.Replication(ctx)
	if err != nil || rep.Role != "primary" || rep.ReadReplica == nil || !rep.ReadReplica.Up {
		t.Errorf("Replication: %+v %v", rep, err)
	}
}
